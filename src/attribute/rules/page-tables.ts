import { categoryRule } from '../category-rule.js';
import { severityByShare, sized } from '../context.js';
import { collectStep } from '../next-evidence.js';

/**
 * Page tables (with active "Unused" pages) grow when huge numbers of processes — or records of exited
 * processes kept alive by handle leaks — stay around.
 */
export const pageTablesRule = categoryRule({
  cause: 'page-tables',
  uses: ['pageTable', 'unused'],
  threshold: 0.08,
  severity: (ctx, bytes) => severityByShare(ctx, bytes, 0.08, 0.3),
  title: (ctx, bytes) => `Page tables and unused kernel pages hold ${sized(ctx, bytes)}`,
  corroborate(ctx) {
    const count = ctx.snapshot.processes.length;
    return { items: [], notes: count > 0 ? [{ text: `${count} processes are running.` }] : [] };
  },
  checklist: [
    collectStep('processes', 'Count processes and look for a handle leak keeping exited processes alive (HandleCount)'),
    collectStep('memory-counters', 'Check the process count and the kernel memory over time'),
  ],
  requests: ['processes'],
});
