import { evidence, percent, share, size, type RuleContext } from '../context.js';
import type { RuleFinding } from '../types.js';

/** Standby is cache Windows hands back the moment a program needs it: explained, not a problem. */
export function standbyCacheRule(ctx: RuleContext): RuleFinding | undefined {
  const standby = ctx.reconciliation.standbyBytes;
  if (standby === undefined || share(ctx, standby) < 0.1) return undefined;
  const source = ctx.snapshot.rammap?.source ?? ctx.snapshot.counters.find((c) => /standby cache/i.test(c.counter))?.source;
  return {
    cause: 'standby-cache',
    bytes: standby,
    confidence: 0.95,
    severity: 'info',
    title: `${size(standby)} (${percent(ctx, standby)} of RAM) is standby cache: file data kept in case it is needed, available on demand`,
    evidence: [evidence(`Standby list: ${size(standby)}; available in total: ${size(ctx.reconciliation.availableBytes ?? standby)}.`, source)],
    checklist: [
      { text: 'Nothing to fix: Task Manager counts standby as available. To see it', command: "Get-Counter '\\Memory\\Available MBytes','\\Memory\\Standby Cache Normal Priority Bytes'" },
    ],
    claims: {},
  };
}
