/**
 * Hyper-V Dynamic Memory's balancer, as Windows Internals describes it: each VM's memory pressure is
 * committed ÷ assigned × 100; the balancer wants to give each VM its committed memory plus the buffer,
 * between its minimum and maximum. It adds memory (hot-add, which also grows what the guest sees) at once
 * when pressure is high, and takes memory back by ballooning only when the *average* pressure stays low.
 * When the host runs short, VMs with memory above their target give it back first, and what is left is
 * shared in proportion to want × priority. The host keeps a reserve for itself; a 32-bit guest never gets
 * more than 4 GiB. Sizes are MiB.
 */
export interface BalancedVm {
  name: string;
  bits?: 32 | 64;
  startupMiB: number;
  minimumMiB: number;
  maximumMiB: number;
  bufferPercent: number;
  /** Weight 0–100 (Hyper-V "memory weight"). */
  priority: number;
  /** Committed memory in the guest at each step. */
  demandMiB: number[];
}

export interface BalancerHost {
  totalMiB: number;
  /** Memory the host keeps for itself; defaults to ≈ 400 MB + 30 MB per GB of host RAM (UNCONFIRMED figure). */
  reserveMiB?: number;
}

export interface VmStep {
  assignedMiB: number;
  /** Memory the guest sees: grows with hot-add, never shrinks (removed memory is ballooned, not hot-removed). */
  visibleMiB: number;
  pressure: number;
  averagePressure: number;
  /** Cumulative memory added / removed (Hyper-V Dynamic Memory VM counters). */
  addedMiB: number;
  removedMiB: number;
}

export interface BalancerRun {
  reserveMiB: number;
  /** steps[t][vm] */
  steps: VmStep[][];
  hostAvailableMiB: number[];
}

const AVERAGE_WEIGHT = 0.25;
const REMOVE_BELOW = 0.9;

export function defaultReserveMiB(hostMiB: number): number {
  return Math.round(400 + 30 * (hostMiB / 1024));
}

export function runBalancer(host: BalancerHost, vms: BalancedVm[]): BalancerRun {
  const reserveMiB = host.reserveMiB ?? defaultReserveMiB(host.totalMiB);
  const stepsCount = Math.max(...vms.map((vm) => vm.demandMiB.length));
  const state = vms.map((vm) => ({ assigned: Math.min(vm.startupMiB, cap(vm)), visible: Math.min(vm.startupMiB, cap(vm)), average: NaN, added: 0, removed: 0 }));
  const steps: VmStep[][] = [];
  const hostAvailableMiB: number[] = [];

  for (let t = 0; t < stepsCount; t++) {
    const demand = vms.map((vm) => vm.demandMiB[Math.min(t, vm.demandMiB.length - 1)]!);
    const target = vms.map((vm, i) => clamp(demand[i]! * (1 + vm.bufferPercent / 100), vm.minimumMiB, cap(vm)));
    for (const [i, s] of state.entries()) {
      const pressure = (demand[i]! / s.assigned) * 100;
      s.average = Number.isNaN(s.average) ? pressure : s.average + (pressure - s.average) * AVERAGE_WEIGHT;
    }
    // Take back from VMs whose average pressure stayed well below what their buffer asks for.
    for (const [i, s] of state.entries()) {
      const comfortable = 100 / (1 + vms[i]!.bufferPercent / 100);
      if (s.assigned > target[i]! && s.average < comfortable * REMOVE_BELOW) remove(s, s.assigned - target[i]!);
    }
    const want = state.map((s, i) => Math.max(0, target[i]! - s.assigned));
    let available = host.totalMiB - reserveMiB - state.reduce((sum, s) => sum + s.assigned, 0);
    const totalWant = want.reduce((a, b) => a + b, 0);
    if (totalWant > available) {
      // Short: VMs holding more than their target give it back before anyone gets more.
      for (const [i, s] of state.entries()) {
        if (s.assigned > target[i]! && available < totalWant) {
          const back = Math.min(s.assigned - target[i]!, totalWant - available);
          remove(s, back);
          available += back;
        }
      }
    }
    const weighted = want.map((w, i) => w * Math.max(1, vms[i]!.priority));
    const totalWeighted = weighted.reduce((a, b) => a + b, 0);
    for (const [i, s] of state.entries()) {
      if (want[i]! <= 0) continue;
      const grant = totalWant <= available ? want[i]! : Math.floor((Math.max(0, available) * weighted[i]!) / totalWeighted);
      if (grant <= 0) continue;
      s.assigned += grant;
      s.added += grant;
      s.visible = Math.max(s.visible, s.assigned);
    }
    const used = state.reduce((sum, s) => sum + s.assigned, 0);
    hostAvailableMiB.push(host.totalMiB - reserveMiB - used);
    steps.push(state.map((s, i) => ({
      assignedMiB: s.assigned,
      visibleMiB: s.visible,
      pressure: Math.round((demand[i]! / s.assigned) * 100),
      averagePressure: Math.round(s.average),
      addedMiB: s.added,
      removedMiB: s.removed,
    })));
  }
  return { reserveMiB, steps, hostAvailableMiB };
}

function remove(s: { assigned: number; removed: number }, amount: number): void {
  s.assigned -= amount;
  s.removed += amount;
}

/** A 32-bit guest never gets more than 4 GiB from Dynamic Memory. */
function cap(vm: BalancedVm): number {
  return vm.bits === 32 ? Math.min(vm.maximumMiB, 4096) : vm.maximumMiB;
}

function clamp(value: number, min: number, max: number): number {
  return Math.round(Math.min(max, Math.max(min, value)));
}
