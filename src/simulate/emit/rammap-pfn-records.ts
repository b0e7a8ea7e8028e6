import { PFN_RECORD_BYTES, pfnFlagsByte } from '../../ingest/parsers/rammap-pfn-database.js';
import { RMP_LIST_ORDER } from '../../ingest/parsers/rammap-use-counts.js';
import type { HexPayload } from './hex-writer.js';

const HEADER_WORDS = 32;
/** PhysRanges says pages 0x1–0x9f, then 0x100 on: the PFN of record i follows them. */
export const LOW_RANGE_PAGES = 0x9f;
/** Flags for records past the pages of the matrix: a use row RAMMap does not show, the Bad list. */
const SURPLUS_FLAGS = pfnFlagsByte(15, RMP_LIST_ORDER.indexOf('bad'));

/** Pages of one PageUseCounts cell (use row, list in file order). */
export interface PfnCell {
  use: number;
  list: number;
  pages: number;
}

/**
 * The PfnDatabase payload: a 32-word header, then one 24-byte record per page (q0 flags, q1 PFN, q2 an address).
 * Records walk the cells in order, so with one record per page they agree with PageUseCounts exactly (and the
 * ProcessList ordinals, counted from 0, point at the Process Private records, which come first).
 */
export function pfnDatabasePayload(cells: readonly PfnCell[], records: number, chunkRecords = 1 << 15): HexPayload {
  return {
    byteLength: HEADER_WORDS * 8 + records * PFN_RECORD_BYTES,
    *chunks() {
      const header = Buffer.alloc(HEADER_WORDS * 8);
      for (let i = 7; i < HEADER_WORDS; i++) header.writeUInt32LE((i * 37) % 500, i * 8);
      yield header;
      let cell = 0;
      let leftInCell = cells[0]?.pages ?? 0;
      for (let start = 0; start < records; start += chunkRecords) {
        const n = Math.min(chunkRecords, records - start);
        const bytes = Buffer.alloc(n * PFN_RECORD_BYTES);
        for (let k = 0; k < n; k++) {
          while (leftInCell === 0 && cell < cells.length) leftInCell = cells[++cell]?.pages ?? 0;
          const current = cells[cell];
          const flags = current ? pfnFlagsByte(current.use, current.list) : SURPLUS_FLAGS;
          if (current) leftInCell--;
          const i = start + k;
          const at = k * PFN_RECORD_BYTES;
          bytes[at] = flags;
          bytes.writeUInt32LE(i < LOW_RANGE_PAGES ? 1 + i : 0x100 + i - LOW_RANGE_PAGES, at + 8);
          bytes.writeUInt32LE((i * 4096) >>> 0, at + 16);
          bytes.writeUInt32LE(0xfffff800 + Math.floor(i / 0x100000), at + 20);
        }
        yield bytes;
      }
    },
  };
}
