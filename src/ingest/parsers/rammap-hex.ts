/** Hex text as RAMMap writes it inside snapshot elements: pairs of hex digits, anything else (line breaks) ignored. */

const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) NIBBLE[0x30 + i] = i;
for (let i = 0; i < 6; i++) {
  NIBBLE[0x41 + i] = 10 + i;
  NIBBLE[0x61 + i] = 10 + i;
}

export function nibbleOf(code: number): number {
  return code < 128 ? NIBBLE[code]! : -1;
}

/** Decodes hex text fed in pieces into bytes, handed on in batches. */
export class HexDecoder {
  private readonly batch = new Uint8Array(4096);
  private filled = 0;
  private high = -1;

  constructor(private readonly onBytes: (bytes: Uint8Array) => void) {}

  feed(text: string | Buffer, from: number, to: number): void {
    const isText = typeof text === 'string';
    for (let i = from; i < to; i++) {
      const nibble = nibbleOf(isText ? text.charCodeAt(i) : text[i]!);
      if (nibble < 0) continue;
      if (this.high < 0) {
        this.high = nibble;
        continue;
      }
      this.batch[this.filled++] = (this.high << 4) | nibble;
      this.high = -1;
      if (this.filled === this.batch.length) this.flush();
    }
  }

  /** Flushes what is left; true when an odd last hex digit had to be dropped. */
  finish(): boolean {
    this.flush();
    const odd = this.high >= 0;
    this.high = -1;
    return odd;
  }

  private flush(): void {
    if (this.filled === 0) return;
    this.onBytes(this.batch.subarray(0, this.filled));
    this.filled = 0;
  }
}

/**
 * Counts hex digits without decoding them (a process's PFN list only matters by its length). A run of clean
 * hex is checked by Node's native hex decoder, which stops at the first non-hex character; only a run that
 * holds something else (line breaks, spaces) is counted digit by digit.
 */
export function countHexDigits(text: string | Buffer, from: number, to: number): number {
  const length = to - from;
  const even = length - (length % 2);
  if (even >= 64) {
    const run = typeof text === 'string' ? text.slice(from, from + even) : text.toString('latin1', from, from + even);
    if (Buffer.from(run, 'hex').length * 2 === even) return even + (even < length && isHexDigit(text, to - 1) ? 1 : 0);
  }
  let digits = 0;
  for (let i = from; i < to; i++) if (isHexDigit(text, i)) digits++;
  return digits;
}

function isHexDigit(text: string | Buffer, index: number): boolean {
  return nibbleOf(typeof text === 'string' ? text.charCodeAt(index) : text[index]!) >= 0;
}

/** Collects bytes up to a limit (the small tables: PageUseCounts, ListCounts). */
export class ByteCollector {
  private readonly bytes: Uint8Array;
  length = 0;
  /** Bytes beyond the limit, counted but not kept. */
  overflow = 0;

  constructor(limit: number) {
    this.bytes = new Uint8Array(limit);
  }

  readonly push = (chunk: Uint8Array): void => {
    const room = this.bytes.length - this.length;
    this.bytes.set(chunk.subarray(0, room), this.length);
    this.length += Math.min(room, chunk.length);
    this.overflow += Math.max(0, chunk.length - room);
  };

  /** The complete little-endian u64 values collected. */
  u64s(): number[] {
    const values: number[] = [];
    for (let offset = 0; offset + 8 <= this.length; offset += 8) values.push(readU64(this.bytes, offset));
    return values;
  }
}

/** Little-endian u64 as a number (exact below 2^53, which page counts and sizes are). */
export function readU64(bytes: Uint8Array, offset: number): number {
  const low = (bytes[offset]! | (bytes[offset + 1]! << 8) | (bytes[offset + 2]! << 16) | (bytes[offset + 3]! << 24)) >>> 0;
  const high = (bytes[offset + 4]! | (bytes[offset + 5]! << 8) | (bytes[offset + 6]! << 16) | (bytes[offset + 7]! << 24)) >>> 0;
  return high * 0x1_0000_0000 + low;
}
