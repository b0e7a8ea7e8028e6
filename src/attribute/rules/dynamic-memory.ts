import { counterLastBytes, findCounter } from '../../model/counters.js';
import { MiB } from '../../model/bytes.js';
import { clampConfidence, evidence, lockedBucket, num, percent, severityByShare, significant, size, type RuleContext } from '../context.js';
import type { Evidence, RuleFinding } from '../types.js';

/**
 * Hyper-V Dynamic Memory removes memory from a running guest by ballooning (dmvsc.sys): the removed
 * pages stay visible to Windows but are locked, so RAMMap shows them as Driver Locked.
 */
export function dynamicMemoryRule(ctx: RuleContext): RuleFinding | undefined {
  const { snapshot } = ctx;
  const { vm } = snapshot;
  const guestCounter = findCounter(snapshot, /^hyper-v dynamic memory integration service$/i, /maximum memory/i);
  const enabled = vm.dynamicMemoryEnabled?.value === true;
  if (!enabled && !guestCounter) return undefined;
  if (vm.dynamicMemoryEnabled?.value === false) return undefined;

  const bucket = lockedBucket(ctx);
  const found: Evidence[] = [];
  let confidence = 0.5;
  if (enabled) {
    confidence += 0.2;
    found.push(evidence('Dynamic Memory is enabled for this VM.', vm.dynamicMemoryEnabled));
  } else {
    found.push(evidence('The guest has the Hyper-V Dynamic Memory Integration Service counters, but no Get-VMMemory export was given to confirm the settings.', guestCounter!.source));
  }
  const min = num(vm.dmMinimumBytes);
  const max = num(vm.dmMaximumBytes);
  const startup = num(vm.dmStartupBytes) ?? num(vm.configuredBytes);
  if (startup !== undefined && min !== undefined && max !== undefined) {
    found.push(evidence(`Startup ${size(startup)}, minimum ${size(min)}, maximum ${size(max)}${vm.dmBufferPercent ? `, buffer ${vm.dmBufferPercent.value} %` : ''}.`, vm.dmMinimumBytes));
  }
  const assigned = num(vm.assignedBytes);
  const visible = ctx.reconciliation.visibleBytes;
  const removed = assigned !== undefined && visible !== undefined && visible > assigned ? visible - assigned : undefined;
  if (removed !== undefined) {
    confidence += 0.1;
    found.push(evidence(`Windows sees ${size(visible!)} but the host has assigned only ${size(assigned!)}: ${size(removed)} was taken back.`, vm.assignedBytes));
  }
  if (guestCounter && enabled) found.push(evidence(`Guest counter "${guestCounter.counter}" = ${size(counterLastBytes(guestCounter, MiB) ?? 0)}.`, guestCounter.source));

  let bytes: number;
  if (bucket === 'driverLocked') {
    bytes = ctx.remaining('driverLocked');
    found.push(evidence(`RAMMap shows ${size(snapshot.rammap!.rowTotals.driverLocked)} Driver Locked.`, snapshot.rammap!.source));
    confidence += 0.15;
  } else {
    bytes = Math.min(removed ?? 0, ctx.remaining('unattributed'));
    confidence -= 0.1;
  }
  if (!significant(ctx, bytes)) return undefined;
  const name = vm.vmName ? String(vm.vmName.value) : '<vm>';
  return {
    cause: 'dynamic-memory',
    bytes,
    confidence: clampConfidence(confidence),
    severity: severityByShare(ctx, bytes),
    title: `Hyper-V Dynamic Memory has taken back ${size(bytes)} (${percent(ctx, bytes)} of RAM); it shows as Driver Locked`,
    evidence: found,
    checklist: [
      { text: 'See the VM\'s Dynamic Memory settings and what the host assigns', where: 'host', command: `Get-VMMemory -VMName '${name}'; Get-VM -Name '${name}' | Select-Object Name, MemoryAssigned, MemoryDemand, MemoryStatus` },
      { text: 'Watch the memory pressure the balancer sees (committed / physical × 100)', where: 'host', command: `Get-Counter '\\Hyper-V Dynamic Memory VM(${name})\\Average Pressure','\\Hyper-V Dynamic Memory VM(${name})\\Removed Memory' -SampleInterval 5 -MaxSamples 12` },
      { text: 'If the guest is starved, raise the minimum and the buffer, or its priority against other VMs', where: 'host', command: `Set-VMMemory -VMName '${name}' -MinimumBytes 2GB -Buffer 20 -Priority 80` },
      { text: 'Or turn Dynamic Memory off (the VM must be off) and give it fixed memory', where: 'host', command: `Stop-VM -Name '${name}'; Set-VMMemory -VMName '${name}' -DynamicMemoryEnabled $false -StartupBytes 4GB; Start-VM -Name '${name}'` },
    ],
    claims: { [bucket]: bytes },
  };
}
