import { categoryRule } from '../category-rule.js';
import { severityByShare, sized } from '../context.js';
import { collectStep } from '../next-evidence.js';
import { poolEvidence, poolTagChecklist } from './pool-evidence.js';

/** Paged pool resident beyond ~15 % of RAM: a leaking driver, or a huge registry / file-system metadata load. */
export const pagedPoolRule = categoryRule({
  cause: 'paged-pool',
  uses: ['pagedPool'],
  threshold: 0.15,
  severity: (ctx, bytes) => severityByShare(ctx, bytes, 0.15, 0.4),
  title: (ctx, bytes) => `Paged pool holds ${sized(ctx, bytes)} in memory`,
  corroborate: (ctx) => poolEvidence(ctx, 'Pool Paged Bytes'),
  checklist: (ctx) => [
    collectStep('memory-counters', 'Confirm the paged pool size and its trend'),
    ...poolTagChecklist(ctx.snapshot.pools[0]?.tag),
  ],
  requests: ['pool-tags', 'memory-counters'],
});
