import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createDecoder, sniffEncoding } from './encoding.js';
import { createInput, type ByteSource, type Input } from './input.js';
import type { InputMessage } from './messages.js';

export const HEAD_BYTES = 64 * 1024;

export type Opened = { ok: true; input: Input } | { ok: false; message: InputMessage };

/** Opens a file read-only, sniffs its encoding from the head, and returns streaming access to it. */
export async function openInputFile(path: string, displayName = path, onProgress?: (bytesRead: number, totalBytes: number) => void): Promise<Opened> {
  let size: number;
  let head: Uint8Array;
  try {
    size = (await stat(path)).size;
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { ok: false, message: unreadable(displayName, error) };
  }
  const source: ByteSource = () => createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const scanSource = reusingSource(path);
  return fromHead(displayName, size, head, onProgress ? counted(source, size, onProgress) : source, onProgress ? counted(scanSource, size, onProgress) : scanSource);
}

const CHUNK_BYTES = 1024 * 1024;

/**
 * Reads the file into three buffers in turn, the next read under way while a chunk is used: a chunk stays valid
 * until two more have been asked for. Without a new Buffer per megabyte there is no garbage to collect, which
 * halves the time to stream a big file.
 */
function reusingSource(path: string): ByteSource {
  return async function* () {
    const handle = await open(path, 'r');
    const buffers = [0, 1, 2].map(() => Buffer.allocUnsafe(CHUNK_BYTES));
    let position = 0;
    const readInto = async (buffer: Buffer) => {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
      position += bytesRead;
      return buffer.subarray(0, bytesRead);
    };
    let next = readInto(buffers[0]!);
    try {
      for (let turn = 1; ; turn = (turn + 1) % buffers.length) {
        const chunk = await next;
        if (chunk.length === 0) return;
        next = readInto(buffers[turn]!);
        yield chunk;
      }
    } finally {
      await next.catch(() => undefined);
      await handle.close();
    }
  };
}

/** Same as openInputFile for content already in memory (tests, fuzzing, simulated bundles). */
export function inputFromBuffer(displayName: string, content: Uint8Array | string): Opened {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const source: ByteSource = async function* () {
    for (let i = 0; i < bytes.length; i += 65536) yield bytes.subarray(i, i + 65536);
  };
  return fromHead(displayName, bytes.length, bytes.subarray(0, HEAD_BYTES), source);
}

/** The same bytes, telling how far each pass over the file has got. */
function counted(source: ByteSource, total: number, onProgress: (bytesRead: number, totalBytes: number) => void): ByteSource {
  return async function* () {
    let read = 0;
    for await (const chunk of source()) {
      read += chunk.length;
      onProgress(read, total);
      yield chunk;
    }
  };
}

function fromHead(file: string, size: number, head: Uint8Array, source: ByteSource, scanSource: ByteSource = source): Opened {
  if (size === 0) {
    return { ok: false, message: { code: 'FILE_EMPTY', severity: 'error', file, text: 'The file is empty.' } };
  }
  const sniffed = sniffEncoding(head);
  if ('binary' in sniffed) {
    return {
      ok: false,
      message: { code: 'BINARY_FILE', severity: 'error', file, text: `This is ${sniffed.binary}, not a text export guestram can read.` },
    };
  }
  const decodedHead = createDecoder(sniffed.encoding).decode(head.subarray(sniffed.bomLength), { stream: true });
  const input = createInput(file, size, sniffed.encoding, sniffed.bomLength, decodedHead, source, scanSource);
  return { ok: true, input: sniffed.sameAs ? { ...input, sameAs: sniffed.sameAs } : input };
}

function unreadable(file: string, error: unknown): InputMessage {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? 'it does not exist'
    : code === 'EACCES' || code === 'EPERM' ? 'permission was denied'
    : code === 'EISDIR' ? 'it is a folder'
    : code === 'ELOOP' ? 'it is a symbolic link loop'
    : `the system said ${code ?? String(error)}`;
  return { code: 'FILE_UNREADABLE', severity: 'error', file, text: `The file could not be read: ${reason}.` };
}
