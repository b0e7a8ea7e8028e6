import { KiB, MiB, toBytes } from '../../model/bytes.js';
import type { ProcessFact } from '../../model/facts.js';
import type { Line } from '../input.js';
import { parseInteger, parseNumber } from '../numbers.js';
import type { ParseSink, Parser } from '../parser.js';
import { n2Decimal } from './getprocess-shared.js';

/**
 * `Get-Process > file.txt`: the formatted table (formats.md §2.2). 5.1 prints NPM/PM/WS in K (integer KiB),
 * PS 7 prints PM/WS in M with two decimals in the user's culture. Numeric columns are right-aligned under
 * their header label, UserName and ProcessName are left-aligned, so cells are cut by the header's extents.
 */
type Field = 'pid' | 'sessionId' | 'pmBytes' | 'wsBytes' | 'npmBytes';
interface ColumnSpec {
  field?: Field;
  factor?: number;
  /** Printed with "N2": two decimals in the culture's format. */
  n2?: boolean;
}
const NUMERIC: Record<string, ColumnSpec> = {
  'handles': {},
  'npm(k)': { field: 'npmBytes', factor: KiB },
  'pm(k)': { field: 'pmBytes', factor: KiB },
  'pm(m)': { field: 'pmBytes', factor: MiB, n2: true },
  'ws(k)': { field: 'wsBytes', factor: KiB },
  'ws(m)': { field: 'wsBytes', factor: MiB, n2: true },
  'vm(m)': {},
  'cpu(s)': { n2: true },
  'id': { field: 'pid' },
  'si': { field: 'sessionId' },
};
const MEMORY_LABELS = ['npm(k)', 'pm(k)', 'pm(m)', 'ws(k)', 'ws(m)'];

interface Column extends ColumnSpec {
  label: string;
  rightAligned: boolean;
  /** Cell extent in the row: [start, end). */
  start: number;
  end: number;
}

export const getprocessTable: Parser = {
  format: 'getprocess-table',
  title: 'Get-Process formatted table (Get-Process > file.txt)',
  sniff(head) {
    const lines = head.split(/\r\n|\r|\n/);
    const index = lines.findIndex(isHeader);
    if (index < 0) return 0;
    return isDashLine(lines[index + 1] ?? '') ? 0.95 : 0.6;
  },
  async parse(input, sink) {
    let columns: Column[] | undefined;
    let headerText = '';
    let decimal: ',' | '.' | undefined = decimalFromHead(input.head);
    let rows = 0;
    for await (const line of input.lines()) {
      if (line.text.trim() === '') continue;
      if (isHeader(line.text)) {
        headerText = line.text;
        columns = columnsFrom(line.text);
        continue;
      }
      if (!columns) continue;
      if (isDashLine(line.text)) {
        columns = columnsFrom(headerText, line.text);
        continue;
      }
      decimal ??= decimalOf(line.text, columns);
      const fact = readRow(line, columns, decimal, input.file, sink);
      if (fact) {
        sink.fact(fact);
        rows++;
      }
    }
    if (!columns) {
      sink.message('COLUMN_MISSING', 'error', 'No Get-Process table header (a line with Id, ProcessName and PM(K), WS(K), PM(M) or WS(M)) was found.');
    } else if (rows === 0) {
      sink.message('NO_DATA', 'warning', 'The Get-Process table has a header but no process rows.');
    }
  },
};

function readRow(line: Line, columns: Column[], decimal: ',' | '.' | undefined, file: string, sink: ParseSink): ProcessFact | undefined {
  const name = cell(line.text, columns.find((c) => c.label === 'processname')!);
  const fact: ProcessFact = { kind: 'process', name, source: { file, line: line.number } };
  for (const column of columns) {
    if (!column.field) continue;
    const text = cell(line.text, column);
    if (text === '') continue;
    const value = column.n2 ? parseAmount(text, column.factor!, decimal) : parseWhole(text, column.factor ?? 1);
    if (value === undefined) {
      sink.message('VALUE_INVALID', 'warning', `Line ${line.number} is not a Get-Process table row: ${column.label.toUpperCase()} should be a number, not "${text}".`, line.number);
      return undefined;
    }
    fact[column.field] = value;
  }
  if (name === '' || fact.pid === undefined) {
    sink.message('VALUE_INVALID', 'warning', `Line ${line.number} is not a Get-Process table row: it has no process name or Id.`, line.number);
    return undefined;
  }
  return fact;
}

/** K columns, Id and SI are whole numbers, so any separator in them can only be grouping. */
function parseWhole(text: string, factor: number): number | undefined {
  const value = parseInteger(text.replace(/(?<=\d)[.,'\s\u00A0\u202F](?=\d{3}\b)/g, ''));
  return value === undefined ? undefined : value * factor;
}

function parseAmount(text: string, factor: number, decimal: ',' | '.' | undefined): number | undefined {
  const value = parseNumber(text, decimal ? { decimal } : {});
  return value !== undefined && value >= 0 ? toBytes(value, factor) : undefined;
}

function cell(text: string, column: Column): string {
  return text.slice(column.start, column.end).trim();
}

/**
 * Column extents from the label positions (the dash line when there is one, since labels and dashes line
 * up). A right-aligned cell runs from the end of the previous column to the end of its label; a
 * left-aligned one from its label's start to the next label's start (the last one to the end of the line).
 */
function columnsFrom(header: string, dashes?: string): Column[] {
  const runs = [...(dashes ?? header).matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const labels = [...header.matchAll(/\S+/g)].map((m) => m[0].toLowerCase());
  const usable = dashes && runs.length === labels.length ? runs : [...header.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return usable.map((run, i) => {
    const label = labels[i] ?? '';
    const spec = Object.hasOwn(NUMERIC, label) ? NUMERIC[label] : undefined;
    const rightAligned = spec !== undefined;
    const next = usable[i + 1];
    const start = rightAligned ? (usable[i - 1]?.end ?? 0) : run.start;
    const end = rightAligned ? run.end : (next?.start ?? Infinity);
    return { ...spec, label, rightAligned, start, end };
  });
}

function isHeader(text: string): boolean {
  const labels = text.trim().toLowerCase().split(/\s+/);
  return labels.includes('processname') && labels.includes('id') && MEMORY_LABELS.some((l) => labels.includes(l));
}

function isDashLine(text: string): boolean {
  return /^\s*-+(\s+-+)+\s*$/.test(text);
}

/** The file's decimal separator, from the first two-decimal (N2) cell of the head's first table. */
function decimalFromHead(head: string): ',' | '.' | undefined {
  const lines = head.split(/\r\n|\r|\n/);
  const index = lines.findIndex(isHeader);
  if (index < 0) return undefined;
  const columns = isDashLine(lines[index + 1] ?? '') ? columnsFrom(lines[index]!, lines[index + 1]) : columnsFrom(lines[index]!);
  for (const line of lines.slice(index + 1)) {
    const found = decimalOf(line, columns);
    if (found) return found;
  }
  return undefined;
}

function decimalOf(text: string, columns: Column[]): ',' | '.' | undefined {
  for (const column of columns) {
    if (!column.n2) continue;
    const found = n2Decimal(cell(text, column));
    if (found) return found;
  }
  return undefined;
}
