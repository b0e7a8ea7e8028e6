import type { Severity } from '../attribute/types.js';
import type { Report } from './types.js';

export const EXIT = { analyzed: 0, findingAtOrAbove: 1, usageOrNothing: 2 } as const;

const RANK: Record<Severity, number> = { info: 0, warn: 1, critical: 2 };

/** 0 analyzed; 1 a finding at or above `failOn` (only when given); 2 nothing could be analyzed. */
export function exitCode(report: Report, failOn?: Severity): number {
  if (!report.inputs.some((i) => i.status === 'ok' || i.status === 'partial')) return EXIT.usageOrNothing;
  if (failOn && report.findings.some((f) => RANK[f.severity] >= RANK[failOn])) return EXIT.findingAtOrAbove;
  return EXIT.analyzed;
}
