import { unitFactor } from '../../model/bytes.js';
import { LIST_LABEL_KEYS, normalizeLabel, parseListLabel, parseUseLabel, type RamMapList, type RamMapUse } from '../../model/rammap.js';

/** How the table's cells are separated. `aligned` = columns lined up with spaces (copied from a forum). */
export type TableLayout = '|' | '\t' | ';' | ',' | 'aligned';

export type ColumnKind = { kind: 'label' } | { kind: 'total' } | { kind: 'list'; list: RamMapList } | { kind: 'other' };

export type Column = ColumnKind & {
  header: string;
  /** Byte factor stated in the header cell, e.g. `Total (GB)`. */
  unit?: number;
  /** Character span of the header text (aligned layout only). */
  start: number;
  end: number;
};

export interface TableHeader {
  layout: TableLayout;
  /** 1-based line of the header row. */
  line: number;
  columns: Column[];
  /** Lines above the header (a caption such as "Use Counts (GB)"). */
  caption: string[];
}

const UNIT_IN_BRACKETS = /\s*[([]\s*(?:in\s+)?([A-Za-zА-Яа-я]+)\s*[)\]]\s*$/;
const UNIT_WORD = /\s+(KB|KiB|MB|MiB|GB|GiB)\s*$/i;

/** What one header cell names: the row-label column, Total, a page list, or something else. */
export function parseColumnHeader(raw: string): { column: ColumnKind; unit?: number } {
  let text = cleanCell(raw);
  let unit: number | undefined;
  const bracket = UNIT_IN_BRACKETS.exec(text) ?? UNIT_WORD.exec(text);
  if (bracket && unitFactor(bracket[1]!) !== undefined) {
    unit = unitFactor(bracket[1]!);
    text = text.slice(0, bracket.index);
  }
  const key = text.toLowerCase().replace(/[^a-z]/g, '');
  const list = parseListLabel(text);
  const column: ColumnKind =
    key === '' || key === 'use' || key === 'usage' || key === 'type' ? { kind: 'label' }
    : key === 'total' || key === 'totals' ? { kind: 'total' }
    : list ? { kind: 'list', list }
    : { kind: 'other' };
  return { column, ...(unit !== undefined && { unit }) };
}

/** Strips Markdown emphasis, quotes and surrounding space from a cell. */
export function cleanCell(raw: string): string {
  return raw.replace(/[*_`]/g, '').trim().replace(/^"(.*)"$/, '$1').trim();
}

export type RowLabel = { kind: 'use'; use: RamMapUse } | { kind: 'total' } | { kind: 'unknown'; text: string };

export function parseRowLabel(raw: string): RowLabel {
  const text = cleanCell(raw);
  const key = text.toLowerCase().replace(/[^a-z]/g, '');
  if (key === 'total' || key === 'totals' || key === 'sum') return { kind: 'total' };
  const use = parseUseLabel(text);
  return use ? { kind: 'use', use } : { kind: 'unknown', text };
}

/** Cells of a `|` row: the outer pipes of `| a | b |` do not make empty cells. */
export function splitPipes(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|')) text = text.slice(0, -1);
  return text.split('|').map((c) => c.trim());
}

/** A naive split for sniffing a delimited header (the real rows go through csvRows). */
function splitDelimited(line: string, delimiter: string): string[] {
  return line.split(delimiter).map(cleanCell);
}

function isHeader(columns: ColumnKind[]): boolean {
  const known = columns.filter((c) => c.kind === 'total' || c.kind === 'list').length;
  return known >= 2 || (known >= 1 && columns[0]?.kind === 'label');
}

function cellColumns(cells: string[]): Column[] {
  return cells.map((cell) => {
    const { column, unit } = parseColumnHeader(cell);
    return { ...column, header: cleanCell(cell), ...(unit !== undefined && { unit }), start: 0, end: 0 };
  });
}

/** Finds the header row in the head of the file and with it the table's layout. */
export function findHeader(head: string, maxLines = 60): TableHeader | undefined {
  const lines = firstLines(head, maxLines);
  const caption: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const found = mayBeHeader(line) ? headerOf(line) : undefined;
    if (found) return { ...found, line: i + 1, caption };
    caption.push(line);
  }
  return undefined;
}

/**
 * A header names Total or a page list, so its letters hold one of those words. Checked first because every
 * file's head is sniffed, and splitting 60 lines of a 67-column CSV into cells took longer than reading it.
 */
function mayBeHeader(line: string): boolean {
  if (line.length > MAX_HEADER_CHARS) return false;
  const letters = normalizeLabel(line);
  return letters.includes('total') || LIST_LABEL_KEYS.some((key) => letters.includes(key));
}

/** A Use Counts header names at most ten columns, however wide a typed table pads them. */
const MAX_HEADER_CHARS = 2000;

function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  const breaks = /\r\n|\r|\n/g;
  let start = 0;
  while (lines.length < count) {
    const match = breaks.exec(text);
    lines.push(text.slice(start, match ? match.index : text.length));
    if (!match) break;
    start = breaks.lastIndex;
  }
  return lines;
}

function headerOf(line: string): { layout: TableLayout; columns: Column[] } | undefined {
  for (const layout of ['|', '\t', ';', ','] as const) {
    if (!line.includes(layout)) continue;
    const columns = cellColumns(layout === '|' ? splitPipes(line) : splitDelimited(line, layout));
    if (columns.length >= 2 && isHeader(columns)) return { layout, columns };
  }
  const aligned = alignedHeader(line);
  return aligned && { layout: 'aligned', columns: aligned };
}

const MAX_PHRASE_WORDS = 3;

/** Reads `Usage  Total  Active  Modified no write ...` by matching known labels word by word. */
function alignedHeader(line: string): Column[] | undefined {
  const words = [...line.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  if (words.length < 2) return undefined;
  const columns: Column[] = [];
  for (let i = 0; i < words.length; ) {
    const word = words[i]!;
    const unitMatch = /^[([](?:in\s*)?([A-Za-z]+)[)\]]$/.exec(word.text);
    const previous = columns[columns.length - 1];
    if (unitMatch && previous && unitFactor(unitMatch[1]!) !== undefined) {
      previous.unit = unitFactor(unitMatch[1]!);
      i++;
      continue;
    }
    let matched = false;
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 1 && !matched; n--) {
      const phrase = words.slice(i, i + n);
      const text = phrase.map((w) => w.text).join(' ');
      const { column, unit } = parseColumnHeader(text);
      if (column.kind === 'other') continue;
      if (column.kind === 'label' && columns.length > 0) continue;
      columns.push({ ...column, header: text, ...(unit !== undefined && { unit }), start: phrase[0]!.start, end: phrase[n - 1]!.end });
      i += n;
      matched = true;
    }
    if (!matched) return undefined;
  }
  if (columns[0]?.kind !== 'label') columns.unshift({ kind: 'label', header: '', start: 0, end: 0 });
  return isHeader(columns) ? columns : undefined;
}
