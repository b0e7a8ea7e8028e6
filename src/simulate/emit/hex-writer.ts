/** Little-endian bytes as lowercase hex, written into a growing buffer (snapshots hold megabytes of it). */
export class HexWriter {
  private bytes = Buffer.alloc(4096);
  private length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const next = Buffer.alloc(Math.max(this.bytes.length * 2, this.length + extra));
    this.bytes.copy(next, 0, 0, this.length);
    this.bytes = next;
  }

  u64(value: number | bigint): this {
    this.reserve(8);
    this.bytes.writeBigUInt64LE(BigInt(value), this.length);
    this.length += 8;
    return this;
  }

  u32(value: number): this {
    this.reserve(4);
    this.bytes.writeUInt32LE(value >>> 0, this.length);
    this.length += 4;
    return this;
  }

  ascii(text: string, length: number): this {
    this.reserve(length);
    for (let i = 0; i < length; i++) this.bytes[this.length + i] = i < text.length ? text.charCodeAt(i) & 0xff : 0x20;
    this.length += length;
    return this;
  }

  /** The bytes written so far, as a payload of one chunk. */
  payload(): HexPayload {
    const bytes = this.bytes.subarray(0, this.length);
    return { byteLength: bytes.length, chunks: () => [bytes] };
  }
}

/** The bytes of one hex element, known in length up front and produced in chunks (a PFN database is 400 MB). */
export interface HexPayload {
  byteLength: number;
  chunks(): Iterable<Buffer>;
}

/** Pieces of a u32 run `first`, `first + 1`, … (a process's PFN ordinals), at most `chunkValues` per piece. */
export function u32RunPayload(first: number, count: number, chunkValues = 1 << 18): HexPayload {
  return {
    byteLength: count * 4,
    *chunks() {
      for (let start = 0; start < count; start += chunkValues) {
        const n = Math.min(chunkValues, count - start);
        const bytes = Buffer.allocUnsafe(n * 4);
        for (let i = 0; i < n; i++) bytes.writeUInt32LE((first + start + i) >>> 0, i * 4);
        yield bytes;
      }
    },
  };
}

/**
 * The payload as hex text pieces; with a line width, broken into lines as RAMMap-like writers may do: a line
 * break first, `width` digits per line, a line break last (a payload that fits one line is left as it is).
 */
export function* hexText(payload: HexPayload, width: number | undefined, nl: string): Generator<string> {
  if (!width || payload.byteLength * 2 <= width) {
    for (const chunk of payload.chunks()) yield chunk.toString('hex');
    return;
  }
  let column = 0;
  yield nl;
  for (const chunk of payload.chunks()) {
    const hex = chunk.toString('hex');
    const parts: string[] = [];
    for (let pos = 0; pos < hex.length; ) {
      if (column === width) {
        parts.push(nl);
        column = 0;
      }
      const take = Math.min(width - column, hex.length - pos);
      parts.push(hex.slice(pos, pos + take));
      column += take;
      pos += take;
    }
    yield parts.join('');
  }
  yield nl;
}
