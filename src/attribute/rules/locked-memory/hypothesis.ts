import type { EvidenceItem } from '../../evidence.js';
import type { EvidenceRequest } from '../../next-evidence.js';
import type { ChecklistStep, Evidence } from '../../types.js';

/** A cause that may hold locked memory (RAMMap's Driver Locked, or the unexplained gap without RAMMap). */
export interface LockedHypothesis {
  cause: 'balloon' | 'dynamic-memory' | 'missing-driver';
  prior: number;
  ceiling?: number;
  items: EvidenceItem[];
  /**
   * Bytes the inputs measure for this cause itself: the balloon's size the host reports, the memory Dynamic Memory
   * took back. With `all`, the cause is known to be active and takes every locked byte left (DM on, with RAMMap).
   */
  measured?: { bytes: number; all?: boolean };
  /** Whether, unmeasured, an item points at this cause specifically, so it may take the locked bytes. */
  specific: boolean;
  /** What would decide, best first. */
  requests: EvidenceRequest[];
  checklist: ChecklistStep[];
  title(bytes: string, likely: boolean): string;
  notes: Evidence[];
  /** Why it ranks lower when it is not the one that claims (the missing input, in words). */
  missing: string;
}
