import { counterByteFactor, findCounter } from '../../model/counters.js';
import { evidence, size, type RuleContext } from '../context.js';
import type { Evidence } from '../types.js';

/** Evidence from the largest pool tags and from a rising pool counter. */
export function poolEvidence(ctx: RuleContext, counterName: string): { evidence: Evidence[]; bonus: number } {
  const found: Evidence[] = [];
  let bonus = 0;
  const pools = ctx.snapshot.pools;
  const total = pools.reduce((s, p) => s + p.bytes, 0);
  const top = pools[0];
  if (top && total > 0) {
    const dominant = top.bytes / total >= 0.5;
    found.push(evidence(`Largest pool tag "${top.tag}": ${size(top.bytes)} (${Math.round((top.bytes / total) * 100)} % of all pool allocations)${dominant ? ' — one tag dominates, the signature of a driver leak' : ''}.`, top.source));
    if (dominant) bonus += 0.15;
  }
  const counter = findCounter(ctx.snapshot, 'Memory', counterName);
  const factor = counter && counterByteFactor(counter.counter);
  if (counter && factor && counter.samples > 1) {
    const growth = (counter.last - counter.first) * factor;
    found.push(evidence(`${counterName} went from ${size(counter.first * factor)} to ${size(counter.last * factor)} over ${counter.samples} samples.`, counter.source));
    if (growth > 0.1 * counter.first * factor) bonus += 0.1;
  }
  return { evidence: found, bonus };
}

export function poolTagChecklist(tag: string | undefined) {
  const shown = tag ?? '<TAG>';
  return [
    { text: 'Watch the pool by tag, sorted by bytes (PoolMon ships with the WDK)', command: 'poolmon.exe -b' },
    { text: `Find the driver that uses tag ${shown}`, command: `findstr /m /l /s ${shown} %SystemRoot%\\System32\\drivers\\*.sys` },
    { text: 'Update or remove that driver, reboot, and check the pool again' },
  ];
}
