import type { Evidence, Finding } from '../attribute/types.js';
import { formatBytes } from '../model/bytes.js';
import { formatSource } from '../model/source.js';
import { cleanText } from './sanitize.js';

export const bytesOrDash = (bytes: number | null | undefined): string => (bytes === null || bytes === undefined ? '—' : formatBytes(bytes));

export function evidenceLine(e: Evidence): string {
  return e.source ? `${cleanText(e.text)} (${cleanText(formatSource(e.source))})` : cleanText(e.text);
}

export function findingHeader(f: Finding): string {
  return `[${f.severity.toUpperCase()}] ${f.cause} — ${formatBytes(f.bytes)}, confidence ${Math.round(f.confidence * 100)} %`;
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
