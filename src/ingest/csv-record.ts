import { parseNumber, parsePlainNumber } from './numbers.js';

/**
 * One CSV record as parsers read it, without a string per cell: cells are made on demand. The same object is
 * reused for the next record, so keep what you need (a line, a text), never the record itself. Past the last
 * cell a record reads as an empty cell.
 */
export interface CsvRecord {
  /** 1-based line of the file where the record starts (where it ends, for records csv-parse read). */
  readonly line: number;
  /** Number of cells. */
  readonly length: number;
  /** The cell as csv-parse gives it: unquoted, doubled quotes made single; '' past the end. */
  text(index: number): string;
  /** Whether the cell is empty or white space only (`" "` is PDH's missing sample). */
  isBlank(index: number): boolean;
  /** parseNumber(text(index), { decimal }), read straight from the characters when the cell is a plain number. */
  number(index: number, decimal?: ',' | '.'): number | undefined;
  /** All cells as strings. */
  cells(): string[];
}

/** A record whose cells are [start, end) ranges of the text FastCsvSplitter is reading, which fills it. */
export class RangeRecord implements CsvRecord {
  line = 0;
  length = 0;
  source = '';
  /** The source as FastCsvSplitter reads it: one byte per UTF-16 unit, ASCII as itself. */
  codes: Uint8Array = new Uint8Array(0);
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  /** 1 when the cell holds doubled quotes, so its text is not the range as it stands. */
  escaped = new Uint8Array(64);
  /** The value of a cell of 1 to 15 digits (read while splitting), NaN for any other. */
  integers = new Float64Array(64);

  /** Makes room for twice as many cells. */
  grow(): void {
    const size = this.starts.length * 2;
    this.starts = copied(this.starts, new Int32Array(size));
    this.ends = copied(this.ends, new Int32Array(size));
    this.escaped = copied(this.escaped, new Uint8Array(size));
    this.integers = copied(this.integers, new Float64Array(size));
  }

  text(index: number): string {
    if (index >= this.length) return '';
    const cell = this.source.slice(this.starts[index]!, this.ends[index]!);
    return this.escaped[index] === 1 ? cell.replaceAll('""', '"') : cell;
  }

  isBlank(index: number): boolean {
    if (index >= this.length) return true;
    const start = this.starts[index]!;
    if (start === this.ends[index]!) return true;
    const first = this.codes[start]!;
    // Printable ASCII is never white space; anything else is left to trim().
    return first > 0x20 && first < 0x7f ? false : this.text(index).trim() === '';
  }

  number(index: number, decimal?: ',' | '.'): number | undefined {
    if (index >= this.length) return undefined;
    const integer = this.integers[index]!;
    if (!Number.isNaN(integer)) return integer;
    if (this.escaped[index] === 0) {
      const plain = parsePlainNumber(this.source, this.starts[index]!, this.ends[index]!, decimal === ',');
      if (plain !== undefined) return plain;
    }
    return parseNumber(this.text(index), { decimal });
  }

  cells(): string[] {
    return Array.from({ length: this.length }, (_, i) => this.text(i));
  }
}

function copied<T extends Int32Array | Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** The same view over cells csv-parse has split. */
export class ArrayRecord implements CsvRecord {
  constructor(
    readonly line: number,
    private readonly values: string[],
  ) {}

  get length(): number {
    return this.values.length;
  }

  text(index: number): string {
    return this.values[index] ?? '';
  }

  isBlank(index: number): boolean {
    return this.text(index).trim() === '';
  }

  number(index: number, decimal?: ',' | '.'): number | undefined {
    return index < this.values.length ? parseNumber(this.values[index], { decimal }) : undefined;
  }

  cells(): string[] {
    return this.values;
  }
}
