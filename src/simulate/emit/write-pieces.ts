import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Writes content produced piece by piece to a file, with backpressure: only a few pieces are in memory at a
 * time, so an export of any size can be written (strings are written as UTF-8).
 */
export async function writePieces(path: string, pieces: Iterable<string | Buffer>): Promise<void> {
  await pipeline(Readable.from(pieces), createWriteStream(path));
}
