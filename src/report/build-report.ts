import type { Attribution } from '../attribute/attribute.js';
import { CAUSE_INFO } from '../attribute/catalog.js';
import type { Finding } from '../attribute/types.js';
import type { VerdictResult } from '../attribute/verdict.js';
import type { ParsedFile } from '../ingest/ingest-file.js';
import { formatBytes } from '../model/bytes.js';
import type { MachineGrouping } from '../model/machines.js';
import { RAMMAP_USES } from '../model/rammap.js';
import type { GuestSnapshot } from '../model/snapshot.js';
import { inUseOf } from '../reconcile/reconcile.js';
import type { Reconciliation } from '../reconcile/types.js';
import { describeFacts } from './input-facts.js';
import { SCHEMA_VERSION, type Report, type ReportCategory, type ReportMachine, type ReportProcess, type WaterfallStep } from './types.js';

export interface ReportParts {
  version: string;
  files: ParsedFile[];
  snapshot: GuestSnapshot;
  reconciliation: Reconciliation;
  attribution: Attribution;
  verdict: VerdictResult;
  grouping: MachineGrouping;
  /** With several machines: each one's own report, for its line in `machines`. */
  perMachine?: Report[];
}

/** Assembles the report every renderer receives. Pure. */
export function buildReport({ version, files, snapshot, reconciliation, attribution, verdict, grouping, perMachine }: ReportParts): Report {
  const { findings } = attribution;
  const primary = verdict.verdict === 'mixed-inputs' ? undefined : findings.find((f) => f.severity !== 'info');
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'guestram', version },
    summary: {
      verdict: verdict.verdict,
      verdictReason: verdict.reason,
      ...(verdict.nextEvidence && { nextEvidence: verdict.nextEvidence }),
      primaryCause: primary?.cause ?? 'none',
      headline: usable(files) ? headline(verdict, primary, findings, reconciliation) : `Nothing could be analyzed: none of the ${files.length} input(s) is an export guestram can read (see Inputs).`,
      hypervisor: snapshot.hypervisor?.value ?? 'unknown',
      physicalBytes: reconciliation.visibleBytes ?? null,
      installedBytes: reconciliation.installedBytes ?? null,
      inUseBytes: reconciliation.inUseBytes ?? null,
      processPrivateBytes: reconciliation.processPrivateBytes ?? null,
      gapBytes: reconciliation.gapBytes ?? null,
      unexplainedBytes: attribution.unexplainedBytes,
    },
    inputs: files.map(({ facts, ...input }) => ({ ...input, facts: describeFacts(facts) })),
    reconciliation: {
      ...reconciliation,
      claimedBytes: attribution.claimedBytes,
      ordinaryBytes: attribution.ordinaryBytes,
      unexplainedBytes: attribution.unexplainedBytes,
      waterfall: waterfall(reconciliation, attribution),
    },
    findings,
    conflicts: snapshot.conflicts,
    machines: machines(grouping, perMachine),
    categories: categories(snapshot),
    processes: processes(snapshot),
  };
}

function usable(files: ParsedFile[]): boolean {
  return files.some((f) => f.status === 'ok' || f.status === 'partial');
}

function headline(verdict: VerdictResult, primary: Finding | undefined, findings: Finding[], r: Reconciliation): string {
  switch (verdict.verdict) {
    case 'mixed-inputs':
    case 'insufficient-evidence':
      return verdict.verdict === 'mixed-inputs' ? verdict.reason : `Not enough evidence to say whether memory is healthy. ${verdict.reason}`;
    case 'problem':
    case 'pressure':
      return primary?.title ?? verdict.reason;
    case 'healthy': {
      const inUse = r.inUseBytes !== undefined && r.visibleBytes !== undefined ? `${formatBytes(r.inUseBytes)} of ${formatBytes(r.visibleBytes)} is in use` : 'nothing is holding memory it should not';
      const standby = findings.find((f) => f.cause === 'standby-cache');
      return `No memory problem found: ${inUse}${standby ? `; ${formatBytes(standby.bytes)} more is standby cache, which Windows gives back on demand` : ''}.`;
    }
  }
}

function machines(grouping: MachineGrouping, perMachine: Report[] | undefined): ReportMachine[] {
  return grouping.groups.map((group, i) => ({
    key: group.key,
    label: group.label,
    ...(group.hostName && { hostName: group.hostName }),
    ...(group.hypervisor && { hypervisor: group.hypervisor }),
    files: group.files,
    ...(perMachine?.[i] && { verdict: perMachine[i]!.summary.verdict, headline: perMachine[i]!.summary.headline }),
  }));
}

function waterfall(r: Reconciliation, a: Attribution): WaterfallStep[] {
  const steps: WaterfallStep[] = [];
  if (r.installedBytes !== undefined) steps.push({ label: 'Installed RAM', bytes: r.installedBytes, kind: 'total' });
  if (r.hardwareReservedBytes) steps.push({ label: 'Hardware reserved', bytes: r.hardwareReservedBytes, kind: 'subtract' });
  if (r.visibleBytes !== undefined) steps.push({ label: 'Visible to Windows', bytes: r.visibleBytes, kind: 'total' });
  if (r.availableBytes !== undefined) steps.push({ label: 'Available (standby + free)', bytes: r.availableBytes, kind: 'subtract' });
  if (r.modifiedBytes) steps.push({ label: 'Modified (shown apart)', bytes: r.modifiedBytes, kind: 'subtract' });
  if (r.inUseBytes !== undefined) steps.push({ label: 'In use', bytes: r.inUseBytes, kind: 'total' });
  if (r.processPrivateBytes !== undefined) steps.push({ label: 'Process private', bytes: r.processPrivateBytes, kind: 'subtract' });
  if (r.gapBytes !== undefined) steps.push({ label: 'Gap: in use outside processes', bytes: r.gapBytes, kind: 'total' });
  for (const finding of a.findings) {
    const claimed = Object.values(finding.claims).reduce<number>((s, v) => s + (v ?? 0), 0);
    if (claimed > 0 && finding.cause !== 'unexplained') steps.push({ label: CAUSE_INFO[finding.cause].label, bytes: claimed, kind: 'cause', cause: finding.cause });
  }
  if (r.gapBytes !== undefined) steps.push({ label: 'Ordinary kernel and shared memory', bytes: a.ordinaryBytes, kind: 'subtract' });
  steps.push({ label: 'Unexplained', bytes: a.unexplainedBytes, kind: 'rest' });
  return steps;
}

function categories(snapshot: GuestSnapshot): ReportCategory[] {
  const rammap = snapshot.rammap;
  if (!rammap) return [];
  return RAMMAP_USES.map(([use, label]) => ({ use, label, totalBytes: rammap.rowTotals[use], inUseBytes: rammap.hasLists ? inUseOf(rammap, use) : rammap.rowTotals[use] }));
}

function processes(snapshot: GuestSnapshot): ReportProcess[] {
  const privateByPid = new Map(snapshot.rammapProcesses.map((p) => [p.pid, p.privateBytes]));
  const listed: ReportProcess[] = snapshot.processes.map((p) => ({
    name: p.name,
    ...(p.pid !== undefined && { pid: p.pid }),
    ...(p.pmBytes !== undefined && { pmBytes: p.pmBytes }),
    ...(p.wsBytes !== undefined && { wsBytes: p.wsBytes }),
    ...(p.pid !== undefined && privateByPid.has(p.pid) && { rammapPrivateBytes: privateByPid.get(p.pid)! }),
  }));
  if (listed.length > 0) return listed;
  return snapshot.rammapProcesses.map((p) => ({ name: p.name, pid: p.pid, rammapPrivateBytes: p.privateBytes }));
}
