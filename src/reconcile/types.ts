import type { RamMapUse } from '../model/rammap.js';
import type { SourceRef } from '../model/source.js';

/** One accounting identity: does lhs equal rhs within the tolerance? */
export interface IdentityCheck {
  id: string;
  title: string;
  lhsLabel: string;
  lhs: number;
  rhsLabel: string;
  rhs: number;
  toleranceBytes: number;
  holds: boolean;
  /** What it means when it does not hold. */
  note?: string;
}

/** A bucket of in-use memory findings can claim bytes from: a RAMMap use type, or the unattributed rest. */
export type Bucket = RamMapUse | 'unattributed';

/**
 * The accounting of one snapshot. All sizes in bytes; undefined where the inputs did not say.
 * `gapBytes` = in use − process private: what Task Manager users cannot find in the process list.
 */
export interface Reconciliation {
  basis: 'rammap' | 'counters' | 'processes-only';
  installedBytes?: number;
  visibleBytes?: number;
  hardwareReservedBytes?: number;
  inUseBytes?: number;
  availableBytes?: number;
  standbyBytes?: number;
  freeBytes?: number;
  modifiedBytes?: number;
  processPrivateBytes?: number;
  processPmSumBytes?: number;
  processWsSumBytes?: number;
  gapBytes?: number;
  /**
   * In-use bytes per bucket, before findings claim them. Without the gap (in use unknown) the buckets hold what the
   * inputs measure on their own (a RAMMap row, a pool counter), so a cause can still be named from it.
   */
  gapBuckets: Partial<Record<Bucket, number>>;
  /** Where each bucket's size was read. */
  bucketSources: Partial<Record<Bucket, SourceRef>>;
  identities: IdentityCheck[];
}
