import { categoryRule } from '../category-rule.js';
import { percent, severityByShare, size } from '../context.js';
import { poolEvidence, poolTagChecklist } from './pool-evidence.js';

/** Paged pool resident beyond ~15 % of RAM: a leaking driver, or a huge registry / file-system metadata load. */
export const pagedPoolRule = categoryRule({
  cause: 'paged-pool',
  uses: ['pagedPool'],
  threshold: 0.15,
  severity: (ctx, bytes) => severityByShare(ctx, bytes, 0.15, 0.4),
  title: (ctx, bytes) => `Paged pool holds ${size(bytes)} (${percent(ctx, bytes)} of RAM) in memory`,
  corroborate: (ctx) => poolEvidence(ctx, 'Pool Paged Bytes'),
  checklist: (ctx) => [
    { text: 'Confirm the paged pool size and its trend', command: "Get-Counter '\\Memory\\Pool Paged Bytes','\\Memory\\Pool Paged Resident Bytes' -SampleInterval 60 -MaxSamples 10" },
    ...poolTagChecklist(ctx.snapshot.pools[0]?.tag),
  ],
});
