import type { ReportProcess } from '../types.js';

export const PROCESS_SORTS = ['pm', 'ws', 'private', 'name', 'pid'] as const;
export type ProcessSort = (typeof PROCESS_SORTS)[number];

export const SORT_LABELS: Record<ProcessSort, string> = { pm: 'PM ↓', ws: 'WS ↓', private: 'RAMMap private ↓', name: 'name ↑', pid: 'PID ↑' };

export function nextSort(sort: ProcessSort): ProcessSort {
  return PROCESS_SORTS[(PROCESS_SORTS.indexOf(sort) + 1) % PROCESS_SORTS.length]!;
}

const BYTES_FIELD = { pm: 'pmBytes', ws: 'wsBytes', private: 'rammapPrivateBytes' } as const;

function compare(sort: ProcessSort): (a: ReportProcess, b: ReportProcess) => number {
  const byName = (a: ReportProcess, b: ReportProcess) => a.name.localeCompare(b.name, 'en') || (a.pid ?? -1) - (b.pid ?? -1);
  if (sort === 'name') return byName;
  if (sort === 'pid') return (a, b) => (a.pid ?? Number.MAX_SAFE_INTEGER) - (b.pid ?? Number.MAX_SAFE_INTEGER) || byName(a, b);
  const field = BYTES_FIELD[sort];
  // Largest first; a process without the value goes last.
  return (a, b) => (b[field] ?? -1) - (a[field] ?? -1) || byName(a, b);
}

/** The rows the Processes table shows: those whose name contains the filter (or whose PID starts with it), sorted. */
export function processRows(processes: readonly ReportProcess[], filter: string, sort: ProcessSort): ReportProcess[] {
  const needle = filter.trim().toLowerCase();
  const matching = needle ? processes.filter((p) => p.name.toLowerCase().includes(needle) || (p.pid !== undefined && String(p.pid).startsWith(needle))) : [...processes];
  return matching.sort(compare(sort));
}
