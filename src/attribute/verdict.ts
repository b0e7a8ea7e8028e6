import { formatBytes } from '../model/bytes.js';
import { CAUSE_INFO } from './catalog.js';
import type { MachineGrouping } from '../model/machines.js';
import type { GuestSnapshot } from '../model/snapshot.js';
import type { Reconciliation } from '../reconcile/types.js';
import { asNextEvidence, nextEvidence, type EvidenceRequest } from './next-evidence.js';
import type { Finding, NextEvidence } from './types.js';

export const VERDICTS = ['problem', 'pressure', 'healthy', 'insufficient-evidence', 'mixed-inputs'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface VerdictResult {
  verdict: Verdict;
  /** One sentence: what was concluded, or what was read and why it does not allow a conclusion. */
  reason: string;
  /** When the evidence does not decide: the one input that would. */
  nextEvidence?: NextEvidence;
}

/** Whether the accounting ran: visible memory, in use, and what holds it (the processes' share) are all known. */
export function accountingRan(r: Reconciliation): boolean {
  return r.visibleBytes !== undefined && r.inUseBytes !== undefined && r.processPrivateBytes !== undefined;
}

/**
 * The report's verdict. `healthy` only when the accounting ran, every accounting check held and nothing is wrong;
 * a problem or pressure found from partial evidence is still said; anything else is `insufficient-evidence`, with
 * what was read and the one input that would decide. Inputs of several machines are never judged as one guest.
 */
export function decideVerdict(snapshot: GuestSnapshot, r: Reconciliation, findings: readonly Finding[], grouping: MachineGrouping, usable: boolean): VerdictResult {
  if (grouping.mixed) {
    const named = grouping.groups.filter((g) => g.key !== 'unnamed');
    return {
      verdict: 'mixed-inputs',
      reason: `The inputs describe ${named.length} different machines (${named.map((g) => g.label).join(', ')}); guestram does not merge them into one guest. Analyze each on its own: guestram analyze --split, or one folder per machine.`,
    };
  }
  if (!usable) return { verdict: 'insufficient-evidence', reason: 'None of the inputs is an export guestram can read.', nextEvidence: guestBundle(snapshot) };
  const problems = findings.filter((f) => f.severity !== 'info' && f.cause !== 'memory-pressure');
  const pressure = findings.find((f) => f.cause === 'memory-pressure');
  const failed = r.identities.filter((i) => !i.holds);
  const caveat = failed.length > 0 ? ` Caveat: the check "${failed[0]!.title}" failed — ${lowerFirst(failed[0]!.note ?? 'the figures may not be from one moment')}` : '';
  if (problems.length > 0) {
    const top = problems[0]!;
    const what = top.bytes > 0 ? `${CAUSE_INFO[top.cause].label}, ${formatBytes(top.bytes)}` : CAUSE_INFO[top.cause].label;
    return { verdict: 'problem', reason: `${top.likely ? 'Likely' : 'Found'}: ${what}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}${pressure ? '; the guest is also short of memory' : ''}.${caveat}` };
  }
  if (pressure) {
    if (accountingRan(r)) return { verdict: 'pressure', reason: `The guest is short of memory, and no cause guestram knows holds it: the workload needs more than the guest has.${caveat}` };
    const missing = missingAccounting(snapshot, r);
    return {
      verdict: 'pressure',
      reason: `The guest is short of memory. Whether a cause or the workload holds it needs the accounting: ${lowerFirst(missing.reason)}${caveat}`,
      ...(missing.nextEvidence && { nextEvidence: missing.nextEvidence }),
    };
  }
  if (failed.length > 0) {
    const check = failed[0]!;
    return {
      verdict: 'insufficient-evidence',
      reason: `The accounting check "${check.title}" failed (${formatBytes(check.lhs)} vs ${formatBytes(check.rhs)}): ${check.note ?? 'the figures do not agree'} So no figure can be trusted to say the guest is healthy.`,
      nextEvidence: guestBundle(snapshot),
    };
  }
  if (accountingRan(r)) return { verdict: 'healthy', reason: 'The accounting ran and every check held: in-use memory is what the processes and ordinary kernel use hold.' };
  return { verdict: 'insufficient-evidence', ...missingAccounting(snapshot, r) };
}

/** What the inputs lack for the accounting, said plainly, and the input that supplies the first missing figure. */
function missingAccounting(snapshot: GuestSnapshot, r: Reconciliation): { reason: string; nextEvidence?: NextEvidence } {
  const known: string[] = [];
  if (r.visibleBytes !== undefined) known.push(`visible memory ${formatBytes(r.visibleBytes)}`);
  if (r.inUseBytes !== undefined) known.push(`in use ${formatBytes(r.inUseBytes)}`);
  if (r.processPrivateBytes !== undefined) known.push(`process memory ${formatBytes(r.processPrivateBytes)}`);
  const missing: [string, EvidenceRequest[]][] = [];
  if (r.visibleBytes === undefined) missing.push(['how much memory the guest has', ['systeminfo']]);
  if (r.inUseBytes === undefined) missing.push(['how much of it is in use', ['systeminfo', 'memory-counters', 'rammap']]);
  if (r.processPrivateBytes === undefined) missing.push(['how much the processes hold', ['processes']]);
  const next = nextEvidence(missing.flatMap(([, requests]) => requests), snapshot);
  const read = known.length > 0 ? `The inputs give ${known.join(', ')}` : 'The inputs give no memory figures of the guest';
  return {
    reason: `${read}, but not ${missing.map(([what]) => what).join(', nor ')}: that is not enough to tell a healthy guest from one with a problem.`,
    ...(next && { nextEvidence: next }),
  };
}

function guestBundle(snapshot: GuestSnapshot): NextEvidence {
  return asNextEvidence('guest-bundle', snapshot);
}

function lowerFirst(text: string): string {
  return text ? `${text[0]!.toLowerCase()}${text.slice(1)}` : text;
}
