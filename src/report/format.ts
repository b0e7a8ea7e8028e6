import type { Alternative, Evidence, Finding, NextEvidence } from '../attribute/types.js';
import type { Verdict } from '../attribute/verdict.js';
import type { ReportFact } from './input-facts.js';
import { formatBytes } from '../model/bytes.js';
import { formatSource } from '../model/source.js';
import { cleanText } from './sanitize.js';

export const bytesOrDash = (bytes: number | null | undefined): string => (bytes === null || bytes === undefined ? '—' : formatBytes(bytes));

export function evidenceLine(e: Evidence): string {
  return e.source ? `${cleanText(e.text)} (${cleanText(formatSource(e.source))})` : cleanText(e.text);
}

/** `+` for, `−` against, `·` a plain note; `+!` marks a direct observation of the cause. */
export function evidenceMark(e: Evidence): string {
  if (e.direction === 'contradicts') return '−';
  if (e.direction === 'supports') return e.direct ? '+!' : '+';
  return '·';
}

export function findingHeader(f: Finding): string {
  return `[${f.severity.toUpperCase()}] ${f.cause}${f.likely ? ' (likely)' : ''} — ${formatBytes(f.bytes)}, confidence ${Math.round(f.confidence * 100)} %`;
}

export const VERDICT_LABEL: Record<Verdict, string> = {
  problem: 'PROBLEM',
  pressure: 'MEMORY PRESSURE',
  healthy: 'HEALTHY',
  'insufficient-evidence': 'NOT ENOUGH EVIDENCE',
  'mixed-inputs': 'MIXED INPUTS',
};

/** "balloon 28 % — no `info balloon` was given" */
export function alternativeLine(a: Alternative): string {
  return `${a.cause} ${Math.round(a.confidence * 100)} % — ${cleanText(a.why)}`;
}

/** "Next: the display adapter … — run in the guest: Get-CimInstance …" */
export function nextEvidenceLine(n: NextEvidence): string {
  return `${cleanText(n.text)} — run ${n.where === 'host' ? 'on the host' : 'in the guest'}: ${cleanText(n.command)}`;
}

/** A value guestram read, with its unit: sizes as sizes. */
export function factValue(f: ReportFact): string {
  return f.unit === 'bytes' && typeof f.value === 'number' ? formatBytes(f.value) : cleanText(String(f.value));
}

/** A conflicting value as a reader wants it: sizes as sizes, everything else as it came. */
export function describeValue(value: string | number | boolean): string {
  return typeof value === 'number' && value >= 1024 * 1024 ? formatBytes(value) : cleanText(String(value));
}

/** "If fixed (install-display-driver): available 178 MB → 2.2 GB (+2.0 GB)", or undefined without a what-if. */
export function whatIfLine(f: Finding): string | undefined {
  if (!f.whatIf) return undefined;
  const { change, availableBeforeBytes: before, availableAfterBytes: after } = f.whatIf;
  return `If fixed (${change}): available ${formatBytes(before)} → ${formatBytes(after)} (${after >= before ? '+' : '−'}${formatBytes(Math.abs(after - before))}), per the guest model`;
}
