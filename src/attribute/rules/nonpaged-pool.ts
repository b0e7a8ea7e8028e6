import { categoryRule } from '../category-rule.js';
import { severityByShare, sized } from '../context.js';
import { collectStep } from '../next-evidence.js';
import { poolEvidence, poolTagChecklist } from './pool-evidence.js';

/** Nonpaged pool beyond ~7.5 % of RAM is not normal for a guest: usually a driver leaking one pool tag. */
export const nonpagedPoolRule = categoryRule({
  cause: 'nonpaged-pool',
  uses: ['nonpagedPool'],
  threshold: 0.075,
  severity: (ctx, bytes) => severityByShare(ctx, bytes, 0.075, 0.3),
  title: (ctx, bytes) => {
    const tag = ctx.snapshot.pools[0]?.tag;
    return `Nonpaged pool holds ${sized(ctx, bytes)}${tag ? `, most of it tagged "${tag}"` : ''} — a driver is likely leaking`;
  },
  corroborate: (ctx) => poolEvidence(ctx, 'Pool Nonpaged Bytes'),
  checklist: (ctx) => [
    collectStep('memory-counters', 'Confirm the nonpaged pool size and its trend'),
    ...poolTagChecklist(ctx.snapshot.pools[0]?.tag),
  ],
  requests: ['pool-tags', 'memory-counters'],
});
