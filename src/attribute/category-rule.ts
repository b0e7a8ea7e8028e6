import { useLabel, type RamMapUse } from '../model/rammap.js';
import { share, significant, sized, type RuleContext } from './context.js';
import { supports, type EvidenceItem } from './evidence.js';
import type { EvidenceRequest } from './next-evidence.js';
import type { Cause, ChecklistStep, Evidence, RuleFinding, Severity } from './types.js';

export interface CategoryRuleSpec {
  cause: Cause;
  /** RAMMap rows this cause claims (their in-use part). */
  uses: RamMapUse[];
  /** Fires from this share of RAM (and at least the significance floor). */
  threshold: number;
  severity(ctx: RuleContext, bytes: number): Severity;
  title(ctx: RuleContext, bytes: number): string;
  /** Items from sources other than the row itself (a pool tag, a rising counter, the process that holds it). */
  corroborate?(ctx: RuleContext, bytes: number): { items: EvidenceItem[]; notes?: Evidence[] };
  checklist: ChecklistStep[] | ((ctx: RuleContext) => ChecklistStep[]);
  requests?: EvidenceRequest[];
}

/**
 * A cause that is one or more RAMMap rows (or the kernel counters that measure them) being larger than normal:
 * AWE, pools, page tables, large pages. The row is the cause measured, so it is direct evidence; RAMMap is
 * strong, counters moderate (they measure the pool but cannot tell which row a byte belongs to).
 */
export function categoryRule(spec: CategoryRuleSpec) {
  return (ctx: RuleContext): RuleFinding | undefined => {
    const rammap = ctx.snapshot.rammap;
    const items: EvidenceItem[] = [];
    let bytes = 0;
    const claims: RuleFinding['claims'] = {};
    for (const use of spec.uses) {
      const part = ctx.remaining(use);
      if (part <= 0) continue;
      claims[use] = part;
      bytes += part;
      const what = `${sized(ctx, part)} of ${useLabel(use)} in use`;
      const fromRamMap = rammap !== undefined && ctx.reconciliation.bucketSources[use] === rammap.source;
      items.push(fromRamMap
        ? supports(`row:${use}`, 'strong', `RAMMap shows ${what}.`, rammap.source, true)
        : supports(`row:${use}`, 'moderate', `The memory counters show ${what}.`, ctx.reconciliation.bucketSources[use], true));
    }
    if (!significant(ctx, bytes) || share(ctx, bytes) < spec.threshold) return undefined;
    const extra = spec.corroborate?.(ctx, bytes);
    items.push(...(extra?.items ?? []));
    return {
      cause: spec.cause,
      bytes,
      prior: 0.5,
      items,
      notes: extra?.notes ?? [],
      severity: spec.severity(ctx, bytes),
      title: spec.title(ctx, bytes),
      checklist: typeof spec.checklist === 'function' ? spec.checklist(ctx) : spec.checklist,
      claims,
      ...(spec.requests && { requests: spec.requests }),
    };
  };
}
