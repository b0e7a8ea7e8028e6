import type { SourceRef, Sourced } from '../model/source.js';

export type Direction = 'supports' | 'contradicts';

/**
 * How much one observation moves the odds of a cause. Each level is a log-odds step (natural log of the
 * likelihood ratio): weak ×1.5, moderate ×2.3, strong ×4, decisive ×12. See docs/attribution.md.
 */
export type Weight = 'weak' | 'moderate' | 'strong' | 'decisive';
export const LOG_ODDS: Record<Weight, number> = { weak: 0.4, moderate: 0.85, strong: 1.4, decisive: 2.5 };

/** One observation for or against a cause, with where it was read. */
export interface EvidenceItem {
  /** What was observed. The same key read from two files is one observation and counts once. */
  key: string;
  text: string;
  direction: Direction;
  weight: Weight;
  /**
   * Direct: the input shows the cause itself (the host reports the balloon's size, the guest lists the Basic Display
   * Adapter, Get-VMMemory says Dynamic Memory is on). Indirect: a clue from which the cause is inferred (the
   * hypervisor's display setting, the machine model). A cause with no direct supporting item is only "likely".
   */
  direct: boolean;
  source?: SourceRef;
}

/** Confidence of a cause that only indirect clues support: it is a lead, not a finding. */
export const INDIRECT_CEILING = 0.7;
const CEILING = 0.95;
const FLOOR = 0.05;

export function item(
  key: string,
  direction: Direction,
  weight: Weight,
  text: string,
  source?: SourceRef | Sourced<unknown>,
  direct = false,
): EvidenceItem {
  return { key, text, direction, weight, direct, ...(source && { source: 'file' in source ? source : source.source }) };
}

export const supports = (key: string, weight: Weight, text: string, source?: SourceRef | Sourced<unknown>, direct = false) => item(key, 'supports', weight, text, source, direct);
export const contradicts = (key: string, weight: Weight, text: string, source?: SourceRef | Sourced<unknown>) => item(key, 'contradicts', weight, text, source, false);

/** One item per key: a second file stating the same thing adds no weight (the strongest reading is kept). */
export function distinct(items: readonly EvidenceItem[]): EvidenceItem[] {
  const byKey = new Map<string, EvidenceItem>();
  for (const entry of items) {
    const key = `${entry.direction}:${entry.key}`;
    const seen = byKey.get(key);
    if (!seen || LOG_ODDS[entry.weight] > LOG_ODDS[seen.weight]) byKey.set(key, entry);
  }
  return [...byKey.values()];
}

export function hasDirectSupport(items: readonly EvidenceItem[]): boolean {
  return items.some((i) => i.direction === 'supports' && i.direct);
}

/**
 * The one rule by which confidence is computed: start from the cause's prior odds, add the log-odds of every
 * distinct supporting item and subtract those of every contradicting one; cap at 95 % (70 % when no item is direct,
 * or the cause's own ceiling), floor at 5 %. Adding a contradicting item can only lower it; a duplicate changes nothing.
 */
export function confidenceOf(prior: number, items: readonly EvidenceItem[], ceiling = CEILING): number {
  const unique = distinct(items);
  let logOdds = Math.log(prior / (1 - prior));
  for (const entry of unique) logOdds += (entry.direction === 'supports' ? 1 : -1) * LOG_ODDS[entry.weight];
  const cap = Math.min(ceiling, CEILING, hasDirectSupport(unique) ? CEILING : INDIRECT_CEILING);
  const p = 1 / (1 + Math.exp(-logOdds));
  return Math.round(Math.min(cap, Math.max(FLOOR, p)) * 100) / 100;
}
