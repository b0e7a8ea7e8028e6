import type { ProcessFact } from '../../model/facts.js';
import { detach, detectDelimiter, headerLine, readCsvRecords, type CsvRecord } from '../csv.js';
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
    let unusable = false;
    let pendingShort: ShortRecord | undefined;
    let rows = 0;
    const readProcess = (record: CsvRecord, columns: Map<Field, Column[]>): void => {
      if (pendingShort) reportShort(pendingShort, headerCells.length, sink, false);
      pendingShort = undefined;
      if (isTypeLine(record) || isRepeatedHeader(record, headerCells)) return;
      if (record.length < headerCells.length) {
        pendingShort = { line: record.line, length: record.length };
        return;
      }
      const fact = readRow(record, columns, input.file, sink);
      if (fact) {
        sink.fact(fact);
        rows++;
      }
    };
    await readCsvRecords(input, sink, detectDelimiter(headerLine(input.head)), (record) => {
      if (columns) return readProcess(record, columns);
      if (isTypeLine(record)) return;
      const cells = record.cells();
      headerCells = cells.map(normalize);
      columns = mapColumns(cells);
      if (!columns.has('name') || !MEMORY_FIELDS.some((f) => columns!.has(f))) {
        sink.message(
          'COLUMN_MISSING',
          'error',
          'This CSV has no Name (or ProcessName) column or no memory column (PM, WS or NPM), so no process could be read from it.',
          record.line,
        );
        unusable = true;
        return 'stop';
      }
    });
    if (unusable) return;
    if (pendingShort) reportShort(pendingShort, headerCells.length, sink, true);
    if (columns && rows === 0) sink.message('NO_DATA', 'warning', 'The CSV has a Get-Process header but no process rows.');
    if (!columns) sink.message('NO_DATA', 'error', 'The file has no CSV header line, so no process could be read from it.');
  },
};

/** A record with fewer cells than the header, reported once the next record shows whether it was the last. */
interface ShortRecord {
  line: number;
  length: number;
}

function readRow(record: CsvRecord, columns: Map<Field, Column[]>, file: string, sink: ParseSink): ProcessFact | undefined {
  const nameColumn = firstFilled(record, columns.get('name'));
  if (!nameColumn) {
    sink.message('VALUE_INVALID', 'warning', `The row on line ${record.line} has no process name, so it was skipped.`, record.line);
    return undefined;
  }
  const fact: ProcessFact = { kind: 'process', name: detach(record.text(nameColumn.index).trim()), source: { file, line: record.line } };
  for (const field of NUMBER_FIELDS) {
    const column = firstFilled(record, columns.get(field));
    if (!column) continue;
    // Export-Csv writes numbers with the invariant culture, so `.` is the decimal point. (number() reads the
    // cell untrimmed: parseNumber trims first, so that is the same value.)
    const number = record.number(column.index, '.');
    const value = field === 'pid' || field === 'sessionId' ? wholeNonNegative(number) : bytes(number);
    if (value === undefined) {
      sink.message(
        'VALUE_INVALID',
        'warning',
        `The ${column.header} value "${record.text(column.index).trim()}" on line ${record.line} is not a whole non-negative number, so that row was skipped.`,
        record.line,
      );
      return undefined;
    }
    fact[field] = value;
  }
  return fact;
}

const NUMBER_FIELDS = ['pid', 'sessionId', ...MEMORY_FIELDS] as const;

function wholeNonNegative(value: number | undefined): number | undefined {
  return value !== undefined && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function bytes(value: number | undefined): number | undefined {
  return value !== undefined && value >= 0 ? Math.round(value) : undefined;
}

/** The first of the candidate columns that has a value in this record (a subset export may leave some empty). */
function firstFilled(record: CsvRecord, candidates: Column[] | undefined): Column | undefined {
  for (const column of candidates ?? []) if (!record.isBlank(column.index)) return column;
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

function reportShort(record: ShortRecord, expected: number, sink: ParseSink, last: boolean): void {
  const detail = `line ${record.line} has ${record.length} of the ${expected} fields the header names`;
  if (last) sink.message('CSV_TRUNCATED', 'warning', `The file looks cut short: ${detail}, so that last record was not used.`, record.line);
  else sink.message('CSV_MALFORMED', 'warning', `A damaged record was skipped: ${detail}.`, record.line);
}

function isTypeLine(record: CsvRecord): boolean {
  return record.length === 1 && /^#TYPE\b/i.test(record.text(0).trim());
}

function isRepeatedHeader(record: CsvRecord, header: string[]): boolean {
  if (record.length !== header.length) return false;
  for (let i = 0; i < header.length; i++) if (normalize(record.text(i)) !== header[i]) return false;
  return true;
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
