import type { CsvRow } from './csv.js';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
/** record() results that are not an end position. */
const NEED_MORE = -1;
const STOP = -2;
/** An unfinished record longer than this is left to csv-parse (which enforces its own record size limit). */
const MAX_PENDING = 4 * 1024 * 1024;

export type RecordDelimiter = '\r\n' | '\n' | '\r';

/**
 * Splits well-formed CSV into records exactly as csv-parse does with guestram's options (relaxed column count,
 * empty lines skipped, the record delimiter taken from the first line break), at indexOf speed. It covers what
 * exports write: quoted or plain fields, doubled quotes, consistent line breaks. At the first record that needs
 * more (a line break or stray quote inside a field, mixed line breaks, text after a closing quote, an endless
 * line) it stops, and `rest()` hands that record and everything after it to csv-parse.
 */
export class FastCsvSplitter {
  private pending = '';
  /** Line where the next record starts. */
  private line = 1;
  private readonly delimiterCode: number;
  recordDelimiter: RecordDelimiter | undefined;
  stopped = false;
  // Next positions of a quote / CR / LF in the current text, so scanning a line stays linear.
  private nextQuote = -1;
  private nextCr = -1;
  private nextLf = -1;

  private readonly quotedSeparator: string;

  constructor(private readonly delimiter: string) {
    this.delimiterCode = delimiter.charCodeAt(0);
    this.quotedSeparator = `"${delimiter}"`;
  }

  /** Adds decoded text (`final`: the input ends after it) and appends the records completed by it to `rows`. */
  push(chunk: string, rows: CsvRow[], final: boolean): void {
    if (this.stopped) {
      this.pending += chunk;
      return;
    }
    const text = this.pending === '' ? chunk : this.pending + chunk;
    this.nextQuote = this.nextCr = this.nextLf = -1;
    let pos = 0;
    while (pos < text.length) {
      const end = this.record(text, pos, final, rows);
      if (end === NEED_MORE) break;
      if (end === STOP) {
        this.stopped = true;
        break;
      }
      pos = end;
    }
    this.pending = text.slice(pos);
    if (this.pending.length > MAX_PENDING) this.stopped = true;
  }

  /** After a stop: the text from the start of the record it stopped at, and that record's line. */
  rest(): { text: string; line: number } {
    return { text: this.pending, line: this.line };
  }

  /** Reads one record (or an empty line) starting at `start`; returns the position after it. */
  private record(text: string, start: number, final: boolean, rows: CsvRow[]): number {
    const first = text.charCodeAt(start);
    if (first === CR || first === LF) {
      const length = this.lineBreak(text, start, final);
      if (length > 0) this.line++;
      return length > 0 ? start + length : length;
    }
    const whole = this.wholeRow(text, start, final);
    if (whole) {
      if (whole.end === text.length) {
        rows.push({ line: this.line, cells: whole.cells });
        return whole.end;
      }
      const length = this.lineBreak(text, whole.end, final);
      if (length < 0) return length;
      rows.push({ line: this.line++, cells: whole.cells });
      return whole.end + length;
    }
    const cells: string[] = [];
    let p = start;
    for (;;) {
      let after: number;
      if (text.charCodeAt(p) === QUOTE) {
        const close = this.closingQuote(text, p, final);
        if (close < 0) return close;
        cells.push(unquote(text, p + 1, close));
        after = close + 1;
      } else {
        const end = Math.min(indexOrEnd(text, this.delimiter, p), this.lineBreakAt(text, p));
        if (end === text.length && !final) return NEED_MORE;
        if (this.quoteAt(text, p) < end) return STOP;
        cells.push(text.slice(p, end));
        after = end;
      }
      if (after === text.length) {
        if (!final) return NEED_MORE;
        rows.push({ line: this.line, cells });
        return after;
      }
      const next = text.charCodeAt(after);
      if (next === this.delimiterCode) {
        p = after + 1;
        if (p === text.length) {
          if (!final) return NEED_MORE;
          cells.push('');
          rows.push({ line: this.line, cells });
          return p;
        }
        continue;
      }
      if (next !== CR && next !== LF) return STOP;
      const length = this.lineBreak(text, after, final);
      if (length < 0) return length;
      rows.push({ line: this.line++, cells });
      return after + length;
    }
  }

  /**
   * The common rows split natively in one go: every field quoted without quotes inside (Export-Csv, PDH), or no
   * quote at all. Anything else (or a row not finished yet) is left to the field-by-field reading.
   */
  private wholeRow(text: string, start: number, final: boolean): { cells: string[]; end: number } | undefined {
    const end = this.lineBreakAt(text, start);
    if (end === text.length && !final) return undefined;
    if (this.quoteAt(text, start) >= end) return { cells: text.slice(start, end).split(this.delimiter), end };
    if (end - start < 2 || text.charCodeAt(start) !== QUOTE || text.charCodeAt(end - 1) !== QUOTE) return undefined;
    const cells = text.slice(start + 1, end - 1).split(this.quotedSeparator);
    for (const cell of cells) if (cell.includes('"')) return undefined;
    return { cells, end };
  }

  /** The closing quote of the quoted field opening at `open`: doubled quotes are content, line breaks are not for this path. */
  private closingQuote(text: string, open: number, final: boolean): number {
    let q = text.indexOf('"', open + 1);
    for (;;) {
      if (q === -1 || (q + 1 === text.length && !final)) return final ? STOP : NEED_MORE;
      if (text.charCodeAt(q + 1) !== QUOTE) break;
      q = text.indexOf('"', q + 2);
    }
    return this.lineBreakAt(text, open + 1) < q ? STOP : q;
  }

  /** Length of the line break at `at` when it is the file's record delimiter (the first one seen decides). */
  private lineBreak(text: string, at: number, final: boolean): number {
    let found: RecordDelimiter;
    if (text.charCodeAt(at) === LF) found = '\n';
    else if (at + 1 < text.length) found = text.charCodeAt(at + 1) === LF ? '\r\n' : '\r';
    else if (final) found = '\r';
    else return NEED_MORE;
    this.recordDelimiter ??= found;
    return found === this.recordDelimiter ? found.length : STOP;
  }

  private lineBreakAt(text: string, from: number): number {
    if (this.nextCr < from) this.nextCr = indexOrEnd(text, '\r', from);
    if (this.nextLf < from) this.nextLf = indexOrEnd(text, '\n', from);
    return Math.min(this.nextCr, this.nextLf);
  }

  private quoteAt(text: string, from: number): number {
    if (this.nextQuote < from) this.nextQuote = indexOrEnd(text, '"', from);
    return this.nextQuote;
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from);
  return index === -1 ? text.length : index;
}

/** The content of a quoted field [from, to) with doubled quotes made single. */
function unquote(text: string, from: number, to: number): string {
  const content = text.slice(from, to);
  return content.includes('"') ? content.replaceAll('""', '"') : content;
}
