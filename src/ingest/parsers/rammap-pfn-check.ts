import { formatBytes, pagesToBytes } from '../../model/bytes.js';
import { listLabel, RAMMAP_USES } from '../../model/rammap.js';
import type { MessageSeverity } from '../messages.js';
import type { PfnCount } from './rammap-pfn-database.js';
import { RMP_LIST_ORDER, type RmpTable } from './rammap-use-counts.js';

const SHOWN_CELLS = 4;
const UNCONFIRMED = 'the per-page use and list bits guestram reads are not confirmed (formats.md §1.5), so take this as a hint';

/** What `--deep` found: the PfnDatabase counted per use × list, set against PageUseCounts. */
export function deepCheckMessage(pfn: { count?: PfnCount } | undefined, pageUse: RmpTable | undefined): { severity: MessageSeverity; text: string } {
  if (!pfn) return { severity: 'info', text: 'Deep check: the snapshot has no <PfnDatabase>, so there was nothing to check the Use Counts against.' };
  const count = pfn.count;
  if (!count) return { severity: 'info', text: 'Deep check: the <PfnDatabase> is cut short, so its pages were not compared with the Use Counts.' };
  if (!count.located) {
    return { severity: 'warning', text: 'Deep check: no run of page records (24 bytes each, page numbers rising by one) was found in <PfnDatabase>, so it was not compared with the Use Counts.' };
  }
  const held = `the PFN database holds ${count.records.toLocaleString('en-US')} page records after a ${count.headerBytes}-byte header`;
  if (!pageUse) return { severity: 'info', text: `Deep check: ${held}; there is no Use Counts table to compare them with.` };
  const differing = count.cells
    .map((pages, cell) => ({ cell, database: pages, useCounts: pageUse.values[cell] ?? 0 }))
    .filter((d) => d.database !== d.useCounts)
    .sort((a, b) => Math.abs(b.database - b.useCounts) - Math.abs(a.database - a.useCounts));
  const damage = [
    ...(count.unreadable > 0 ? [`${count.unreadable.toLocaleString('en-US')} records have flags that are not hex`] : []),
    ...(count.trailingDigits > 0 ? ['the last record is incomplete'] : []),
  ];
  if (differing.length === 0 && damage.length === 0) {
    return { severity: 'info', text: `Deep check: ${held}; counted per use and list, they match the Use Counts exactly.` };
  }
  const cells = differing.slice(0, SHOWN_CELLS).map((d) => `${cellLabel(d.cell)}: ${size(d.database)} in the database, ${size(d.useCounts)} in the Use Counts`);
  const more = differing.length > SHOWN_CELLS ? `, and ${differing.length - SHOWN_CELLS} more` : '';
  const disagreement = differing.length > 0 ? `; counted per use and list, they disagree with the Use Counts in ${differing.length} cell(s) (${cells.join('; ')}${more})` : '';
  return { severity: 'warning', text: `Deep check: ${held}${disagreement}${damage.length > 0 ? `; ${damage.join(' and ')}` : ''}. The Use Counts were used as they are; ${UNCONFIRMED}.` };
}

function cellLabel(cell: number): string {
  const use = Math.floor(cell / RMP_LIST_ORDER.length);
  const list = RMP_LIST_ORDER[cell % RMP_LIST_ORDER.length]!;
  return `${RAMMAP_USES[use]?.[1] ?? `use row ${use + 1}`} / ${listLabel(list)}`;
}

function size(pages: number): string {
  return `${formatBytes(pagesToBytes(pages))} (${pages.toLocaleString('en-US')} pages)`;
}
