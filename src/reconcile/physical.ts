import { counterLastBytes, findCounter } from '../model/counters.js';
import { visibleDisagrees } from '../model/build-snapshot.js';
import type { GuestSnapshot } from '../model/snapshot.js';

const num = (v: { value: unknown } | undefined) => (typeof v?.value === 'number' ? v.value : undefined);

/** Installed memory: DIMMs the guest reports, else what the hypervisor configured. */
export function installedBytes(snapshot: GuestSnapshot): number | undefined {
  // Under Dynamic Memory the configured startup size is not what the guest has.
  const dynamic = snapshot.vm.dynamicMemoryEnabled?.value === true;
  return num(snapshot.system.installedBytes) ?? (dynamic ? undefined : num(snapshot.vm.configuredBytes));
}

/**
 * Memory visible to Windows: TotalVisibleMemorySize / systeminfo, else the RAMMap total — and the RAMMap total
 * when the two disagree, so that visible, in use and available come from one moment (a recorded conflict).
 */
export function visibleBytes(snapshot: GuestSnapshot): number | undefined {
  const os = num(snapshot.system.visibleBytes);
  const rammap = snapshot.rammap?.total;
  if (os !== undefined && rammap !== undefined && visibleDisagrees(os, rammap)) return rammap;
  return os ?? rammap;
}

/** Available memory as the OS reported it (counters first: they are sampled, systeminfo is a moment). */
export function osAvailableBytes(snapshot: GuestSnapshot): number | undefined {
  const counter = findCounter(snapshot, 'Memory', /^available (m|k)?bytes$/i);
  return counterLastBytes(counter) ?? num(snapshot.system.availableBytes);
}
