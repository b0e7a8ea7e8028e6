/** Hex text as RAMMap writes it inside snapshot elements: pairs of hex digits, anything else (line breaks) ignored. */

/** The value of each hex digit by character code; -1 for anything else. */
const NIBBLE = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++) NIBBLE[0x30 + i] = i;
for (let i = 0; i < 6; i++) {
  NIBBLE[0x41 + i] = 10 + i;
  NIBBLE[0x61 + i] = 10 + i;
}
/** 1 for a hex digit's character code, else 0. */
const HEX_DIGIT = Uint8Array.from(NIBBLE, (n) => (n >= 0 ? 1 : 0));

export function nibbleOf(code: number): number {
  return code < 256 ? NIBBLE[code]! : -1;
}

/** Decodes hex text fed in pieces into bytes, handed on in batches. */
export class HexDecoder {
  private readonly batch = new Uint8Array(4096);
  private filled = 0;
  private high = -1;

  constructor(private readonly onBytes: (bytes: Uint8Array) => void) {}

  feed(text: string | Buffer, from: number, to: number): void {
    if (typeof text === 'string') {
      for (let i = from; i < to; i++) this.digit(nibbleOf(text.charCodeAt(i)));
    } else {
      for (let i = from; i < to; i++) this.digit(NIBBLE[text[i]!]!);
    }
  }

  private digit(nibble: number): void {
    if (nibble < 0) return;
    if (this.high < 0) {
      this.high = nibble;
      return;
    }
    this.batch[this.filled++] = (this.high << 4) | nibble;
    this.high = -1;
    if (this.filled === this.batch.length) this.flush();
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
 * Counts hex digits without decoding them (a process's PFN list only matters by its length). One loop per kind
 * of input keeps each monomorphic: megabytes of PFN lists go through here before the code is optimized.
 */
export function countHexDigits(text: string | Buffer, from: number, to: number): number {
  let digits = 0;
  if (typeof text === 'string') {
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code < 256) digits += HEX_DIGIT[code]!;
    }
  } else {
    for (let i = from; i < to; i++) digits += HEX_DIGIT[text[i]!]!;
  }
  return digits;
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
