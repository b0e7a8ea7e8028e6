import { categoryRule } from '../category-rule.js';
import { evidence, percent, severityByShare, size } from '../context.js';

/**
 * Page tables (with active "Unused" pages) grow when huge numbers of processes — or records of exited
 * processes kept alive by handle leaks — stay around.
 */
export const pageTablesRule = categoryRule({
  cause: 'page-tables',
  uses: ['pageTable', 'unused'],
  threshold: 0.08,
  severity: (ctx, bytes) => severityByShare(ctx, bytes, 0.08, 0.3),
  title: (ctx, bytes) => `Page tables and unused kernel pages hold ${size(bytes)} (${percent(ctx, bytes)} of RAM)`,
  corroborate(ctx) {
    const count = ctx.snapshot.processes.length;
    return count > 0 ? { evidence: [evidence(`${count} processes are running.`)], bonus: 0 } : { evidence: [], bonus: 0 };
  },
  checklist: [
    { text: 'Count processes and look for a handle leak keeping exited processes alive', command: 'Get-Process | Sort-Object HandleCount -Descending | Select-Object -First 10 Name, Id, HandleCount' },
    { text: 'Check the process count over time', command: "Get-Counter '\\System\\Processes' -SampleInterval 60 -MaxSamples 10" },
  ],
});
