import type { DriverFact } from '../../model/facts.js';
import { csvRows, detectDelimiter, headerLine } from '../csv.js';
import { parseInteger } from '../numbers.js';
import type { Parser, ParseSink } from '../parser.js';

/** `driverquery /v /fo csv` (15 columns) and `driverquery /fo csv` (Module Name, Display Name, Driver Type, Link Date). */
export const driverqueryCsv: Parser = {
  format: 'driverquery-csv',
  title: 'driverquery /fo csv',
  sniff(head) {
    const lines = head.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
    const header = lines[0] ?? '';
    if (!header.trimStart().startsWith('"')) return 0;
    const names = quotedCells(header).map(normalize);
    if (names.includes('modulename') && names.includes('displayname')) return 0.95;
    // Localized headers: recognize the rows instead (a .sys path in the /v Path column, or the driver type).
    const rows = lines.slice(1, 20).map(quotedCells);
    if (names.length === VERBOSE_ORDER.length && rows.some((r) => r.length === VERBOSE_ORDER.length && /\.sys$/i.test(r[13] ?? ''))) return 0.85;
    if (names.length === PLAIN_ORDER.length && rows.some((r) => r.length === PLAIN_ORDER.length && /^(Kernel|File System) $/.test(r[2] ?? ''))) return 0.8;
    return 0;
  },
  async parse(input, sink) {
    let columns: Columns | undefined;
    let rows = 0;
    for await (const row of csvRows(input, sink, detectDelimiter(headerLine(input.head)))) {
      if (!columns) {
        columns = columnsFor(row.cells, row.line, sink);
        if (!columns) return;
        continue;
      }
      rows++;
      emitDriver(row.cells, columns, input.file, row.line, sink);
    }
    if (!columns) sink.message('NO_DATA', 'error', 'The driverquery CSV is empty.');
    else if (rows === 0) sink.message('NO_DATA', 'warning', 'The driverquery CSV has a header but no drivers.');
  },
};

type Field = 'module' | 'displayName' | 'startMode' | 'state' | 'pagedPool' | 'path';
type Columns = Partial<Record<Field, number>>;

const BY_NAME: Record<string, Field> = {
  modulename: 'module',
  displayname: 'displayName',
  startmode: 'startMode',
  state: 'state',
  pagedpoolbytes: 'pagedPool',
  path: 'path',
};

/** Column positions of the two layouts, which driverquery keeps in every language. */
const VERBOSE_ORDER: (Field | undefined)[] = ['module', 'displayName', undefined, undefined, 'startMode', 'state', undefined, undefined, undefined, 'pagedPool', undefined, undefined, undefined, 'path', undefined];
const PLAIN_ORDER: (Field | undefined)[] = ['module', 'displayName', undefined, undefined];

function columnsFor(header: string[], line: number, sink: ParseSink): Columns | undefined {
  const columns: Columns = {};
  header.forEach((name, index) => {
    const key = normalize(name);
    const field = Object.hasOwn(BY_NAME, key) ? BY_NAME[key] : undefined;
    if (field && columns[field] === undefined) columns[field] = index;
  });
  if (columns.module !== undefined) return columns;
  const order = header.length === VERBOSE_ORDER.length ? VERBOSE_ORDER : header.length === PLAIN_ORDER.length ? PLAIN_ORDER : undefined;
  if (!order) {
    sink.message('COLUMN_MISSING', 'error', 'No "Module Name" column was found, and the header does not have the 15 columns of driverquery /v or the 4 of driverquery, so the columns cannot be named.', line);
    return undefined;
  }
  sink.message('COLUMN_MISSING', 'info', `The column names were not recognized (another language?); the ${order.length} columns were read by their fixed driverquery order instead.`, line);
  order.forEach((field, index) => {
    if (field) columns[field] = index;
  });
  return columns;
}

function emitDriver(cells: string[], columns: Columns, file: string, line: number, sink: ParseSink): void {
  const cell = (field: Field) => {
    const index = columns[field];
    return index === undefined ? undefined : cells[index]?.trim() || undefined;
  };
  const module = cell('module');
  if (!module) {
    sink.message('VALUE_INVALID', 'warning', 'This driver row has no module name and was skipped.', line);
    return;
  }
  const fact: DriverFact = { kind: 'driver', module, source: { file, line } };
  const displayName = cell('displayName');
  if (displayName) fact.displayName = displayName;
  const state = cell('state');
  if (state) fact.state = state;
  const startMode = cell('startMode');
  if (startMode) fact.startMode = startMode;
  const path = cell('path');
  if (path) fact.path = path;
  const pagedPool = cell('pagedPool');
  if (pagedPool !== undefined) {
    const bytes = parseGroupedInteger(pagedPool);
    if (bytes === undefined) sink.message('VALUE_INVALID', 'warning', `The paged pool of driver "${module}" should be a whole number of bytes such as "20,480", not "${pagedPool}".`, line);
    else fact.pagedPoolBytes = bytes;
  }
  sink.fact(fact);
}

/** A byte count with culture grouping: `20,480`, `20.480`, `20 480`. It is whole, so a lone separator is grouping. */
function parseGroupedInteger(raw: string): number | undefined {
  const text = raw.trim();
  if (/^\d{1,3}(?:[.,'\s\u00A0\u202F]\d{3})+$/.test(text)) return Number(text.replace(/\D/g, ''));
  return parseInteger(text);
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function quotedCells(line: string): string[] {
  return [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"'));
}
