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
