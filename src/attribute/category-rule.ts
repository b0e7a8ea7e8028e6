import { useLabel, type RamMapUse } from '../model/rammap.js';
import { clampConfidence, evidence, percent, share, significant, size, type RuleContext } from './context.js';
import type { Cause, ChecklistStep, Evidence, RuleFinding, Severity } from './types.js';

export interface CategoryRuleSpec {
  cause: Cause;
  /** RAMMap rows this cause claims (their in-use part). */
  uses: RamMapUse[];
  /** Fires from this share of RAM (and at least the significance floor). */
  threshold: number;
  severity(ctx: RuleContext, bytes: number): Severity;
  title(ctx: RuleContext, bytes: number): string;
  /** Extra evidence and a confidence bonus from sources other than RAMMap. */
  corroborate?(ctx: RuleContext, bytes: number): { evidence: Evidence[]; bonus: number };
  checklist: ChecklistStep[] | ((ctx: RuleContext) => ChecklistStep[]);
}

/** A cause that is one or more RAMMap rows being larger than normal (AWE, pools, page tables, large pages). */
export function categoryRule(spec: CategoryRuleSpec) {
  return (ctx: RuleContext): RuleFinding | undefined => {
    const rammap = ctx.reconciliation.basis === 'rammap' ? ctx.snapshot.rammap : undefined;
    const found: Evidence[] = [];
    let bytes = 0;
    // Counters measure the pools but cannot tell which row (e.g. driver vs code) a byte belongs to.
    let confidence = rammap ? 0.75 : 0.55;
    const claims: RuleFinding['claims'] = {};
    for (const use of spec.uses) {
      const part = ctx.remaining(use);
      if (part <= 0) continue;
      claims[use] = part;
      bytes += part;
      const what = `${size(part)} of ${useLabel(use)} in use (${percent(ctx, part)} of RAM)`;
      found.push(rammap ? evidence(`RAMMap shows ${what}.`, rammap.source) : evidence(`The memory counters show ${what}.`));
    }
    if (!significant(ctx, bytes) || share(ctx, bytes) < spec.threshold) return undefined;
    const extra = spec.corroborate?.(ctx, bytes);
    if (extra) {
      found.push(...extra.evidence);
      confidence += extra.bonus;
    }
    return {
      cause: spec.cause,
      bytes,
      confidence: clampConfidence(confidence),
      severity: spec.severity(ctx, bytes),
      title: spec.title(ctx, bytes),
      evidence: found,
      checklist: typeof spec.checklist === 'function' ? spec.checklist(ctx) : spec.checklist,
      claims,
    };
  };
}
