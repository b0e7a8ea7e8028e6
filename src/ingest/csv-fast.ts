import { RangeRecord, type CsvRecord } from './csv-record.js';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
/** Written after the text in the codes: stops every scanning loop without a length check. */
const END = 0;
const DIGIT_0 = 0x30;
/** Stands for every character outside ASCII in the codes: never a delimiter, quote, line break or digit. */
const NOT_ASCII = 0x80;
/** readRecord() results that are not an end position. */
const NEED_MORE = -1;
const STOP = -2;
/** An unfinished record longer than this is left to csv-parse (which enforces its own record size limit). */
const MAX_PENDING = 4 * 1024 * 1024;
/** An unfinished record longer than this is read again only once its text has doubled, so reading it stays linear. */
const LONG_PENDING = 64 * 1024;
/** Up to this many digits an integer read digit by digit is exact. */
const EXACT_DIGITS = 15;

export type RecordDelimiter = '\r\n' | '\n' | '\r';

/** Called for every record; returning 'stop' ends the reading. */
export type OnRecord = (record: CsvRecord) => void | 'stop';

const encoder = new TextEncoder();

/**
 * Splits well-formed CSV into records exactly as csv-parse does with guestram's options (relaxed column count,
 * empty lines skipped, the record delimiter taken from the first line break), in one pass and without a string
 * per cell: each record is a RangeRecord over the text. It covers what exports write: quoted or plain fields,
 * doubled quotes, consistent line breaks. At the first record that needs more (a line break or stray quote
 * inside a field, mixed line breaks, text after a closing quote, an endless line) it stops, and `rest()` hands
 * that record and everything after it to csv-parse.
 *
 * The pass reads the text as bytes, one per UTF-16 unit (see codesOf): a typed array reads about twice as fast
 * as charCodeAt. On the way it reads the digits a cell starts with, so a whole-number cell is parsed without a
 * second look.
 */
export class FastCsvSplitter {
  private pending = '';
  /** Line where the next record starts. */
  private line = 1;
  private readonly delimiterCode: number;
  private readonly record = new RangeRecord();
  private codes: Uint8Array = new Uint8Array(64 * 1024);
  /** Length the pending text must reach before it is read again (see LONG_PENDING). */
  private readAgainAt = 0;
  recordDelimiter: RecordDelimiter | undefined;
  /** At a record for csv-parse: see rest(). */
  stopped = false;
  /** The callback asked to stop. */
  halted = false;

  constructor(delimiter: string) {
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Adds decoded text (`final`: the input ends after it) and hands each record it completes to `onRecord`. */
  push(chunk: string, final: boolean, onRecord: OnRecord): void {
    if (this.stopped || this.halted) return;
    if (!final && this.pending.length + chunk.length < this.readAgainAt) {
      this.pending += chunk;
      return;
    }
    let from = 0;
    if (this.pending !== '') {
      // The record cut by the chunk boundary is finished on a string of its own, so that the chunk is read as it
      // came: added to the pending text it would be a rope, flattened (copied) before it could be read.
      const cut = afterFirstLineBreak(chunk);
      this.read(this.pending + chunk.slice(0, cut), 0, final && cut === chunk.length, onRecord);
      if (this.halted) return;
      if (this.stopped) {
        this.pending += chunk.slice(cut);
        return;
      }
      // Rare: no record ended at that line break, so the rest of the chunk goes after it after all.
      if (this.pending !== '') return this.read(this.pending + chunk.slice(cut), 0, final, onRecord);
      from = cut;
    }
    this.read(chunk, from, final, onRecord);
  }

  /** Reads the records of `text` from `from` on; what is left unread becomes `pending`. */
  private read(text: string, from: number, final: boolean, onRecord: OnRecord): void {
    const record = this.record;
    const codes = this.codesOf(text);
    record.source = text;
    record.codes = codes;
    let pos = from;
    while (pos < text.length) {
      record.length = 0;
      const end = this.readRecord(codes, text.length, pos, final);
      if (end < 0) {
        this.stopped = end === STOP;
        break;
      }
      pos = end;
      if (record.length > 0 && onRecord(record) === 'stop') {
        this.halted = true;
        return;
      }
    }
    this.pending = text.slice(pos);
    this.readAgainAt = this.pending.length > LONG_PENDING ? 2 * this.pending.length : 0;
    if (this.pending.length > MAX_PENDING) this.stopped = true;
  }

  /** After a stop: the text from the start of the record it stopped at, and that record's line. */
  rest(): { text: string; line: number } {
    return { text: this.pending, line: this.line };
  }

  /**
   * The text as one byte per UTF-16 unit, in a reused buffer: the ASCII bytes themselves, NOT_ASCII for anything
   * else, END after the last; positions match the text's. The text is encoded natively as UTF-8, which for ASCII
   * (what exports mostly are) is already that; otherwise each multi-byte character is squeezed into NOT_ASCII
   * once per UTF-16 unit it takes.
   */
  private codesOf(text: string): Uint8Array {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.codes.length <= 3 * text.length) this.codes = new Uint8Array(Math.max(3 * text.length + 1, 2 * this.codes.length));
    const codes = this.codes;
    const { written } = encoder.encodeInto(text, codes);
    if (written !== text.length) {
      let to = 0;
      for (let from = 0; from < written; to++) {
        const byte = codes[from]!;
        if (byte < NOT_ASCII) {
          codes[to] = byte;
          from++;
        } else if (byte < 0xf0) {
          codes[to] = NOT_ASCII;
          from += byte < 0xe0 ? 2 : 3;
        } else {
          // Four bytes are two UTF-16 units (a surrogate pair).
          codes[to++] = NOT_ASCII;
          codes[to] = NOT_ASCII;
          from += 4;
        }
      }
    }
    codes[text.length] = END;
    return codes;
  }

  /**
   * Reads one record (or an empty line) starting at `start` into this.record; returns the position after it.
   * Only codes up to the quote's can end a field (CR, LF, tab and the quote are all below it), so the inner
   * loops skip everything above it with one comparison.
   */
  private readRecord(codes: Uint8Array, length: number, start: number, final: boolean): number {
    const first = codes[start]!;
    if (first === CR || first === LF) {
      const breakLength = this.lineBreak(codes, length, start, final);
      if (breakLength < 0) return breakLength;
      this.line++;
      return start + breakLength;
    }
    const record = this.record;
    const delimiter = this.delimiterCode;
    let count = 0;
    let p = start;
    for (;;) {
      if (count === record.starts.length) record.grow();
      const quoted = codes[p] === QUOTE;
      const from = quoted ? p + 1 : p;
      let q = from;
      let c = 0;
      let integer = 0;
      while ((c = codes[q]! - DIGIT_0) >>> 0 <= 9) {
        integer = integer * 10 + c;
        q++;
      }
      const digits = q - from;
      let escaped = 0;
      let after: number;
      if (quoted) {
        for (;;) {
          while ((c = codes[q]!) > QUOTE) q++;
          if (c === QUOTE) {
            // A single quote closes the field (END follows the text); a doubled one is a quote of its content.
            if (codes[q + 1] !== QUOTE) {
              if (q + 1 === length && !final) return NEED_MORE;
              break;
            }
            escaped = 1;
            q += 2;
            continue;
          }
          if (q === length) return final ? STOP : NEED_MORE;
          if (c === CR || c === LF) return STOP;
          q++;
        }
        after = q + 1;
      } else {
        for (;;) {
          while ((c = codes[q]!) > QUOTE && c !== delimiter) q++;
          if (q === length || c === delimiter || c === CR || c === LF) break;
          if (c === QUOTE) return STOP;
          q++;
        }
        if (q === length && !final) return NEED_MORE;
        after = q;
      }
      record.starts[count] = from;
      record.ends[count] = q;
      record.escaped[count] = escaped;
      record.integers[count] = digits === q - from && digits > 0 && digits <= EXACT_DIGITS ? integer : NaN;
      count++;
      const next = codes[after]!;
      if (next === delimiter) {
        p = after + 1;
        if (p === length) {
          if (!final) return NEED_MORE;
          if (count === record.starts.length) record.grow();
          record.starts[count] = record.ends[count] = p;
          record.escaped[count] = 0;
          record.integers[count] = NaN;
          return this.completed(count + 1, p);
        }
        continue;
      }
      if (after === length) {
        if (!final) return NEED_MORE;
        return this.completed(count, after);
      }
      if (next !== CR && next !== LF) return STOP;
      const breakLength = this.lineBreak(codes, length, after, final);
      if (breakLength < 0) return breakLength;
      this.completed(count, after);
      this.line++;
      return after + breakLength;
    }
  }

  private completed(cells: number, end: number): number {
    this.record.length = cells;
    this.record.line = this.line;
    return end;
  }

  /** Length of the line break at `at` when it is the file's record delimiter (the first one seen decides). */
  private lineBreak(codes: Uint8Array, length: number, at: number, final: boolean): number {
    let found: RecordDelimiter;
    if (codes[at] === LF) found = '\n';
    else if (at + 1 < length) found = codes[at + 1] === LF ? '\r\n' : '\r';
    else if (final) found = '\r';
    else return NEED_MORE;
    this.recordDelimiter ??= found;
    return found === this.recordDelimiter ? found.length : STOP;
  }
}

/** The position after the first line break of `text` (a CRLF counted whole), or its length. */
function afterFirstLineBreak(text: string): number {
  const lf = text.indexOf('\n');
  const cr = text.indexOf('\r');
  if (cr === -1 || (lf !== -1 && lf < cr)) return lf === -1 ? text.length : lf + 1;
  return text.charCodeAt(cr + 1) === LF ? cr + 2 : cr + 1;
}
