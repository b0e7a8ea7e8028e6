/**
 * What the RAMMap tag scanner needs of one piece of input, either decoded text (UTF-16 files) or raw bytes of
 * an ASCII-compatible file (UTF-8, cp1252). In bytes every tag and line break is found with Buffer.indexOf
 * (memchr speed) and only tags are ever decoded, so skipping an 800 MB hex payload costs almost nothing.
 */
export interface Chars {
  /** The string or Buffer itself, handed on to the element-content handlers. */
  readonly raw: string | Buffer;
  readonly length: number;
  code(index: number): number;
  /** Index of a character code, or -1. */
  find(code: number, from: number): number;
  findText(needle: string, from: number): number;
  startsWith(prefix: string, at: number): boolean;
  /** Decoded text of [from, to). */
  text(from: number, to: number): string;
  /** A copy of [from, end) joined in front of the next chunk: the unfinished tag kept across chunks. */
  rest(from: number): Chars;
  concat(next: Chars): Chars;
}

export class StringChars implements Chars {
  readonly length: number;

  constructor(readonly raw: string) {
    this.length = raw.length;
  }

  code(index: number): number {
    return this.raw.charCodeAt(index);
  }

  find(code: number, from: number): number {
    return this.raw.indexOf(String.fromCharCode(code), from);
  }

  findText(needle: string, from: number): number {
    return this.raw.indexOf(needle, from);
  }

  startsWith(prefix: string, at: number): boolean {
    return this.raw.startsWith(prefix, at);
  }

  text(from: number, to: number): string {
    return this.raw.slice(from, to);
  }

  rest(from: number): Chars {
    return new StringChars(this.raw.slice(from));
  }

  concat(next: Chars): Chars {
    return new StringChars(this.raw + (next.raw as string));
  }
}

export class ByteChars implements Chars {
  readonly length: number;

  constructor(
    readonly raw: Buffer,
    private readonly decoder: TagDecoder,
  ) {
    this.length = raw.length;
  }

  code(index: number): number {
    return this.raw[index]!;
  }

  find(code: number, from: number): number {
    return from >= this.length ? -1 : this.raw.indexOf(code, from);
  }

  findText(needle: string, from: number): number {
    return from >= this.length ? -1 : this.raw.indexOf(needle, from, 'latin1');
  }

  startsWith(prefix: string, at: number): boolean {
    if (at + prefix.length > this.length) return false;
    for (let i = 0; i < prefix.length; i++) if (this.raw[at + i] !== prefix.charCodeAt(i)) return false;
    return true;
  }

  text(from: number, to: number): string {
    return this.decoder.decode(this.raw.subarray(from, to));
  }

  rest(from: number): Chars {
    return new ByteChars(Buffer.from(this.raw.subarray(from)), this.decoder);
  }

  concat(next: Chars): Chars {
    return new ByteChars(Buffer.concat([this.raw, next.raw as Buffer]), this.decoder);
  }
}

/** Decodes the bytes of one whole tag (a TextDecoder of the file's encoding). */
export interface TagDecoder {
  decode(bytes: Uint8Array): string;
}

/** A chunk from Input.bytes() as a Buffer view (no copy). */
export function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
