import { KiB } from '../../model/bytes.js';
import { csvRows } from '../csv.js';
import type { Parser, ParseSink } from '../parser.js';
import { parseSize } from '../sizes.js';
import { splitAlignedRow } from './rammap-table-aligned.js';
import { cleanCell, findHeader, parseRowLabel, splitPipes, type TableHeader } from './rammap-table-header.js';
import { buildUseCounts, type TableRow } from './rammap-table-values.js';

/** A Use Counts table is ~16 rows; anything far longer is not one. */
const MAX_ROWS = 1000;
const SEPARATOR_CELL = /^:?-{2,}:?$/;

/**
 * RAMMap's Use Counts table as people type or paste it (formats.md §1.7): CSV, TSV, Markdown or
 * space-aligned text, sizes in K unless the table says otherwise.
 */
export const rammapTable: Parser = {
  format: 'rammap-table',
  title: 'RAMMap Use Counts table (typed or pasted)',
  sniff(head) {
    const header = findHeader(head);
    if (!header || !header.columns.some((c) => c.kind === 'total' || c.kind === 'list')) return 0;
    const uses = new Set<string>();
    for (const line of head.split(/\r\n|\r|\n/).slice(header.line, header.line + 60)) {
      if (!/\d/.test(line)) continue;
      const label = parseRowLabel(rowLabel(line, header));
      if (label.kind === 'use') uses.add(label.use);
    }
    return uses.size >= 6 ? 0.95 : uses.size >= 3 ? 0.9 : 0;
  },
  async parse(input, sink) {
    const header = findHeader(input.head);
    if (!header) {
      sink.message(
        'COLUMN_MISSING',
        'error',
        'No header row was found: a RAMMap Use Counts table needs one naming Total and/or the page lists, like "| Use | Total | Active | Standby |".',
        1,
      );
      return;
    }
    const rows: TableRow[] = [];
    for await (const row of tableRows(input, header, sink)) {
      if (rows.length === MAX_ROWS) {
        sink.message('VALUE_INVALID', 'warning', `Only the first ${MAX_ROWS} rows were read; a Use Counts table has about 16.`, row.line);
        break;
      }
      rows.push(row);
    }
    const fact = buildUseCounts(input.file, header, rows, sink);
    if (fact) sink.fact(fact);
  },
};

function rowLabel(line: string, header: TableHeader): string {
  if (header.layout === '|') return splitPipes(line)[0] ?? '';
  if (header.layout === 'aligned') return splitAlignedRow(line, header.columns).label;
  return line.split(header.layout)[0] ?? '';
}

async function* tableRows(input: Parameters<Parser['parse']>[0], header: TableHeader, sink: ParseSink): AsyncGenerator<TableRow> {
  if (header.layout === '|' || header.layout === 'aligned') {
    for await (const { number, text } of input.lines()) {
      if (number <= header.line || text.trim() === '') continue;
      if (header.layout === '|') {
        if (!text.includes('|')) continue;
        const row = cellsRow(number, splitPipes(text), header, sink);
        if (row) yield row;
        continue;
      }
      const split = splitAlignedRow(text, header.columns);
      if ('error' in split) {
        if (parseRowLabel(split.label).kind !== 'unknown') sink.message('VALUE_INVALID', 'warning', `The "${split.label}" row was skipped: ${split.error}.`, number);
        continue;
      }
      // Prose around a pasted table ("copied from an 8 GB VM") is not a row.
      if (parseRowLabel(split.label).kind === 'unknown' && ![...split.cells.values()].every((v) => v === '' || parseSize(v, KiB) !== undefined)) continue;
      yield { line: number, label: split.label, cells: split.cells };
    }
    return;
  }
  for await (const { line, cells } of csvRows(input, sink, header.layout)) {
    if (line <= header.line) continue;
    const row = cellsRow(line, header.layout === ',' ? rejoinGroupedNumbers(cells, header.columns.length) : cells, header, sink);
    if (row) yield row;
  }
}

/** Maps a row's cells to the header's columns; a missing trailing cell stays unknown. */
function cellsRow(line: number, cells: string[], header: TableHeader, sink: ParseSink): TableRow | undefined {
  if (cells.every((c) => c.trim() === '' || SEPARATOR_CELL.test(c.trim()))) return undefined;
  const columns = header.columns;
  const labelColumn = columns.findIndex((c) => c.kind === 'label');
  // A header without a label column (`,Total,Active` written as `Total,Active`) is one cell short.
  const offset = labelColumn === -1 && cells.length === columns.length + 1 ? 1 : 0;
  const label = labelColumn === -1 ? (offset === 1 ? cells[0]! : '') : (cells[labelColumn] ?? '');
  const extra = cells.slice(columns.length + offset);
  if (extra.some((c) => cleanCell(c) !== '')) {
    sink.message('VALUE_INVALID', 'warning', `The "${cleanCell(label)}" row has ${cells.length} cells but the header has ${columns.length}, so the row was skipped.`, line);
    return undefined;
  }
  const map = new Map<number, string>();
  columns.forEach((column, index) => {
    const cell = cells[index + offset];
    if (column.kind !== 'label' && cell !== undefined) map.set(index, cell);
  });
  return { line, label, cells: map };
}

/** `Process Private,1,234,567 K,...` written without quotes: glue the 3-digit groups back on. */
function rejoinGroupedNumbers(cells: string[], expected: number): string[] {
  if (cells.length <= expected) return cells;
  const joined: string[] = [];
  for (const cell of cells) {
    const previous = joined[joined.length - 1];
    if (previous !== undefined && /^\d{3}(?:\s*[A-Za-z]+)?$/.test(cell.trim()) && /^\s*\d{1,3}(?:,\d{3})*$/.test(previous)) {
      joined[joined.length - 1] = `${previous},${cell.trim()}`;
    } else {
      joined.push(cell);
    }
  }
  return joined;
}
