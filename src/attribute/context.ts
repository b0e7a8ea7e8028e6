import { formatBytes, MiB } from '../model/bytes.js';
import type { GuestSnapshot } from '../model/snapshot.js';
import type { SourceRef, Sourced } from '../model/source.js';
import type { Bucket, Reconciliation } from '../reconcile/types.js';
import type { Evidence, Severity } from './types.js';

/** What every rule sees: the snapshot, the accounting, and what is left of each bucket after earlier rules. */
export interface RuleContext {
  snapshot: GuestSnapshot;
  reconciliation: Reconciliation;
  /** Memory the percentages refer to: visible RAM, else installed, else the RAMMap total, else the VM's configured size. */
  ramBytes?: number;
  remaining(bucket: Bucket): number;
}

/** Where driver-locked style claims come from: RAMMap's Driver Locked row (a snapshot or a typed table), else the unattributed gap. */
export function lockedBucket(ctx: RuleContext): Bucket {
  return ctx.snapshot.rammap ? 'driverLocked' : 'unattributed';
}

/** When no input says how much RAM the guest has, shares are judged against a typical guest of this size. */
export const TYPICAL_RAM_BYTES = 8 * 1024 * MiB;

export function share(ctx: RuleContext, bytes: number): number {
  const ram = ctx.ramBytes ?? TYPICAL_RAM_BYTES;
  return ram > 0 ? bytes / ram : 0;
}

export function percent(ctx: RuleContext, bytes: number): string {
  return `${Math.round(share(ctx, bytes) * 100)} %`;
}

/** "2.0 GB (50 % of RAM)", or "2.0 GB" when the RAM size is unknown. */
export function sized(ctx: RuleContext, bytes: number): string {
  return ctx.ramBytes === undefined ? formatBytes(bytes) : `${formatBytes(bytes)} (${percent(ctx, bytes)} of RAM)`;
}

/** warn from 10 % of RAM, critical from 40 %, info below. */
export function severityByShare(ctx: RuleContext, bytes: number, warnAt = 0.1, criticalAt = 0.4): Severity {
  const s = share(ctx, bytes);
  return s >= criticalAt ? 'critical' : s >= warnAt ? 'warn' : 'info';
}

/** Big enough to talk about: 64 MiB or 2 % of RAM. */
export function significant(ctx: RuleContext, bytes: number): boolean {
  return bytes >= Math.max(64 * MiB, (ctx.ramBytes ?? TYPICAL_RAM_BYTES) * 0.02);
}

export function evidence(text: string, source?: SourceRef | Sourced<unknown>): Evidence {
  if (!source) return { text };
  return { text, source: 'file' in source ? source : source.source };
}

export const size = formatBytes;

export function num(value: Sourced<unknown> | undefined): number | undefined {
  return typeof value?.value === 'number' ? value.value : undefined;
}
