import { unitFactor } from '../../model/bytes.js';
import type { Column } from './rammap-table-header.js';

/** A value found in a space-aligned row, with its character span. */
interface Value {
  text: string;
  start: number;
  end: number;
  hasUnit: boolean;
}

export type AlignedRow = { label: string; cells: Map<number, string> } | { label: string; error: string };

const NUMBER_TOKEN = /^(?:\d|[.,]\d)[\d.,'\u00A0\u202F]*(?:[A-Za-zА-Яа-я]+)?$/;
const DASH = /^[-–—]$/;

/**
 * Splits a row copied from a forum: `Process Private   1,234,567 K   1 234 K  ...`. The label is the
 * leading words; values are numbers with an optional unit, where `1 234 567 K` (single spaces between
 * 3-digit groups) is one value. When a row has fewer values than columns (blank cells), each value
 * goes to the column it sits under.
 */
export function splitAlignedRow(line: string, columns: Column[]): AlignedRow {
  const tokens = [...line.matchAll(/[^ \t]+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  let first = tokens.findIndex((t) => NUMBER_TOKEN.test(t.text) || DASH.test(t.text));
  if (first === -1) first = tokens.length;
  const label = tokens.slice(0, first).map((t) => t.text).join(' ');
  const rest = tokens.slice(first);
  const valueColumns = columns.map((c, i) => ({ c, i })).filter(({ c }) => c.kind !== 'label');

  const separate = group(rest, false);
  const grouped = group(rest, true);
  const values = separate.length === valueColumns.length ? separate : grouped;
  const cells = new Map<number, string>();
  if (values.length === valueColumns.length) {
    values.forEach((v, k) => cells.set(valueColumns[k]!.i, v.text));
    return { label, cells };
  }
  for (const value of values) {
    const index = nearestColumn(value, valueColumns);
    if (index === undefined || cells.has(index)) return { label, error: `its ${values.length} values cannot be matched to the ${valueColumns.length} columns` };
    cells.set(index, value.text);
  }
  // Columns with no value under them are blank cells.
  for (const { i } of valueColumns) if (!cells.has(i)) cells.set(i, '');
  return { label, cells };
}

function group(tokens: { text: string; start: number; end: number }[], joinSpacedGroups: boolean): Value[] {
  const values: Value[] = [];
  for (const token of tokens) {
    const last = values[values.length - 1];
    const gap = last ? token.start - last.end : Infinity;
    if (last && !last.hasUnit && unitFactor(token.text) !== undefined) {
      Object.assign(last, { text: `${last.text} ${token.text}`, end: token.end, hasUnit: true });
    } else if (joinSpacedGroups && last && gap === 1 && !last.hasUnit && /^\d{3}(?:[.,]\d+)?$/.test(token.text) && /^\d{1,3}(?: \d{3})*$/.test(last.text)) {
      Object.assign(last, { text: `${last.text} ${token.text}`, end: token.end });
    } else if (DASH.test(token.text)) {
      values.push({ text: '', start: token.start, end: token.end, hasUnit: true });
    } else {
      values.push({ ...token, hasUnit: /[A-Za-zА-Яа-я]$/.test(token.text) });
    }
  }
  return values;
}

/** The value column whose header overlaps the value most, else the one whose right edge is closest (numbers are right-aligned). */
function nearestColumn(value: Value, columns: { c: Column; i: number }[]): number | undefined {
  let best: number | undefined;
  let bestScore = -Infinity;
  for (const { c, i } of columns) {
    const overlap = Math.min(value.end, c.end) - Math.max(value.start, c.start);
    const score = overlap > 0 ? overlap : -Math.abs(value.end - c.end) - 1000;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}
