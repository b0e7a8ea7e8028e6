import { categoryRule } from '../category-rule.js';
import { sized } from '../context.js';
import { collectStep } from '../next-evidence.js';

/** Large-page allocations (SQL Server trace flag 834, JVMs with -XX:+UseLargePages) are expected for that workload. */
export const largePagesRule = categoryRule({
  cause: 'large-pages',
  uses: ['largePage'],
  threshold: 0.02,
  severity: () => 'info',
  title: (ctx, bytes) => `${sized(ctx, bytes)} is in large pages, expected for a workload that asked for them`,
  checklist: [
    collectStep('processes', 'List the processes to see which workload asked for large pages'),
    { text: 'Check that workload: SQL Server trace flag 834, JVM -XX:+UseLargePages, or another server configured for large pages (it needs the "Lock pages in memory" right)' },
  ],
});
