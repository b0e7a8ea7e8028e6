import { KiB, PAGE_SIZE } from '../../model/bytes.js';
import { RAMMAP_LISTS, RAMMAP_USES } from '../../model/rammap.js';
import type { GuestState } from '../state.js';
import { encodeText, groupDigits, joinLines } from './text.js';

/**
 * RAMMap has no text export (formats.md §1.4), so a Use Counts table in a ticket is typed from the screen: a
 * Markdown table in RAMMap's own units (`1,234,567 K`, the guest's grouping), zero cells left blank as the UI
 * shows them, and the Total row and column. UTF-8, CRLF (a Windows editor).
 */
export function emitRammapTable(state: GuestState): Buffer {
  const k = (pages: number) => (pages === 0 ? '' : `${groupDigits((pages * PAGE_SIZE) / KiB, state.locale)} K`);
  const header = ['Usage', 'Total', ...RAMMAP_LISTS.map(([, label]) => label)];
  const rows = RAMMAP_USES.map(([use, label]) => {
    const cells = RAMMAP_LISTS.map(([list]) => state.pages[use][list]);
    return [label, k(cells.reduce((a, b) => a + b, 0)), ...cells.map(k)];
  });
  const listTotals = RAMMAP_LISTS.map(([list]) => RAMMAP_USES.reduce((sum, [use]) => sum + state.pages[use][list], 0));
  rows.push(['Total', k(listTotals.reduce((a, b) => a + b, 0)), ...listTotals.map(k)]);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const separator = `|---|${header.slice(1).map(() => '---:').join('|')}|`;
  return encodeText(joinLines([line(header), separator, ...rows.map(line)]), 'utf8');
}
