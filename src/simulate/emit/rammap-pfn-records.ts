import { PFN_RECORD_BYTES, pfnFlagsByte } from '../../ingest/parsers/rammap-pfn-database.js';
import type { HexPayload } from './hex-writer.js';

const HEADER_WORDS = 32;
/** PhysRanges says pages 0x1–0x9f, then 0x100 on: the PFN of record i follows them. */
const LOW_RANGE_PAGES = 0x9f;
const CHUNK_RECORDS = 1 << 15;

/** Pages of one PageUseCounts cell (use row, list in file order). */
export interface PfnCell {
  use: number;
  list: number;
  pages: number;
}

/**
 * The PfnDatabase payload with one 24-byte record per page (q0 flags, q1 PFN, q2 an address) after a 32-word
 * header. Records walk the cells in order, so they agree with PageUseCounts exactly (and the ProcessList
 * ordinals, counted from 0, point at the Process Private records, which come first).
 */
export function pfnDatabasePayload(cells: readonly PfnCell[]): HexPayload {
  const records = cells.reduce((sum, c) => sum + c.pages, 0);
  return {
    byteLength: HEADER_WORDS * 8 + records * PFN_RECORD_BYTES,
    *chunks() {
      yield header();
      let cell = 0;
      let leftInCell = cells[0]?.pages ?? 0;
      for (let start = 0; start < records; start += CHUNK_RECORDS) {
        const n = Math.min(CHUNK_RECORDS, records - start);
        const bytes = Buffer.alloc(n * PFN_RECORD_BYTES);
        for (let k = 0; k < n; k++) {
          while (leftInCell === 0) leftInCell = cells[++cell]!.pages;
          leftInCell--;
          const i = start + k;
          const at = k * PFN_RECORD_BYTES;
          bytes[at] = pfnFlagsByte(cells[cell]!.use, cells[cell]!.list);
          bytes.writeUInt32LE(i < LOW_RANGE_PAGES ? 1 + i : 0x100 + i - LOW_RANGE_PAGES, at + 8);
          bytes.writeUInt32LE((i * 4096) >>> 0, at + 16);
          bytes.writeUInt32LE(0xfffff800 + Math.floor(i / 0x100000), at + 20);
        }
        yield bytes;
      }
    },
  };
}

/** A short stand-in database (the in-memory snapshots): `records` records that do not follow the matrix. */
export function fillerPfnPayload(records: number): HexPayload {
  return {
    byteLength: HEADER_WORDS * 8 + records * PFN_RECORD_BYTES,
    *chunks() {
      yield header();
      const bytes = Buffer.alloc(records * PFN_RECORD_BYTES);
      for (let i = 0; i < records; i++) {
        const at = i * PFN_RECORD_BYTES;
        bytes[at] = pfnFlagsByte(i % 14, 6);
        bytes.writeUInt32LE(0x1000 + i, at + 8);
        bytes.writeBigUInt64LE(0xfffff80000000000n + BigInt(i) * 4096n, at + 16);
      }
      yield bytes;
    },
  };
}

function header(): Buffer {
  const bytes = Buffer.alloc(HEADER_WORDS * 8);
  for (let i = 7; i < HEADER_WORDS; i++) bytes.writeUInt32LE((i * 37) % 500, i * 8);
  return bytes;
}
