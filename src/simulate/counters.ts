import { MiB } from '../model/bytes.js';
import type { BalancerRun, VmStep } from './balancer.js';
import type { Rng } from './rng.js';
import type { GuestState, SimCounter } from './state.js';

const total = (m: GuestState['pages'], list: keyof GuestState['pages']['unused']) => Object.values(m).reduce((s, lists) => s + lists[list], 0) * 4096;

/**
 * The counters a typeperf log of this guest would hold, as series ending at the snapshot values. A leaking
 * pool rises from 60 % to its final size; everything else wobbles a little around its final value.
 */
export function counters(state: GuestState, rng: Rng, samples: number, leakingPool?: 'paged' | 'nonpaged', balanced?: { run: BalancerRun; names: string[] }): SimCounter[] {
  const m = state.pages;
  const series = (final: number, rising = false): number[] =>
    Array.from({ length: samples }, (_, i) => {
      if (i === samples - 1) return final;
      const progress = samples === 1 ? 1 : i / (samples - 1);
      return Math.round(rising ? final * (0.6 + 0.4 * progress) : rng.jitter(final, 0.01));
    });
  const standby = total(m, 'standby');
  const available = standby + total(m, 'free') + total(m, 'zeroed');
  const committed = state.processes.reduce((s, p) => s + p.pmBytes, 0) + (m.pagedPool.active + m.pagedPool.standby + m.nonpagedPool.active + m.driverLocked.active + m.awe.active) * 4096;
  const guest = (counter: string, values: number[]): SimCounter => ({ object: 'Memory', counter, values });
  const list: SimCounter[] = [
    guest('Available MBytes', series(Math.floor(available / MiB))),
    guest('Available Bytes', series(available)),
    guest('Committed Bytes', series(committed)),
    guest('Pool Nonpaged Bytes', series(m.nonpagedPool.active * 4096, leakingPool === 'nonpaged')),
    guest('Pool Paged Bytes', series((m.pagedPool.active + m.pagedPool.standby) * 4096, leakingPool === 'paged')),
    guest('Pool Paged Resident Bytes', series(m.pagedPool.active * 4096, leakingPool === 'paged')),
    guest('Standby Cache Normal Priority Bytes', series(standby)),
    guest('Free & Zero Page List Bytes', series(total(m, 'free') + total(m, 'zeroed'))),
    guest('Modified Page List Bytes', series(total(m, 'modified') + total(m, 'modifiedNoWrite'))),
  ];
  const dm = state.vm.dynamicMemory;
  if (state.hypervisor === 'hyperv' && dm?.enabled) {
    list.push({ object: 'Hyper-V Dynamic Memory Integration Service', counter: 'Maximum Memory, Mbytes', values: series(Math.round(dm.maximumBytes / MiB)) });
    if (balanced) {
      list.push(...balancerCounters(balanced.run, balanced.names));
      return list;
    }
    const host = (counter: string, values: number[]): SimCounter => ({ object: 'Hyper-V Dynamic Memory VM', instance: state.vmName, counter, onHost: true, values });
    const pressure = Math.round((committed / dm.assignedBytes) * 100);
    list.push(
      host('Physical Memory', series(Math.round(dm.assignedBytes / MiB))),
      host('Guest Visible Physical Memory', series(Math.round(state.visibleBytes / MiB))),
      host('Current Pressure', series(pressure)),
      host('Average Pressure', series(pressure)),
      host('Removed Memory', series(Math.round((state.visibleBytes - dm.assignedBytes) / MiB))),
    );
  }
  if (state.hypervisor === 'vmware') {
    list.push({ object: 'VM Memory', counter: 'Memory Ballooned in MB', values: series(state.vm.balloon?.sizeMiB ?? 0) });
    list.push({ object: 'VM Memory', counter: 'Memory Reservation in MB', values: series(0) });
  }
  return list;
}

/** Host-side Hyper-V Dynamic Memory VM counters of every VM the balancer ran, step by step. */
function balancerCounters(run: BalancerRun, names: string[]): SimCounter[] {
  const fields: [string, (s: VmStep) => number][] = [
    ['Physical Memory', (s) => s.assignedMiB],
    ['Guest Visible Physical Memory', (s) => s.visibleMiB],
    ['Current Pressure', (s) => s.pressure],
    ['Average Pressure', (s) => s.averagePressure],
    ['Added Memory', (s) => s.addedMiB],
    ['Removed Memory', (s) => s.removedMiB],
  ];
  return names.flatMap((name, vm) =>
    fields.map(([counter, pick]) => ({ object: 'Hyper-V Dynamic Memory VM', instance: name, counter, onHost: true, values: run.steps.map((step) => pick(step[vm]!)) })),
  );
}
