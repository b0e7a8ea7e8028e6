import { categoryRule } from '../category-rule.js';
import { severityByShare, size, sized } from '../context.js';
import { supports } from '../evidence.js';
import { collectStep } from '../next-evidence.js';

/** SQL Server with "Lock pages in memory" allocates through AWE, outside its working set: Task Manager shows it small. */
export const aweRule = categoryRule({
  cause: 'awe',
  uses: ['awe'],
  threshold: 0.02,
  severity: (ctx, bytes) => severityByShare(ctx, bytes, 0.2, 0.6),
  title: (ctx, bytes) => `${sized(ctx, bytes)} is AWE / locked pages — typically SQL Server with "Lock pages in memory"`,
  corroborate(ctx) {
    const sql = ctx.snapshot.processes.find((p) => /^sqlservr$/i.test(p.name.replace(/\.exe$/i, '')));
    if (!sql) return { items: [] };
    return { items: [supports('sqlservr', 'moderate', `sqlservr is running with only ${size(sql.wsBytes ?? sql.pmBytes ?? 0)} in its working set: its buffer pool is outside it.`, sql.source)] };
  },
  checklist: [
    collectStep('rammap', 'Capture RAMMap again later: the AWE row is what SQL Server holds in locked pages (in SQL Server itself: sys.dm_os_process_memory, locked_page_allocations_kb)'),
    collectStep('processes', 'List the processes: sqlservr with a small working set next to a large AWE row is the signature'),
    { text: 'Cap SQL Server below the VM size, leaving room for Windows (max server memory, in MB)', command: "Invoke-Sqlcmd -Query \"EXEC sp_configure 'show advanced options', 1; RECONFIGURE; EXEC sp_configure 'max server memory (MB)', 2048; RECONFIGURE\"", fix: true },
  ],
  requests: ['processes'],
});
