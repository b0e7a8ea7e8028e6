import type { SystemField } from '../../model/facts.js';
import { csvRows, detectDelimiter, headerLine } from '../csv.js';
import type { Parser } from '../parser.js';
import { CSV_COLUMN_ORDER, emitSystemValue, fieldForLabel, parseSystemInfoSize } from './systeminfo-fields.js';

const HALLMARKS = /(?:Multi|Uni)processor Free/;
const PLATFORM = /\b(?:x64|X86|ARM64)-based PC\b/i;

/** `systeminfo /fo csv`: one header row of (localized) labels, then one row per computer. */
export const systeminfoCsv: Parser = {
  format: 'systeminfo-csv',
  title: 'systeminfo /fo csv',
  sniff(head) {
    const header = headerLine(head);
    if (!header.trimStart().startsWith('"')) return 0;
    const cells = splitQuoted(header);
    if (cells.filter((cell) => fieldForLabel(cell)).length >= 3) return 0.95;
    // A header in another language, or a /nh file: recognizable by values systeminfo never translates.
    return cells.length === CSV_COLUMN_ORDER.length && HALLMARKS.test(head) && PLATFORM.test(head) ? 0.8 : 0;
  },
  async parse(input, sink) {
    let columns: { field: SystemField; label: string; index: number }[] | undefined;
    for await (const row of csvRows(input, sink, detectDelimiter(headerLine(input.head)))) {
      if (!columns) {
        columns = mapHeader(row.cells);
        if (columns.length === 0 && looksLikeData(row.cells)) {
          sink.message('COLUMN_MISSING', 'error', 'This systeminfo CSV has no header row (made with /nh), so its columns cannot be named; run "systeminfo /fo csv" without /nh.', row.line);
          return;
        }
        if (columns.length === 0 && row.cells.length === CSV_COLUMN_ORDER.length) {
          sink.message('COLUMN_MISSING', 'info', 'The column names were not recognized (another language?); the columns were read by their fixed systeminfo order instead.', row.line);
          columns = positionalColumns(row.cells);
        }
        if (columns.length === 0) {
          sink.message('COLUMN_MISSING', 'error', 'No known systeminfo column was found: expected a header such as "Host Name","OS Name",...,"Total Physical Memory".', row.line);
          return;
        }
        continue;
      }
      for (const { field, label, index } of columns) {
        const value = row.cells[index];
        if (value !== undefined) emitSystemValue(field, value, label, input.file, row.line, sink);
      }
    }
    if (!columns) sink.message('NO_DATA', 'error', 'The systeminfo CSV is empty.');
  },
};

function mapHeader(cells: string[]): { field: SystemField; label: string; index: number }[] {
  const columns: { field: SystemField; label: string; index: number }[] = [];
  cells.forEach((label, index) => {
    const field = fieldForLabel(label);
    if (field) columns.push({ field, label, index });
  });
  return columns;
}

function positionalColumns(cells: string[]): { field: SystemField; label: string; index: number }[] {
  return CSV_COLUMN_ORDER.flatMap((field, index) => (field ? [{ field, label: cells[index] ?? field, index }] : []));
}

function looksLikeData(cells: string[]): boolean {
  return cells.some((cell) => HALLMARKS.test(cell) || PLATFORM.test(cell) || parseSystemInfoSize(cell) !== undefined);
}

/** Cells of one quoted CSV line, for sniffing only (the parse goes through csvRows). */
function splitQuoted(line: string): string[] {
  return [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"'));
}
