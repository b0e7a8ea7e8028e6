import { share, sized, size, type RuleContext } from '../context.js';
import { supports } from '../evidence.js';
import { collectStep } from '../next-evidence.js';
import type { RuleFinding } from '../types.js';

/** Standby is cache Windows hands back the moment a program needs it: explained, not a problem. */
export function standbyCacheRule(ctx: RuleContext): RuleFinding | undefined {
  const standby = ctx.reconciliation.standbyBytes;
  if (standby === undefined || share(ctx, standby) < 0.1) return undefined;
  const source = ctx.snapshot.rammap?.source ?? ctx.snapshot.counters.find((c) => /standby cache/i.test(c.counter))?.source;
  return {
    cause: 'standby-cache',
    bytes: standby,
    prior: 0.9,
    items: [supports('standby-list', 'strong', `Standby list: ${size(standby)}; available in total: ${size(ctx.reconciliation.availableBytes ?? standby)}.`, source, true)],
    severity: 'info',
    title: `${sized(ctx, standby)} is standby cache: file data kept in case it is needed, available on demand`,
    checklist: [collectStep('memory-counters', 'Nothing to fix: Task Manager counts standby as available. To see it over time')],
    claims: {},
  };
}
