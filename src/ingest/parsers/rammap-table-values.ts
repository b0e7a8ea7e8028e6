import { GiB, KiB, unitFactor } from '../../model/bytes.js';
import type { UseCountsFact } from '../../model/facts.js';
import { listLabel, useLabel, type RamMapUse } from '../../model/rammap.js';
import { parseNumber } from '../numbers.js';
import type { ParseSink } from '../parser.js';
import { parseSize } from '../sizes.js';
import { cleanCell, parseRowLabel, type TableHeader } from './rammap-table-header.js';

/** One data row: its label and raw cell text per column index ('' = blank; absent = the row has no such cell). */
export interface TableRow {
  line: number;
  label: string;
  cells: Map<number, string>;
}

const HAS_UNIT = /[A-Za-zА-Яа-я]\.?$/;
const BLANK = /^[-–—]?$/;

/** Reads the collected rows into one use-counts fact, converting every value to bytes. */
export function buildUseCounts(file: string, header: TableHeader, rows: TableRow[], sink: ParseSink): UseCountsFact | undefined {
  const values = rows.flatMap((r) => [...r.cells.values()].map(cleanCell).filter((v) => !BLANK.test(v)));
  const decimal = guessDecimal(values, header.layout === ';' ? ',' : undefined);
  const factors = columnFactors(header, rows, decimal, sink);

  const fact: UseCountsFact = { kind: 'use-counts', origin: 'table', cells: {}, rowTotals: {}, listTotals: {}, source: { file, line: header.line } };
  const seen = new Set<RamMapUse | 'total'>();
  for (const row of rows) {
    const label = parseRowLabel(row.label);
    if (label.kind === 'unknown') {
      if (row.label !== '' || [...row.cells.values()].some((v) => !BLANK.test(cleanCell(v)))) {
        sink.message('VALUE_INVALID', 'warning', `"${label.text}" is not a RAMMap use type (expected labels such as Process Private, Mapped File, Driver Locked), so the row was skipped.`, row.line);
      }
      continue;
    }
    const key = label.kind === 'total' ? 'total' : label.use;
    if (seen.has(key)) {
      sink.message('VALUE_INVALID', 'warning', `The ${label.kind === 'total' ? 'Total' : useLabel(label.use)} row appears twice; only the first one was used.`, row.line);
      continue;
    }
    seen.add(key);
    const listCells: Partial<Record<string, number>> = {};
    let rowTotal: number | undefined;
    let anyList = false;
    header.columns.forEach((column, index) => {
      if (column.kind !== 'list' && column.kind !== 'total') return;
      const raw = row.cells.get(index);
      if (raw === undefined) return;
      const text = cleanCell(raw);
      let bytes: number | undefined;
      if (BLANK.test(text)) {
        if (column.kind === 'total') return;
        bytes = 0;
      } else {
        bytes = parseSize(text, factors[index], decimal ? { decimal } : {});
        if (bytes === undefined) {
          const what = column.kind === 'total' ? 'Total' : listLabel(column.list);
          sink.message('VALUE_INVALID', 'warning', `The ${what} cell "${text}" should be a size such as "1,234,567 K" or "2.1 GB"; it was left out.`, row.line);
          return;
        }
      }
      if (column.kind === 'total') rowTotal = bytes;
      else {
        listCells[column.list] = bytes;
        anyList = true;
      }
    });
    if (label.kind === 'total') {
      Object.assign(fact.listTotals, listCells);
      if (rowTotal !== undefined) fact.total = rowTotal;
    } else {
      if (anyList) fact.cells[label.use] = listCells;
      if (rowTotal !== undefined) fact.rowTotals[label.use] = rowTotal;
    }
  }
  if (![...seen].some((k) => k !== 'total')) {
    sink.message('NO_DATA', 'warning', 'The table has no rows for RAMMap use types (such as Process Private or Driver Locked).', header.line);
    return undefined;
  }
  return fact;
}

/**
 * The factor for bare numbers in each column: the column's own unit (`Total (GB)`), else one stated for
 * the whole table, else RAMMap's K; unless every bare value is below 1024 with decimals, which is a
 * table someone converted to GB by hand.
 */
function columnFactors(header: TableHeader, rows: TableRow[], decimal: ',' | '.' | undefined, sink: ParseSink): (number | undefined)[] {
  const tableUnit = captionUnit(header.caption) ?? sharedHeaderUnit(header);
  const factors = header.columns.map((c) => c.unit ?? tableUnit);
  const unitless = header.columns.map((_, i) => i).filter((i) => factors[i] === undefined);
  const bare: number[] = [];
  for (const row of rows) {
    if (parseRowLabel(row.label).kind === 'unknown') continue;
    for (const i of unitless) {
      const text = cleanCell(row.cells.get(i) ?? '');
      if (BLANK.test(text) || HAS_UNIT.test(text)) continue;
      const value = parseNumber(text, decimal ? { decimal } : {});
      if (value !== undefined) bare.push(value);
    }
  }
  const looksLikeGiB = bare.length > 0 && bare.every((v) => v < 1024) && bare.some((v) => !Number.isInteger(v));
  if (looksLikeGiB) {
    sink.message('VALUE_INVALID', 'info', 'The numbers in the table have no unit and are all below 1024 with decimals, so they were read as GB (RAMMap itself shows K).', header.line);
  }
  return factors.map((f) => f ?? (looksLikeGiB ? GiB : KiB));
}

const CAPTION_UNIT = /[([]\s*(?:in\s+)?([A-Za-z]{1,5})\s*[)\]]|\b(?:in|units?:?)\s+([A-Za-z]{1,5})\b/gi;

function captionUnit(caption: string[]): number | undefined {
  for (const line of caption) {
    for (const match of line.matchAll(CAPTION_UNIT)) {
      const factor = unitFactor(match[1] ?? match[2] ?? '');
      if (factor !== undefined) return factor;
    }
  }
  return undefined;
}

/** A unit written on one header cell (`| Use | Total (GB) | Active | ...`) counts for the whole table when no other unit contradicts it. */
function sharedHeaderUnit(header: TableHeader): number | undefined {
  const units = new Set(header.columns.flatMap((c) => (c.unit === undefined ? [] : [c.unit])));
  return units.size === 1 ? [...units][0] : undefined;
}

/**
 * The decimal separator the table's numbers use, by vote: `1.234.567` or `1,5` say comma,
 * `1,234,567` or `2.1` say dot; `0,936` cannot be a thousands group.
 */
export function guessDecimal(values: string[], fallback?: ',' | '.'): ',' | '.' | undefined {
  let comma = 0;
  let dot = 0;
  for (const value of values) {
    const number = value.replace(/[\s\u00A0\u202F']/g, '').replace(/[^\d.,].*$/, '');
    const lastComma = number.lastIndexOf(',');
    const lastDot = number.lastIndexOf('.');
    if (lastComma !== -1 && lastDot !== -1) {
      if (lastComma > lastDot) comma++;
      else dot++;
      continue;
    }
    const sep = lastComma !== -1 ? ',' : lastDot !== -1 ? '.' : undefined;
    if (!sep) continue;
    const other = sep === ',' ? '.' : ',';
    const occurrences = number.split(sep).length - 1;
    const after = number.length - number.lastIndexOf(sep) - 1;
    const vote = occurrences > 1 ? other : after !== 3 || /^0\d*[.,]/.test(number) ? sep : undefined;
    if (vote === ',') comma++;
    else if (vote === '.') dot++;
  }
  if (comma > dot) return ',';
  if (dot > comma) return '.';
  return fallback;
}
