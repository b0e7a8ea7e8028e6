import { MiB } from '../../../model/bytes.js';
import { counterLastBytes, findCounter } from '../../../model/counters.js';
import { num, size, type RuleContext } from '../../context.js';
import { contradicts, supports, type EvidenceItem } from '../../evidence.js';
import { collectStep } from '../../next-evidence.js';
import type { ChecklistStep } from '../../types.js';
import type { LockedHypothesis } from './hypothesis.js';
import { hypervisorItem } from './identity.js';

/**
 * Memory Dynamic Memory has taken back, as the inputs measure it: visible to Windows minus what the host assigns
 * now; without the guest's view, the startup size minus what is assigned (a guest starts with all of its startup
 * memory and is ballooned down from there).
 */
function takenBack(ctx: RuleContext): { bytes: number; item: EvidenceItem } | undefined {
  const { vm } = ctx.snapshot;
  const assigned = num(vm.assignedBytes);
  if (assigned === undefined) return undefined;
  const visible = ctx.reconciliation.visibleBytes;
  if (visible !== undefined) {
    const bytes = Math.max(0, visible - assigned);
    return { bytes, item: supports('dm-taken-back', 'strong', `Windows sees ${size(visible)} but the host has assigned only ${size(assigned)}: ${size(bytes)} was taken back.`, vm.assignedBytes, true) };
  }
  const startup = num(vm.dmStartupBytes) ?? num(vm.configuredBytes);
  if (startup === undefined) return undefined;
  const bytes = Math.max(0, startup - assigned);
  return { bytes, item: supports('dm-taken-back', 'strong', `The VM started with ${size(startup)} and the host assigns ${size(assigned)} now: ${size(bytes)} was taken back.`, vm.assignedBytes, true) };
}

/**
 * Hyper-V Dynamic Memory removes memory from a running guest by ballooning (dmvsc.sys): the removed pages stay
 * visible to Windows but are locked, so RAMMap shows them as Driver Locked.
 */
export function dynamicMemoryHypothesis(ctx: RuleContext, viaRamMap: boolean): LockedHypothesis {
  const { snapshot } = ctx;
  const { vm } = snapshot;
  const items: EvidenceItem[] = [];
  const enabled = vm.dynamicMemoryEnabled?.value;
  if (enabled === true) items.push(supports('dm-setting', 'strong', 'Dynamic Memory is enabled for this VM.', vm.dynamicMemoryEnabled, true));
  if (enabled === false) items.push(contradicts('dm-setting', 'decisive', 'Dynamic Memory is off for this VM.', vm.dynamicMemoryEnabled));
  const identity = hypervisorItem(ctx, 'hypervisor', ['hyperv'], 'moderate', 'decisive', 'whose Dynamic Memory takes memory back by ballooning');
  if (identity) items.push(identity);
  const guestCounter = findCounter(snapshot, /^hyper-v dynamic memory integration service$/i, /maximum memory/i);
  if (guestCounter) {
    const max = counterLastBytes(guestCounter, MiB);
    items.push(supports('dm-guest-counters', 'moderate', `The guest has the Hyper-V Dynamic Memory Integration Service counters ("${guestCounter.counter}" = ${size(max ?? 0)}).`, guestCounter.source));
  }
  if (viaRamMap && snapshot.rammap!.rowTotals.driverLocked > 0) items.push(supports('driver-locked', 'weak', `RAMMap shows ${size(snapshot.rammap!.rowTotals.driverLocked)} Driver Locked, where memory Dynamic Memory took back shows.`, snapshot.rammap!.source));
  const removed = enabled === false ? undefined : takenBack(ctx);
  if (removed && removed.bytes > 0) items.push(removed.item);
  const notes = [];
  const min = num(vm.dmMinimumBytes);
  const max = num(vm.dmMaximumBytes);
  const startup = num(vm.dmStartupBytes) ?? num(vm.configuredBytes);
  if (startup !== undefined && min !== undefined && max !== undefined) {
    notes.push({ text: `Startup ${size(startup)}, minimum ${size(min)}, maximum ${size(max)}${vm.dmBufferPercent ? `, buffer ${vm.dmBufferPercent.value} %` : ''}.`, source: vm.dmMinimumBytes!.source });
  }
  const active = enabled === true || (removed !== undefined && removed.bytes > 0);
  const measured = enabled === true && viaRamMap ? { bytes: 0, all: true } : removed && removed.bytes > 0 ? { bytes: removed.bytes } : undefined;
  const name = vm.vmName ? String(vm.vmName.value) : '<vm>';
  return {
    cause: 'dynamic-memory',
    prior: 0.35,
    items,
    ...(active && measured && { measured }),
    specific: identity?.direction === 'supports' || guestCounter !== undefined,
    requests: ['vm-memory', 'rammap'],
    checklist: checklist(name),
    title: (bytes, likely) => likely
      ? viaRamMap
        ? `Likely Hyper-V Dynamic Memory: ${bytes} is Driver Locked, as memory the host took back shows — no host data was given to confirm it`
        : `Likely Hyper-V Dynamic Memory: ${bytes} in use is outside the processes, as memory the host took back is — no host data was given to confirm it`
      : `Hyper-V Dynamic Memory has taken back ${bytes}; it shows as Driver Locked`,
    notes,
    missing: enabled === undefined ? 'no Get-VM / Get-VMMemory output says whether Dynamic Memory is on' : 'Dynamic Memory is off',
  };
}

function checklist(name: string): ChecklistStep[] {
  return [
    collectStep('vm-memory', 'See the VM\'s Dynamic Memory settings and what the host assigns'),
    collectStep('dm-host-counters', 'Watch the memory pressure the balancer sees (committed / physical × 100)'),
    { text: 'If the guest is starved, raise the minimum and the buffer, or its priority against other VMs', where: 'host', command: `Set-VMMemory -VMName '${name}' -MinimumBytes 2GB -Buffer 20 -Priority 80`, fix: true },
    { text: 'Or turn Dynamic Memory off (the VM must be off) and give it fixed memory', where: 'host', command: `Stop-VM -Name '${name}'; Set-VMMemory -VMName '${name}' -DynamicMemoryEnabled $false -StartupBytes 4GB; Start-VM -Name '${name}'`, fix: true },
  ];
}
