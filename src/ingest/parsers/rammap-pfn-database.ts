import { nibbleOf, readU64 } from './rammap-hex.js';
import { RMP_LIST_ORDER, RMP_PAGE_USE_VALUES } from './rammap-use-counts.js';

/**
 * `<PfnDatabase>` (formats.md §1.5): a header of unknown length, then one 24-byte record per physical page,
 * three little-endian u64 (q0 flags, q1 = PFN, q2). Which bits of q0 hold the page's use and list is NOT
 * confirmed by any public source; guestram reads (and its simulator writes) the low byte of q0 as
 * use type (bits 0-3, PageUseCounts row) and page list (bits 4-6, file order of RMP_LIST_ORDER).
 */
export const PFN_RECORD_BYTES = 24;
const RECORD_DIGITS = PFN_RECORD_BYTES * 2;
/** Decoded bytes kept to find where the records start: the header plus enough records to see PFNs rise. */
const LOCATE_BYTES = 64 * 1024;
const RUN_RECORDS = 16;

/** q0's low byte for a page of this use row and list (index in RMP_LIST_ORDER). */
export function pfnFlagsByte(use: number, list: number): number {
  return (use & 0x0f) | ((list & 0x07) << 4);
}

/** The PageUseCounts index (use × list, file order) of a q0 low byte. */
function cellOf(flags: number): number {
  return (flags & 0x0f) * RMP_LIST_ORDER.length + ((flags >> 4) & 0x07);
}

export interface PfnCount {
  /** False when no run of records with rising PFNs was found: nothing was counted. */
  located: boolean;
  headerBytes: number;
  records: number;
  /** Pages per PageUseCounts cell (use × list, file order). */
  cells: number[];
  /** Hex digits after the last whole record. */
  trailingDigits: number;
  /** Records whose flags byte was not hex. */
  unreadable: number;
}

/**
 * Counts the records of a PfnDatabase per use × list as its hex streams by, without decoding the rest of each
 * record. Line breaks, spaces and tabs are skipped; any other character takes a digit's place (a record whose
 * flags are not hex is counted as unreadable), so stray characters cannot shift the records that follow.
 */
export class PfnDatabaseCounter {
  private readonly cells = new Float64Array(RMP_PAGE_USE_VALUES);
  private readonly prefix = new Uint8Array(LOCATE_BYTES);
  /** 1 where a prefix byte came from a character that is not hex. */
  private readonly prefixInvalid = new Uint8Array(LOCATE_BYTES);
  private prefixLength = 0;
  private prefixHigh = -1;
  /** Hex digits of the payload seen so far. */
  private digits = 0;
  /** Digit index where the records start; -1 until located, -2 when no run was found. */
  private recordsStart = -1;
  private records = 0;
  private unreadable = 0;
  /** The first digit of a record's flags byte when the next digit is in the next piece (-2: not hex). */
  private pendingHigh = -1;

  feed(text: string | Buffer, from: number, to: number): void {
    if (this.recordsStart === -1) from = this.feedPrefix(text, from, to);
    if (this.recordsStart < 0 || from >= to) return;
    if (hasNoSpaces(text, from, to)) this.countClean(text, from, to);
    else this.countDigitByDigit(text, from, to);
  }

  finish(): PfnCount {
    if (this.recordsStart === -1) this.locate(true);
    const located = this.recordsStart >= 0;
    return {
      located,
      headerBytes: located ? this.recordsStart / 2 : 0,
      records: this.records,
      cells: Array.from(this.cells),
      trailingDigits: located ? (this.digits - this.recordsStart) % RECORD_DIGITS : 0,
      unreadable: this.unreadable,
    };
  }

  /** Decodes the head of the payload until the record run can be located; returns where counting goes on. */
  private feedPrefix(text: string | Buffer, from: number, to: number): number {
    let i = from;
    for (; i < to && this.prefixLength < LOCATE_BYTES; i++) {
      const code = codeAt(text, i);
      if (isSpace(code)) continue;
      const nibble = nibbleOf(code);
      this.digits++;
      if (this.prefixHigh === -1) {
        this.prefixHigh = nibble < 0 ? -2 : nibble;
        continue;
      }
      const valid = this.prefixHigh >= 0 && nibble >= 0;
      this.prefix[this.prefixLength] = valid ? (this.prefixHigh << 4) | nibble : 0;
      this.prefixInvalid[this.prefixLength++] = valid ? 0 : 1;
      this.prefixHigh = -1;
    }
    if (this.prefixLength === LOCATE_BYTES) this.locate(false);
    return i;
  }

  /** Finds the first offset from which the PFN (q1) of consecutive records rises by exactly one, and counts the prefix's records. */
  private locate(final: boolean): void {
    const bytes = this.prefix.subarray(0, this.prefixLength);
    for (let offset = 0; offset + 2 * PFN_RECORD_BYTES <= bytes.length; offset += 8) {
      const available = Math.floor((bytes.length - offset) / PFN_RECORD_BYTES);
      const needed = final ? Math.min(RUN_RECORDS, available) : RUN_RECORDS;
      if (available < needed || !rises(bytes, offset, needed)) continue;
      this.recordsStart = offset * 2;
      for (let at = offset; at < bytes.length; at += PFN_RECORD_BYTES) this.countPair(this.prefixInvalid[at] ? -1 : bytes[at]! >> 4, bytes[at]! & 15);
      return;
    }
    this.recordsStart = -2;
  }

  /** Digit index of the next record's flags byte at or after the digits seen so far. */
  private nextRecordDigit(): number {
    const into = (this.digits - this.recordsStart) % RECORD_DIGITS;
    return into === 0 ? this.digits : this.digits + RECORD_DIGITS - into;
  }

  /** A range without spaces: the flags byte of each record is read at its position, the rest is not looked at. */
  private countClean(text: string | Buffer, from: number, to: number): void {
    let p = from + this.nextRecordDigit() - this.digits;
    if (this.pendingHigh !== -1) {
      this.countPair(this.pendingHigh, nibbleAt(text, from));
      this.pendingHigh = -1;
    }
    const last = to - 1;
    if (typeof text === 'string') {
      for (; p < last; p += RECORD_DIGITS) this.countPair(nibbleOf(text.charCodeAt(p)), nibbleOf(text.charCodeAt(p + 1)));
    } else {
      for (; p < last; p += RECORD_DIGITS) this.countPair(nibbleOf(text[p]!), nibbleOf(text[p + 1]!));
    }
    if (p === last) this.pendingHigh = nibbleAt(text, p) < 0 ? -2 : nibbleAt(text, p);
    this.digits += to - from;
  }

  private countDigitByDigit(text: string | Buffer, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const code = codeAt(text, i);
      if (isSpace(code)) continue;
      const nibble = nibbleOf(code);
      if (this.pendingHigh !== -1) {
        this.countPair(this.pendingHigh, nibble);
        this.pendingHigh = -1;
      } else if ((this.digits - this.recordsStart) % RECORD_DIGITS === 0) {
        this.pendingHigh = nibble < 0 ? -2 : nibble;
      }
      this.digits++;
    }
  }

  private countPair(high: number, low: number): void {
    if (high < 0 || low < 0) {
      this.records++;
      this.unreadable++;
      return;
    }
    this.countFlags((high << 4) | low);
  }

  private countFlags(flags: number): void {
    this.records++;
    this.cells[cellOf(flags)]! += 1;
  }
}

function codeAt(text: string | Buffer, index: number): number {
  return typeof text === 'string' ? text.charCodeAt(index) : text[index]!;
}

function nibbleAt(text: string | Buffer, index: number): number {
  return nibbleOf(codeAt(text, index));
}

function isSpace(code: number): boolean {
  return code === 10 || code === 13 || code === 32 || code === 9;
}

/** True when [from, to) holds no line break, space or tab: every character is a digit position. */
function hasNoSpaces(text: string | Buffer, from: number, to: number): boolean {
  for (const code of [10, 13, 32, 9]) {
    const at = typeof text === 'string' ? text.indexOf(String.fromCharCode(code), from) : text.indexOf(code, from);
    if (at !== -1 && at < to) return false;
  }
  return true;
}

/** Physical page numbers stay far below this (2^52-byte physical addresses); it also keeps the +1 test exact. */
const MAX_PFN = 2 ** 40;

function rises(bytes: Uint8Array, offset: number, records: number): boolean {
  let previous = readU64(bytes, offset + 8);
  if (previous >= MAX_PFN) return false;
  for (let k = 1; k < records; k++) {
    const pfn = readU64(bytes, offset + k * PFN_RECORD_BYTES + 8);
    if (pfn !== previous + 1) return false;
    previous = pfn;
  }
  return true;
}
