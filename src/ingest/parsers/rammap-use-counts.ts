import { formatBytes, pagesToBytes } from '../../model/bytes.js';
import type { UseCountsFact } from '../../model/facts.js';
import { listLabel, RAMMAP_USES, type RamMapList, type RamMapUse } from '../../model/rammap.js';
import type { ParseSink } from '../parser.js';

/** Page lists in the order the .rmp stores them (not the UI order). */
export const RMP_LIST_ORDER: readonly RamMapList[] = ['zeroed', 'free', 'standby', 'modified', 'modifiedNoWrite', 'bad', 'active', 'transition'];
export const RMP_USE_SLOTS = 16;
export const RMP_PAGE_USE_VALUES = RMP_USE_SLOTS * RMP_LIST_ORDER.length;

export interface RmpTable {
  values: number[];
  line: number;
}

/** Turns the PageUseCounts matrix (pages, [16 use][8 list]) and ListCounts into one use-counts fact. */
export function useCountsFact(file: string, pageUse: RmpTable, listCounts: RmpTable | undefined, sink: ParseSink): UseCountsFact {
  const pages = (use: number, list: number) => pageUse.values[use * RMP_LIST_ORDER.length + list] ?? 0;
  const cells: UseCountsFact['cells'] = {};
  const rowTotals: UseCountsFact['rowTotals'] = {};
  let total = 0;
  RAMMAP_USES.forEach(([use], u) => {
    const row: Partial<Record<RamMapList, number>> = {};
    let rowPages = 0;
    RMP_LIST_ORDER.forEach((list, l) => {
      row[list] = pagesToBytes(pages(u, l));
      rowPages += pages(u, l);
    });
    cells[use as RamMapUse] = row;
    rowTotals[use as RamMapUse] = pagesToBytes(rowPages);
    total += pagesToBytes(rowPages);
  });

  let hiddenPages = 0;
  for (let u = RAMMAP_USES.length; u < RMP_USE_SLOTS; u++) for (let l = 0; l < RMP_LIST_ORDER.length; l++) hiddenPages += pages(u, l);
  if (hiddenPages > 0) {
    sink.message(
      'VALUE_INVALID',
      'warning',
      `The Use Counts table has ${formatBytes(pagesToBytes(hiddenPages))} in use types RAMMap does not show (rows 15-16); they are left out of the totals.`,
      pageUse.line,
    );
  }

  const listTotals: UseCountsFact['listTotals'] = {};
  if (listCounts) {
    const disagreeing: string[] = [];
    RMP_LIST_ORDER.forEach((list, l) => {
      const stated = listCounts.values[l]!;
      listTotals[list] = pagesToBytes(stated);
      let columnPages = 0;
      for (let u = 0; u < RMP_USE_SLOTS; u++) columnPages += pages(u, l);
      if (columnPages !== stated) {
        disagreeing.push(`${listLabel(list)} ${formatBytes(pagesToBytes(stated))} vs ${formatBytes(pagesToBytes(columnPages))}`);
      }
    });
    if (disagreeing.length > 0) {
      sink.message(
        'VALUE_INVALID',
        'warning',
        `The list totals (ListCounts) disagree with the sums of the Use Counts columns (${disagreeing.join('; ')}); the Use Counts cells are kept as they are.`,
        listCounts.line,
      );
    }
  }
  return { kind: 'use-counts', origin: 'rmp', cells, rowTotals, listTotals, total, source: { file, line: pageUse.line, field: 'PageUseCounts' } };
}
