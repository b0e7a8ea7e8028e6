import type { GuestSnapshot } from '../model/snapshot.js';
import type { Bucket, Reconciliation } from '../reconcile/types.js';
import { docsPage } from './catalog.js';
import type { RuleContext } from './context.js';
import { confidenceOf, distinct, hasDirectSupport } from './evidence.js';
import { nextEvidence } from './next-evidence.js';
import { RULES, type Rule } from './rules/index.js';
import { memoryPressure } from './rules/memory-pressure.js';
import type { ChecklistStep, Evidence, Finding, RuleFinding, Severity } from './types.js';

export interface Attribution {
  findings: Finding[];
  /** Gap bytes claimed by findings. */
  claimedBytes: number;
  /** Gap bytes in ordinary kernel and shared use (page tables, pools, mapped files … at normal sizes). */
  ordinaryBytes: number;
  unexplainedBytes: number;
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warn: 1, info: 2 };

/** Below this confidence a finding names the input that would decide. */
export const CONFIRMED_FROM = 0.8;

/**
 * Most important first: severity, then named causes before the unexplained rest (a cause you can act on
 * is the better lead), then bytes, then confidence. Memory pressure is a consequence: it follows every other
 * warning, so the cause that makes it leads.
 */
export function rankFindings(findings: Finding[]): Finding[] {
  const unexplainedLast = (f: Finding) => (f.cause === 'unexplained' ? 1 : 0);
  const pressureAfterCauses = (f: Finding) => (f.cause === 'memory-pressure' ? 1 : 0);
  const informational = (f: Finding) => (f.severity === 'info' ? 1 : 0);
  return [...findings].sort(
    (a, b) => informational(a) - informational(b) || pressureAfterCauses(a) - pressureAfterCauses(b) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
      || unexplainedLast(a) - unexplainedLast(b) || b.bytes - a.bytes || b.confidence - a.confidence,
  );
}

/** The memory the percentages refer to: what Windows sees, else what is installed or configured. */
function ramOf(snapshot: GuestSnapshot, r: Reconciliation): number | undefined {
  const configured = [snapshot.vm.dmStartupBytes, snapshot.vm.configuredBytes].map((v) => v?.value).find((v): v is number => typeof v === 'number');
  return r.visibleBytes ?? r.installedBytes ?? snapshot.rammap?.total ?? configured;
}

/** Runs every rule over the snapshot; each claims bytes of the gap that earlier rules left. Pure. */
export function attribute(snapshot: GuestSnapshot, reconciliation: Reconciliation, rules: readonly Rule[] = RULES): Attribution {
  const ledger = new Map<Bucket, number>(Object.entries(reconciliation.gapBuckets) as [Bucket, number][]);
  const ram = ramOf(snapshot, reconciliation);
  const ctx: RuleContext = {
    snapshot,
    reconciliation,
    ...(ram !== undefined && { ramBytes: ram }),
    remaining: (bucket) => ledger.get(bucket) ?? 0,
  };
  const findings: Finding[] = [];
  let claimedBytes = 0;
  let unexplainedBytes = 0;
  for (const rule of rules) {
    const result = rule(ctx);
    for (const ruleFinding of result === undefined ? [] : Array.isArray(result) ? result : [result]) {
      for (const [bucket, bytes] of Object.entries(ruleFinding.claims) as [Bucket, number][]) {
        ledger.set(bucket, ctx.remaining(bucket) - bytes);
        if (ruleFinding.cause === 'unexplained') unexplainedBytes += bytes;
        else claimedBytes += bytes;
      }
      findings.push(scored(ruleFinding, snapshot));
    }
  }
  const pressure = memoryPressure(ctx, findings);
  if (pressure) findings.push(scored(pressure, snapshot));
  const ordinaryBytes = [...ledger.values()].reduce((s, v) => s + Math.max(0, v), 0);
  return { findings: rankFindings(findings), claimedBytes, ordinaryBytes, unexplainedBytes };
}

/**
 * A rule's finding as the report shows it: confidence from its items by the one rule of evidence.ts; a cause that
 * only indirect clues support is "likely" and at most a warning; below 80 % it names what would decide.
 */
function scored(finding: RuleFinding, snapshot: GuestSnapshot): Finding {
  const { prior, items, ceiling, notes, requests, ...rest } = finding;
  const unique = distinct(items);
  const confidence = confidenceOf(prior, unique, ceiling);
  const likely = finding.cause !== 'unexplained' && !hasDirectSupport(unique);
  const severity: Severity = likely && finding.severity === 'critical' ? 'warn' : finding.severity;
  const evidence: Evidence[] = [
    ...unique.map(({ text, source, direction, weight, direct }) => ({ text, ...(source && { source }), direction, weight, direct })),
    ...(notes ?? []),
  ];
  const next = confidence < CONFIRMED_FROM ? nextEvidence(requests ?? [], snapshot) : undefined;
  return {
    ...rest,
    confidence,
    likely,
    severity,
    evidence,
    checklist: rest.checklist.map((step) => withVmName(step, snapshot)),
    docs: docsPage(finding.cause),
    ...(rest.alternatives && rest.alternatives.length === 0 && { alternatives: undefined }),
    ...(next && { nextEvidence: next }),
  };
}

function withVmName(step: ChecklistStep, snapshot: GuestSnapshot): ChecklistStep {
  const name = snapshot.vm.vmName ? String(snapshot.vm.vmName.value) : undefined;
  return name && step.command?.includes('<vm>') ? { ...step, command: step.command.replace(/<vm>/g, name) } : step;
}
