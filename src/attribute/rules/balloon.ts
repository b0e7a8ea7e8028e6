import { MiB } from '../../model/bytes.js';
import { counterLastBytes, findCounter } from '../../model/counters.js';
import type { Hypervisor } from '../../model/facts.js';
import { clampConfidence, evidence, lockedBucket, num, percent, severityByShare, significant, size, type RuleContext } from '../context.js';
import { balloonDevice, balloonDriver } from '../devices.js';
import type { ChecklistStep, Evidence, RuleFinding } from '../types.js';

/** The balloon's size as the host or the guest tools state it, with where it was read. */
function measuredBalloon(ctx: RuleContext): { bytes: number; evidence: Evidence } | undefined {
  const { vm } = ctx.snapshot;
  const stated = num(vm.balloonSizeBytes);
  if (stated !== undefined) return { bytes: stated, evidence: evidence(`The hypervisor reports a balloon of ${size(stated)}.`, vm.balloonSizeBytes) };
  const actual = num(vm.balloonActualBytes);
  const configured = num(vm.configuredBytes);
  if (actual !== undefined && configured !== undefined) {
    return { bytes: Math.max(0, configured - actual), evidence: evidence(`The guest has ${size(actual)} of its configured ${size(configured)} (balloon actual).`, vm.balloonActualBytes) };
  }
  const counter = findCounter(ctx.snapshot, /^vm memory$/i, /ballooned/i);
  const fromCounter = counterLastBytes(counter, counter && /mb/i.test(counter.counter) ? MiB : 1);
  if (counter && fromCounter !== undefined) return { bytes: fromCounter, evidence: evidence(`VMware Tools counter "${counter.counter}" reads ${size(fromCounter)}.`, counter.source) };
  return undefined;
}

/**
 * An inflated balloon (virtio-balloon, VMware vmmemctl, VirtualBox) allocates guest memory and locks it,
 * so it shows in RAMMap as Driver Locked. Hyper-V's own ballooning is the dynamic-memory rule.
 */
export function balloonRule(ctx: RuleContext): RuleFinding | undefined {
  const hypervisor = ctx.snapshot.hypervisor?.value;
  if (hypervisor === 'hyperv') return undefined;
  const { vm } = ctx.snapshot;
  const measured = measuredBalloon(ctx);
  const device = balloonDevice(ctx.snapshot);
  const driver = balloonDriver(ctx.snapshot);
  const bucket = lockedBucket(ctx);
  const available = ctx.remaining(bucket);
  if (vm.balloonEnabled?.value === false && !(measured && measured.bytes > 0)) return undefined;
  if (!measured || !significant(ctx, measured.bytes)) return undefined;

  const bytes = Math.min(measured.bytes, available);
  const found: Evidence[] = [measured.evidence];
  let confidence = 0.6;
  if (bucket === 'driverLocked') {
    const locked = ctx.snapshot.rammap!.rowTotals.driverLocked;
    found.push(evidence(`RAMMap shows ${size(locked)} Driver Locked (${percent(ctx, locked)} of RAM).`, ctx.snapshot.rammap!.source));
    if (Math.abs(locked - measured.bytes) <= Math.max(128 * MiB, measured.bytes * 0.15)) confidence += 0.2;
  } else {
    confidence -= 0.15;
    found.push(evidence('No RAMMap snapshot was given, so the locked memory itself could not be seen.'));
  }
  if (device) {
    confidence += 0.1;
    found.push(evidence(`Balloon device present: ${device.name}.`, device.source));
  }
  if (driver) found.push(evidence(`Balloon driver ${driver.module} is ${driver.state ?? 'installed'}.`, driver.source));
  if (vm.balloonEnabled?.value === true) {
    confidence += 0.05;
    found.push(evidence('The VM configuration has ballooning enabled.', vm.balloonEnabled));
  }
  if (bytes <= 0) return undefined;
  return {
    cause: 'balloon',
    bytes,
    confidence: clampConfidence(confidence),
    severity: severityByShare(ctx, bytes),
    title: `The ${balloonName(hypervisor)} holds ${size(bytes)} (${percent(ctx, bytes)} of RAM)`,
    evidence: found,
    checklist: balloonChecklist(hypervisor),
    claims: { [bucket]: bytes },
  };
}

function balloonName(hypervisor: Hypervisor | undefined): string {
  if (hypervisor === 'vmware') return 'VMware balloon driver (vmmemctl)';
  if (hypervisor === 'virtualbox') return 'VirtualBox memory balloon';
  return 'virtio balloon driver';
}

function balloonChecklist(hypervisor: Hypervisor | undefined): ChecklistStep[] {
  if (hypervisor === 'vmware') {
    return [
      { text: 'Confirm the balloon size inside the guest', command: 'vmware-toolbox-cmd stat balloon' },
      { text: 'Check whether the host is overcommitted (esxtop, memory view: MCTLSZ column)', where: 'host', command: 'esxtop' },
      { text: 'If the guest starves, reserve its memory or cap the balloon in the .vmx (VM powered off)', where: 'host', command: 'sched.mem.maxmemctl = "0"' },
    ];
  }
  if (hypervisor === 'virtualbox') {
    return [
      { text: 'Read the balloon size from the host', where: 'host', command: 'VBoxManage metrics query <vm> Guest/RAM/Usage/Balloon' },
      { text: 'Deflate the balloon', where: 'host', command: 'VBoxManage controlvm <vm> guestmemoryballoon 0' },
    ];
  }
  return [
    { text: 'Confirm the balloon size on the Proxmox host (actual = memory the guest keeps)', where: 'host', command: 'qm monitor <vmid>   # then: info balloon' },
    { text: 'Check the VM memory settings (balloon: minimum the host may shrink the guest to; 0 = off)', where: 'host', command: 'qm config <vmid> | grep -E "^(memory|balloon|shares)"' },
    { text: 'Confirm the balloon driver and service in the guest', command: "Get-PnpDevice -FriendlyName 'VirtIO Balloon Driver'; Get-Service BalloonService" },
    { text: 'Ballooning is expected when the host needs memory. If the guest starves, raise the minimum or turn ballooning off', where: 'host', command: 'qm set <vmid> --balloon 0' },
  ];
}
