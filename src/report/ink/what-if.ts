import type { Finding } from '../../attribute/types.js';

/** The fields of a finding's what-if this view reads (the simulated guest model owns the rest). */
interface WhatIfFields {
  change?: unknown;
  availableBeforeBytes?: unknown;
  availableAfterBytes?: unknown;
}

/** "After install-display-driver: available 178 MB → 2.2 GB", or nothing when the finding has no what-if. */
export function whatIfLine(finding: Finding, amount: (bytes: number) => string): string | undefined {
  const w = (finding as { whatIf?: WhatIfFields }).whatIf;
  if (!w || typeof w.change !== 'string') return undefined;
  const { availableBeforeBytes: before, availableAfterBytes: after } = w;
  if (typeof before !== 'number' || typeof after !== 'number') return `After ${w.change}.`;
  return `After ${w.change}: available ${amount(before)} → ${amount(after)}`;
}
