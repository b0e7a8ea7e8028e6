import { counterByteFactor, findCounter } from '../../model/counters.js';
import { size, type RuleContext } from '../context.js';
import { supports, type EvidenceItem } from '../evidence.js';
import { collectStep } from '../next-evidence.js';
import type { ChecklistStep, Evidence } from '../types.js';

/** Items from the largest pool tags and from a rising pool counter; a steady counter is a note. */
export function poolEvidence(ctx: RuleContext, counterName: string): { items: EvidenceItem[]; notes: Evidence[] } {
  const items: EvidenceItem[] = [];
  const notes: Evidence[] = [];
  const pools = ctx.snapshot.pools;
  const total = pools.reduce((s, p) => s + p.bytes, 0);
  const top = pools[0];
  if (top && total > 0) {
    const share = top.bytes / total;
    const text = `Largest pool tag "${top.tag}": ${size(top.bytes)} (${Math.round(share * 100)} % of all pool allocations)`;
    items.push(share >= 0.5
      ? supports('pool-tag-dominates', 'moderate', `${text} — one tag dominates, the signature of a driver leak.`, top.source, true)
      : supports('pool-tag-largest', 'weak', `${text}.`, top.source));
  }
  const counter = findCounter(ctx.snapshot, 'Memory', counterName);
  const factor = counter && counterByteFactor(counter.counter);
  if (counter && factor && counter.samples > 1) {
    const growth = (counter.last - counter.first) * factor;
    const text = `${counterName} went from ${size(counter.first * factor)} to ${size(counter.last * factor)} over ${counter.samples} samples`;
    if (growth > 0.1 * counter.first * factor) items.push(supports('pool-rising', 'weak', `${text}: it is growing.`, counter.source));
    else notes.push({ text: `${text}.`, source: counter.source });
  }
  return { items, notes };
}

export function poolTagChecklist(tag: string | undefined): ChecklistStep[] {
  const shown = tag ?? '<TAG>';
  return [
    collectStep('pool-tags', 'Watch the pool by tag, sorted by bytes (PoolMon ships with the WDK)'),
    { text: `Find the driver that uses tag ${shown}: guestram names it when the public pool tag list does; else search the drivers for the tag (findstr /m /l /s ${shown} %SystemRoot%\\System32\\drivers\\*.sys)` },
    { text: 'Update or remove that driver, reboot, and check the pool again' },
  ];
}
