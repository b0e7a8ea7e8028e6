import { MiB, PAGE_SIZE } from '../../model/bytes.js';
import { RAMMAP_USES, type RamMapList } from '../../model/rammap.js';
import type { GuestState, SimCounter, SimProcess } from '../state.js';

/**
 * Values several tools print that are read straight off the state (Windows' own definitions, e.g. available =
 * standby + free + zeroed), so every emitter states the same number. Nothing here invents memory.
 */

/** Bytes on one page list, over every use. */
export function listBytes(state: GuestState, list: RamMapList): number {
  return RAMMAP_USES.reduce((sum, [use]) => sum + state.pages[use][list], 0) * PAGE_SIZE;
}

/** Task Manager / FreePhysicalMemory / systeminfo "Available": standby + free + zeroed. */
export function availableBytes(state: GuestState): number {
  return listBytes(state, 'standby') + listBytes(state, 'free') + listBytes(state, 'zeroed');
}

/** A guest counter's series by object and counter name (case-insensitive, as PDH matches). */
export function findCounter(state: GuestState, object: string, counter: string): SimCounter | undefined {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  return state.counters.find((c) => same(c.object, object) && same(c.counter, counter));
}

function lastValue(counter: SimCounter | undefined): number | undefined {
  return counter?.values[counter.values.length - 1];
}

/** Commit charge: the `\Memory\Committed Bytes` the state carries, else Σ PM plus the pools. */
export function committedBytes(state: GuestState): number {
  const fromCounter = lastValue(findCounter(state, 'Memory', 'Committed Bytes'));
  if (fromCounter !== undefined) return fromCounter;
  const pools = (state.pages.pagedPool.active + state.pages.pagedPool.standby + state.pages.nonpagedPool.active) * PAGE_SIZE;
  return state.processes.reduce((sum, p) => sum + p.pmBytes, 0) + pools;
}

/**
 * Commit limit = visible RAM + page file. The state states no page file, so it is the `\Memory\Commit Limit`
 * counter when there is one, else a system-managed page file: a quarter of RAM (at least 1,280 MiB), grown —
 * as Windows grows it — until the commit charge fits with a tenth of RAM to spare; whole 64 MiB steps.
 */
export function commitLimitBytes(state: GuestState): number {
  const fromCounter = lastValue(findCounter(state, 'Memory', 'Commit Limit'));
  if (fromCounter !== undefined) return fromCounter;
  return state.visibleBytes + pageFileBytes(state);
}

export function pageFileBytes(state: GuestState): number {
  const fromCounter = lastValue(findCounter(state, 'Memory', 'Commit Limit'));
  if (fromCounter !== undefined) return Math.max(0, fromCounter - state.visibleBytes);
  const step = 64 * MiB;
  const wanted = Math.max(1280 * MiB, state.visibleBytes / 4, committedBytes(state) - state.visibleBytes + state.visibleBytes / 10);
  return Math.ceil(wanted / step) * step;
}

/** Processes in the order Get-Process lists them: by name (case-insensitive), then by Id. */
export function getProcessOrder(processes: readonly SimProcess[]): SimProcess[] {
  return [...processes].sort((a, b) => {
    const byName = a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0;
    return byName !== 0 ? byName : a.pid - b.pid;
  });
}

/** Σ PM (PagedMemorySize64) over all processes, as Measure-Object sums it. */
export function sumPm(state: GuestState): number {
  return state.processes.reduce((sum, p) => sum + p.pmBytes, 0);
}

/**
 * The hypervisor host's computer name (host-side counters, Get-VM ComputerName, the Proxmox node). The state
 * names only the guest, so it is derived from the VM, stable per VM.
 */
export function hypervisorHostName(state: GuestState): string {
  const names = { hyperv: 'HV-NODE', kvm: 'pve', vmware: 'esx', virtualbox: 'vbox-host' } as const;
  const number = (state.vmId % 4) + 1;
  return state.hypervisor === 'hyperv' ? `${names.hyperv}${number}` : `${names[state.hypervisor]}${number}`;
}

/** The balloon as the host sees it, in MiB: configured memory, balloon size, memory left to the guest. */
export function balloonMiB(state: GuestState): { memory: number; size: number; actual: number } {
  const memory = state.vm.memoryMiB;
  const size = state.vm.balloon?.enabled ? state.vm.balloon.sizeMiB : 0;
  return { memory, size, actual: memory - size };
}

/** How long before `startTime` the guest booted, in seconds (systeminfo, CIM and Get-VM agree on it). */
export function secondsSinceBoot(state: GuestState): number {
  let h = 2166136261;
  for (const c of state.hostName) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return 3 * 3600 + ((h >>> 0) % (20 * 3600));
}

/** Seconds from `startTime` to the snapshot moment: the last counter sample. */
export function snapshotOffsetSeconds(state: GuestState): number {
  const samples = Math.max(1, ...state.counters.map((c) => c.values.length));
  return (samples - 1) * state.intervalSeconds;
}

/** How long before `startTime` Windows was installed, in seconds (systeminfo and CIM agree on it). */
export function secondsSinceInstall(state: GuestState): number {
  return (200 + (secondsSinceBoot(state) % 400)) * 86_400 + (secondsSinceBoot(state) % 36_000);
}
