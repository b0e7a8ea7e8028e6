import { readU64 } from './rammap-hex.js';

/** One PoolInfo record: addr u64, size u64, 4-byte ASCII tag, 4 bytes padding. */
export const POOL_RECORD_BYTES = 24;

export interface PoolTagTotal {
  tag: string;
  bytes: number;
  allocations: number;
}

/** Reads `<PoolInfo>` bytes as they stream in: a u64 record count, then 24-byte records, summed per tag. */
export class PoolInfoReader {
  private readonly carry = new Uint8Array(POOL_RECORD_BYTES);
  private carried = 0;
  /** The record count the payload states, once its first 8 bytes are in. */
  declared: number | undefined;
  records = 0;
  /** Whole records beyond the declared count (ignored). */
  extraRecords = 0;
  private readonly totals = new Map<string, PoolTagTotal>();

  readonly push = (bytes: Uint8Array): void => {
    let offset = 0;
    while (offset < bytes.length) {
      const want = (this.declared === undefined ? 8 : POOL_RECORD_BYTES) - this.carried;
      const take = Math.min(want, bytes.length - offset);
      this.carry.set(bytes.subarray(offset, offset + take), this.carried);
      this.carried += take;
      offset += take;
      if (take < want) return;
      this.carried = 0;
      if (this.declared === undefined) this.declared = readU64(this.carry, 0);
      else this.record();
    }
  };

  /** Bytes left over that do not make a whole record. */
  get leftoverBytes(): number {
    return this.carried;
  }

  tags(): PoolTagTotal[] {
    return [...this.totals.values()].sort((a, b) => b.bytes - a.bytes || (a.tag < b.tag ? -1 : 1));
  }

  private record(): void {
    if (this.records >= this.declared!) {
      this.extraRecords++;
      return;
    }
    this.records++;
    const address = readU64(this.carry, 0);
    if (address === 0) return; // an empty slot, as rmp2csv reads it
    const size = readU64(this.carry, 8);
    const tag = poolTag(this.carry.subarray(16, 20));
    const total = this.totals.get(tag);
    if (total) {
      total.bytes += size;
      total.allocations++;
    } else {
      this.totals.set(tag, { tag, bytes: size, allocations: 1 });
    }
  }
}

/** Four tag bytes as text: trailing spaces/NULs trimmed, anything unprintable shown as `?`. */
export function poolTag(bytes: Uint8Array): string {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0 || bytes[end - 1] === 0x20)) end--;
  let tag = '';
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    tag += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '?';
  }
  return tag === '' ? '?' : tag;
}
