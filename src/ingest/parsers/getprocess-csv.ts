import type { ProcessFact } from '../../model/facts.js';
import { csvRowBatches, detach, detectDelimiter, headerLine, type CsvRow } from '../csv.js';
import { parseInteger, parseNumber } from '../numbers.js';
import type { ParseSink, Parser } from '../parser.js';

type Field = 'name' | 'pid' | 'sessionId' | 'pmBytes' | 'wsBytes' | 'npmBytes';
interface Column {
  index: number;
  header: string;
}

/** Header names per field, best first: the 32-bit PagedMemorySize / WorkingSet only when nothing better exists. */
const ALIASES: Record<Field, string[]> = {
  name: ['name', 'processname'],
  pid: ['id'],
  sessionId: ['si', 'sessionid'],
  pmBytes: ['pm', 'pagedmemorysize64', 'privatememorysize64', 'pagedmemorysize'],
  wsBytes: ['ws', 'workingset64', 'workingset'],
  npmBytes: ['npm', 'nonpagedsystemmemorysize64', 'nonpagedsystemmemorysize'],
};
const MEMORY_FIELDS = ['pmBytes', 'wsBytes', 'npmBytes'] as const;

/** Columns a Get-Process export has besides the name; a header needs two of these to be sniffed as one. */
const TELLING_COLUMNS: string[][] = [
  ALIASES.pid,
  ALIASES.sessionId,
  ALIASES.pmBytes,
  ALIASES.wsBytes,
  ALIASES.npmBytes,
  ['handles', 'handlecount'],
  ['vm', 'virtualmemorysize64'],
];

export const getprocessCsv: Parser = {
  format: 'getprocess-csv',
  title: 'Get-Process | Export-Csv',
  sniff(head) {
    const header = headerLine(head);
    const names = new Set(splitHeader(header, detectDelimiter(header)).map(normalize));
    if (!ALIASES.name.some((n) => names.has(n))) return 0;
    const telling = TELLING_COLUMNS.filter((aliases) => aliases.some((a) => names.has(a))).length;
    if (telling < 2) return 0;
    return /^#TYPE\s+(Selected\.)?System\.Diagnostics\.Process\b/m.test(head) ? 1 : 0.95;
  },
  async parse(input, sink) {
    let columns: Map<Field, Column[]> | undefined;
    let headerCells: string[] = [];
    let pendingShort: CsvRow | undefined;
    let rows = 0;
    for await (const batch of csvRowBatches(input, sink)) {
      for (const row of batch) {
        if (!columns) {
          if (isTypeLine(row)) continue;
          headerCells = row.cells.map(normalize);
          columns = mapColumns(row.cells);
          if (!columns.has('name') || !MEMORY_FIELDS.some((f) => columns!.has(f))) {
            sink.message(
              'COLUMN_MISSING',
              'error',
              'This CSV has no Name (or ProcessName) column or no memory column (PM, WS or NPM), so no process could be read from it.',
              row.line,
            );
            return;
          }
          continue;
        }
        if (pendingShort) reportShort(pendingShort, headerCells.length, sink, false);
        pendingShort = undefined;
        if (isTypeLine(row) || isRepeatedHeader(row, headerCells)) continue;
        if (row.cells.length < headerCells.length) {
          pendingShort = row;
          continue;
        }
        const fact = readRow(row, columns, input.file, sink);
        if (fact) {
          sink.fact(fact);
          rows++;
        }
      }
    }
    if (pendingShort) reportShort(pendingShort, headerCells.length, sink, true);
    if (columns && rows === 0) sink.message('NO_DATA', 'warning', 'The CSV has a Get-Process header but no process rows.');
    if (!columns) sink.message('NO_DATA', 'error', 'The file has no CSV header line, so no process could be read from it.');
  },
};

function readRow(row: CsvRow, columns: Map<Field, Column[]>, file: string, sink: ParseSink): ProcessFact | undefined {
  const nameCell = firstFilled(row, columns.get('name'));
  if (!nameCell) {
    sink.message('VALUE_INVALID', 'warning', `The row on line ${row.line} has no process name, so it was skipped.`, row.line);
    return undefined;
  }
  const fact: ProcessFact = { kind: 'process', name: detach(nameCell.text), source: { file, line: row.line } };
  for (const field of ['pid', 'sessionId', ...MEMORY_FIELDS] as const) {
    const cell = firstFilled(row, columns.get(field));
    if (!cell) continue;
    // Export-Csv writes numbers with the invariant culture, so `.` is the decimal point.
    const value = field === 'pid' || field === 'sessionId' ? parseInteger(cell.text, { decimal: '.' }) : parseBytes(cell.text);
    if (value === undefined) {
      sink.message(
        'VALUE_INVALID',
        'warning',
        `The ${cell.header} value "${cell.text}" on line ${row.line} is not a whole non-negative number, so that row was skipped.`,
        row.line,
      );
      return undefined;
    }
    fact[field] = value;
  }
  return fact;
}

function parseBytes(text: string): number | undefined {
  const value = parseNumber(text, { decimal: '.' });
  return value !== undefined && value >= 0 ? Math.round(value) : undefined;
}

/** The first of the candidate columns that has a value in this row (a subset export may leave some empty). */
function firstFilled(row: CsvRow, candidates: Column[] | undefined): { text: string; header: string } | undefined {
  for (const { index, header } of candidates ?? []) {
    const text = row.cells[index]?.trim();
    if (text) return { text, header };
  }
  return undefined;
}

/** For each field, the columns that can carry it, best first. */
function mapColumns(rawHeader: string[]): Map<Field, Column[]> {
  const header = rawHeader.map(normalize);
  const columns = new Map<Field, Column[]>();
  for (const [field, aliases] of Object.entries(ALIASES) as [Field, string[]][]) {
    const found = aliases
      .map((alias) => header.indexOf(alias))
      .filter((index) => index >= 0)
      .map((index) => ({ index, header: rawHeader[index]!.trim() }));
    if (found.length > 0) columns.set(field, found);
  }
  return columns;
}

function reportShort(row: CsvRow, expected: number, sink: ParseSink, last: boolean): void {
  const detail = `line ${row.line} has ${row.cells.length} of the ${expected} fields the header names`;
  if (last) sink.message('CSV_TRUNCATED', 'warning', `The file looks cut short: ${detail}, so that last record was not used.`, row.line);
  else sink.message('CSV_MALFORMED', 'warning', `A damaged record was skipped: ${detail}.`, row.line);
}

function isTypeLine(row: CsvRow): boolean {
  return row.cells.length === 1 && /^#TYPE\b/i.test(row.cells[0]!.trim());
}

function isRepeatedHeader(row: CsvRow, header: string[]): boolean {
  return row.cells.length === header.length && row.cells.every((cell, i) => normalize(cell) === header[i]);
}

function normalize(name: string): string {
  return name.replace(/^\uFEFF/, '').replace(/[\s_]/g, '').toLowerCase();
}

/** Splits one header line on the delimiter, outside double quotes, and unquotes the names. */
function splitHeader(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let current = '';
  let inQuotes = false;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (ch === delimiter && !inQuotes) {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  return cells;
}
