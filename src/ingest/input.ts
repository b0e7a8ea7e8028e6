import { isAscii } from 'node:buffer';
import { createDecoder, isAsciiCompatible, type Encoding } from './encoding.js';

export interface Line {
  /** 1-based line number in the file. */
  number: number;
  text: string;
}

/**
 * One input file as a parser sees it: its detected encoding, the decoded head (for sniffing) and
 * streams over the whole content. Every stream starts again from the beginning of the file.
 */
export interface Input {
  /** The path as the user gave it, used in every message and evidence line. */
  file: string;
  size: number;
  encoding: Encoding;
  /** A legacy code page that reads this file the same as `encoding` (said in the input message). */
  sameAs?: Encoding;
  bomLength: number;
  /** The decoded first bytes (up to 64 KiB), byte-order mark removed. */
  head: string;
  /** Raw bytes from the start of the file (BOM included). */
  bytes(): AsyncIterable<Uint8Array>;
  /**
   * The same bytes read into a few reused buffers: a chunk is overwritten two chunks later, so copy what you
   * keep. Nothing is allocated per chunk, which makes an 800 MB file read at the speed of the disk.
   */
  scanBytes(): AsyncIterable<Uint8Array>;
  /** Decoded text in chunks, BOM removed. */
  chunks(): AsyncIterable<string>;
  /** Decoded lines; CRLF, LF and lone CR all end a line. */
  lines(): AsyncIterable<Line>;
}

export type ByteSource = () => AsyncIterable<Uint8Array>;

/** `scanSource`: the bytes in reused buffers (see Input.scanBytes), when the source can do that. */
export function createInput(file: string, size: number, encoding: Encoding, bomLength: number, head: string, source: ByteSource, scanSource: ByteSource = source): Input {
  // Decoding copies every chunk into a string, so it may read from the reused buffers.
  const chunks = () => decodeChunks(scanSource, encoding, bomLength);
  return { file, size, encoding, bomLength, head, bytes: source, scanBytes: scanSource, chunks, lines: () => splitLines(chunks()) };
}

async function* decodeChunks(source: ByteSource, encoding: Encoding, bomLength: number): AsyncIterable<string> {
  const decoder = createDecoder(encoding);
  // ASCII reads the same in UTF-8 and the legacy code pages and is copied natively, several times faster than decoded; once a
  // chunk is not ASCII the decoder may hold part of a character, so it decodes the rest of the file.
  let asciiSoFar = isAsciiCompatible(encoding);
  let toSkip = bomLength;
  for await (const chunk of source()) {
    let bytes = chunk;
    if (toSkip > 0) {
      const skip = Math.min(toSkip, bytes.length);
      bytes = bytes.subarray(skip);
      toSkip -= skip;
    }
    asciiSoFar &&= isAscii(bytes);
    const text = asciiSoFar ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1') : decoder.decode(bytes, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

const MAX_LINE_CHARS = 16 * 1024 * 1024;

export async function* splitLines(chunks: AsyncIterable<string>): AsyncIterable<Line> {
  let pending = '';
  let number = 0;
  let lastWasCr = false;
  for await (let chunk of chunks) {
    if (lastWasCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
    lastWasCr = false;
    // Only the new chunk can hold a line end: rescanning the pending part made a 10 MB line quadratic.
    const scanFrom = pending.length;
    pending += chunk;
    let start = 0;
    for (let i = scanFrom; i < pending.length; i++) {
      const c = pending.charCodeAt(i);
      if (c !== 10 && c !== 13) continue;
      yield { number: ++number, text: pending.slice(start, i) };
      if (c === 13) {
        if (i + 1 < pending.length) {
          if (pending.charCodeAt(i + 1) === 10) i++;
        } else {
          lastWasCr = true;
        }
      }
      start = i + 1;
    }
    pending = pending.slice(start);
    // Holding one endless line would exhaust memory on a file larger than it; no export writes such a line.
    if (pending.length > MAX_LINE_CHARS) throw new Error(`line ${number + 1} is longer than ${MAX_LINE_CHARS / 1024 / 1024} M characters, which no export writes`);
  }
  if (pending !== '') yield { number: ++number, text: pending };
}
