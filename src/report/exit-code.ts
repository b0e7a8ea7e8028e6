import type { Severity } from '../attribute/types.js';
import type { Report } from './types.js';

export const EXIT = { analyzed: 0, findingAtOrAbove: 1, usageOrNothing: 2, noVerdict: 3 } as const;

const RANK: Record<Severity, number> = { info: 0, warn: 1, critical: 2 };

/**
 * 0 analyzed; 1 a finding at or above `failOn`; 2 nothing could be analyzed; 3 (only with `failOn`) the inputs
 * do not allow a verdict (`insufficient-evidence`, `mixed-inputs`): a monitor must not read that as healthy.
 */
export function exitCode(report: Report, failOn?: Severity): number {
  if (!report.inputs.some((i) => i.status === 'ok' || i.status === 'partial')) return EXIT.usageOrNothing;
  if (failOn && report.findings.some((f) => RANK[f.severity] >= RANK[failOn])) return EXIT.findingAtOrAbove;
  if (failOn && (report.summary.verdict === 'insufficient-evidence' || report.summary.verdict === 'mixed-inputs')) return EXIT.noVerdict;
  return EXIT.analyzed;
}

/** Several reports (`--split`): the most serious exit code of any, and 2 only when none could be analyzed. */
export function exitCodeOfAll(reports: readonly Report[], failOn?: Severity): number {
  const codes = reports.map((r) => exitCode(r, failOn));
  if (codes.every((c) => c === EXIT.usageOrNothing)) return EXIT.usageOrNothing;
  const order = [EXIT.findingAtOrAbove, EXIT.noVerdict, EXIT.analyzed] as number[];
  return order.find((c) => codes.includes(c)) ?? EXIT.analyzed;
}
