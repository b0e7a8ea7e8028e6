import { counterLastBytes, findCounter } from '../model/counters.js';
import { RAMMAP_LISTS, RAMMAP_USES, type RamMapUse } from '../model/rammap.js';
import type { GuestSnapshot, RamMapView } from '../model/snapshot.js';
import type { SourceRef } from '../model/source.js';
import { identityChecks } from './identities.js';
import { installedBytes, osAvailableBytes, visibleBytes } from './physical.js';
import type { Bucket, Reconciliation } from './types.js';

/** Page lists that count as "in use" (Task Manager shows Modified apart, and Standby/Free/Zeroed are available). */
const IN_USE_LISTS = ['active', 'transition'] as const;

export function inUseOf(rammap: RamMapView, use: RamMapUse): number {
  return IN_USE_LISTS.reduce((sum, list) => sum + rammap.matrix[use][list], 0);
}

const sum = (values: (number | undefined)[]) => values.reduce<number>((a, b) => a + (b ?? 0), 0);

/** The accounting: physical totals, in use, the process view and the gap between them. Pure. */
export function reconcile(snapshot: GuestSnapshot): Reconciliation {
  const installed = installedBytes(snapshot);
  const visible = visibleBytes(snapshot);
  const pmValues = snapshot.processes.map((p) => p.pmBytes).filter((v): v is number => v !== undefined);
  const wsValues = snapshot.processes.map((p) => p.wsBytes).filter((v): v is number => v !== undefined);
  const processPmSumBytes = pmValues.length ? sum(pmValues) : snapshot.processSums.PM?.value;
  const processWsSumBytes = wsValues.length ? sum(wsValues) : snapshot.processSums.WS?.value;
  const base = {
    installedBytes: installed,
    visibleBytes: visible,
    hardwareReservedBytes: installed !== undefined && visible !== undefined ? Math.max(0, installed - visible) : undefined,
    processPmSumBytes,
    processWsSumBytes,
  };
  const rammap = snapshot.rammap;
  const partial = rammap?.hasLists ? fromRamMap(rammap) : withRamMapRows(fromCounters(snapshot, visible, processPmSumBytes), rammap);
  const reconciliation: Reconciliation = { ...base, ...partial, identities: [] };
  reconciliation.identities = identityChecks(snapshot, reconciliation);
  return stripUndefined(reconciliation);
}

type Accounting = Omit<Reconciliation, 'identities' | 'installedBytes' | 'visibleBytes' | 'hardwareReservedBytes' | 'processPmSumBytes' | 'processWsSumBytes'>;

function fromRamMap(rammap: RamMapView): Accounting {
  const listSum = (list: (typeof RAMMAP_LISTS)[number][0]) => RAMMAP_USES.reduce((s, [use]) => s + rammap.matrix[use][list], 0);
  const inUse = sum(RAMMAP_USES.map(([use]) => inUseOf(rammap, use)));
  const processPrivate = inUseOf(rammap, 'processPrivate');
  const gapBuckets: Partial<Record<Bucket, number>> = {};
  const bucketSources: Partial<Record<Bucket, SourceRef>> = {};
  for (const [use] of RAMMAP_USES) {
    if (use === 'processPrivate') continue;
    const bytes = inUseOf(rammap, use);
    if (bytes > 0) {
      gapBuckets[use] = bytes;
      bucketSources[use] = rammap.source;
    }
  }
  return {
    basis: 'rammap',
    inUseBytes: inUse,
    availableBytes: listSum('standby') + listSum('free') + listSum('zeroed'),
    standbyBytes: listSum('standby'),
    freeBytes: listSum('free') + listSum('zeroed'),
    modifiedBytes: listSum('modified') + listSum('modifiedNoWrite'),
    processPrivateBytes: processPrivate,
    gapBytes: inUse - processPrivate,
    gapBuckets,
    bucketSources,
  };
}

/** Kernel memory the \Memory counters measure, and the RAMMap row each corresponds to. */
const KERNEL_COUNTERS: [Bucket, string][] = [
  ['nonpagedPool', 'Pool Nonpaged Bytes'],
  ['pagedPool', 'Pool Paged Resident Bytes'],
  ['systemPte', 'System Driver Resident Bytes'],
  ['systemPte', 'System Code Resident Bytes'],
  ['mappedFile', 'System Cache Resident Bytes'],
];

/** Without RAMMap: in use from the OS's available memory, processes from Get-Process, and a gap nobody has broken down. */
function fromCounters(snapshot: GuestSnapshot, visible: number | undefined, pmSum: number | undefined): Accounting {
  const available = osAvailableBytes(snapshot);
  const inUse = visible !== undefined && available !== undefined ? Math.max(0, visible - available) : undefined;
  const standby = counterLastBytes(findCounter(snapshot, 'Memory', /^standby cache (core|normal priority|reserve) bytes$/i))
    !== undefined
    ? sum(['core', 'normal priority', 'reserve'].map((p) => counterLastBytes(findCounter(snapshot, 'Memory', `Standby Cache ${p} Bytes`))))
    : undefined;
  const processPrivate = pmSum !== undefined && inUse !== undefined ? Math.min(pmSum, inUse) : pmSum;
  const gap = inUse !== undefined && processPrivate !== undefined ? Math.max(0, inUse - processPrivate) : undefined;
  const gapBuckets: Partial<Record<Bucket, number>> = {};
  const bucketSources: Partial<Record<Bucket, SourceRef>> = {};
  let rest = gap ?? Infinity;
  for (const [bucket, name] of KERNEL_COUNTERS) {
    const counter = findCounter(snapshot, 'Memory', name);
    const bytes = Math.min(rest, counterLastBytes(counter) ?? 0);
    if (bytes > 0) {
      gapBuckets[bucket] = (gapBuckets[bucket] ?? 0) + bytes;
      bucketSources[bucket] ??= counter!.source;
    }
    rest -= bytes;
  }
  if (gap !== undefined && rest > 0) gapBuckets.unattributed = rest;
  return {
    basis: inUse !== undefined ? 'counters' : 'processes-only',
    inUseBytes: inUse,
    availableBytes: available,
    standbyBytes: standby,
    freeBytes: counterLastBytes(findCounter(snapshot, 'Memory', 'Free & Zero Page List Bytes')),
    modifiedBytes: counterLastBytes(findCounter(snapshot, 'Memory', 'Modified Page List Bytes')),
    processPrivateBytes: processPrivate,
    gapBytes: gap,
    gapBuckets,
    bucketSources,
  };
}

/** RAMMap rows whose pages are all resident: a table of row totals (no page lists) still measures them. */
const RESIDENT_ROWS: RamMapUse[] = ['driverLocked', 'awe', 'largePage', 'nonpagedPool', 'kernelStack', 'pageTable'];

/**
 * A RAMMap table with row totals only (typed from a screenshot, often one or two rows): in use comes from the OS,
 * but the rows that are resident by nature measure their own bucket, and what they leave of the gap is unattributed.
 */
function withRamMapRows(accounting: Accounting, rammap: RamMapView | undefined): Accounting {
  if (!rammap) return accounting;
  const rows = RESIDENT_ROWS.map((use) => [use, rammap.rowTotals[use]] as const).filter(([, bytes]) => bytes > 0);
  if (rows.length === 0) return accounting;
  const gapBuckets: Partial<Record<Bucket, number>> = { ...accounting.gapBuckets };
  const bucketSources = { ...accounting.bucketSources };
  let rest = accounting.gapBytes ?? Infinity;
  for (const [use, bytes] of rows) {
    const part = Math.min(bytes, rest);
    if (part <= 0) continue;
    gapBuckets[use] = part;
    bucketSources[use] = rammap.source;
    rest -= part;
  }
  if (accounting.gapBytes !== undefined) {
    // A row replaces the counter bucket of the same use; the unattributed rest is what neither measures.
    const counted = Object.entries(gapBuckets).filter(([bucket]) => bucket !== 'unattributed').reduce((s, [, v]) => s + (v ?? 0), 0);
    const unattributed = accounting.gapBytes - counted;
    if (unattributed > 0) gapBuckets.unattributed = unattributed;
    else delete gapBuckets.unattributed;
  }
  return { ...accounting, gapBuckets, bucketSources };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
