import { MiB } from '../../../model/bytes.js';
import { counterLastBytes, findCounter } from '../../../model/counters.js';
import type { Hypervisor } from '../../../model/facts.js';
import { num, size, type RuleContext } from '../../context.js';
import { balloonDevice, balloonDriver } from '../../devices.js';
import { contradicts, supports, type EvidenceItem } from '../../evidence.js';
import { collectStep, type EvidenceRequest } from '../../next-evidence.js';
import type { ChecklistStep } from '../../types.js';
import type { LockedHypothesis } from './hypothesis.js';
import { hypervisorItem } from './identity.js';

/** The balloon's size as the host or the guest tools state it, with the item that says so. */
function measuredBalloon(ctx: RuleContext): { bytes: number; item: EvidenceItem } | undefined {
  const { vm } = ctx.snapshot;
  const stated = num(vm.balloonSizeBytes);
  if (stated !== undefined) return { bytes: stated, item: measuredItem(stated, `The hypervisor reports a balloon of ${size(stated)}.`, vm.balloonSizeBytes) };
  const actual = num(vm.balloonActualBytes);
  const configured = num(vm.configuredBytes);
  if (actual !== undefined && configured !== undefined) {
    const bytes = Math.max(0, configured - actual);
    return { bytes, item: measuredItem(bytes, `The guest has ${size(actual)} of its configured ${size(configured)} (balloon actual).`, vm.balloonActualBytes) };
  }
  const counter = findCounter(ctx.snapshot, /^vm memory$/i, /ballooned/i);
  const fromCounter = counterLastBytes(counter, counter && /mb/i.test(counter.counter) ? MiB : 1);
  if (counter && fromCounter !== undefined) return { bytes: fromCounter, item: measuredItem(fromCounter, `VMware Tools counter "${counter.counter}" reads ${size(fromCounter)}.`, counter.source) };
  return undefined;
}

function measuredItem(bytes: number, text: string, source: Parameters<typeof supports>[3]): EvidenceItem {
  return bytes > 0 ? supports('balloon-size', 'decisive', text, source, true) : contradicts('balloon-size', 'decisive', `${text} The balloon is deflated.`, source);
}

/**
 * An inflated balloon (virtio-balloon, VMware vmmemctl, VirtualBox) allocates guest memory and locks it, so it
 * shows in RAMMap as Driver Locked. Hyper-V's own ballooning is Dynamic Memory.
 */
export function balloonHypothesis(ctx: RuleContext, lockedBytes: number, viaRamMap: boolean): LockedHypothesis {
  const { snapshot } = ctx;
  const { vm } = snapshot;
  const hypervisor = snapshot.hypervisor?.value;
  const items: EvidenceItem[] = [];
  const measured = measuredBalloon(ctx);
  if (measured) items.push(measured.item);
  const identity = hypervisorItem(ctx, 'hypervisor', ['kvm', 'vmware', 'virtualbox'], 'weak', 'decisive', 'where the guest tools bring a balloon driver');
  if (identity) items.push(identity);
  if (vm.balloonEnabled?.value === false && !(measured && measured.bytes > 0)) {
    items.push(contradicts('balloon-setting', 'decisive', 'Ballooning is off in the VM configuration.', vm.balloonEnabled));
  } else if (vm.balloonEnabled?.value === true) {
    const target = num(vm.balloonTargetBytes);
    const configured = num(vm.configuredBytes);
    if (target !== undefined && configured !== undefined && target >= configured) {
      items.push(contradicts('balloon-setting', 'weak', `Ballooning is on, but its minimum equals the VM's memory (${size(configured)}): the host does not inflate it on its own.`, vm.balloonTargetBytes));
    } else {
      const to = target !== undefined ? `: the host may shrink the guest to ${size(target)}` : '';
      items.push(supports('balloon-setting', target !== undefined ? 'moderate' : 'weak', `The VM configuration has ballooning enabled${to}.`, vm.balloonTargetBytes ?? vm.balloonEnabled));
    }
  }
  const device = balloonDevice(snapshot);
  if (device) items.push(supports('balloon-device', 'weak', `Balloon device present: ${device.name}.`, device.source));
  else if (snapshot.devices.length > 0 && hypervisor !== 'vmware') items.push(contradicts('balloon-device', 'moderate', 'The device list has no balloon device.'));
  const driver = balloonDriver(snapshot);
  if (driver) items.push(supports('balloon-driver', 'weak', `Balloon driver ${driver.module} is ${driver.state ?? 'installed'}.`, driver.source));
  if (viaRamMap && snapshot.rammap!.rowTotals.driverLocked > 0) items.push(supports('driver-locked', 'weak', `RAMMap shows ${size(snapshot.rammap!.rowTotals.driverLocked)} Driver Locked, where an inflated balloon shows.`, snapshot.rammap!.source));
  if (measured && measured.bytes > 0 && viaRamMap && Math.abs(lockedBytes - measured.bytes) <= Math.max(128 * MiB, measured.bytes * 0.15)) {
    items.push(supports('locked-matches-balloon', 'strong', `RAMMap's Driver Locked (${size(lockedBytes)}) matches the balloon's size.`, snapshot.rammap!.source, true));
  }
  const specific = device !== undefined || items.some((i) => i.key === 'balloon-setting' && i.direction === 'supports');
  return {
    cause: 'balloon',
    prior: 0.35,
    items,
    ...(measured && measured.bytes > 0 && { measured: { bytes: measured.bytes } }),
    specific,
    requests: balloonRequests(hypervisor, snapshot.vm.display !== undefined || snapshot.vm.balloonEnabled !== undefined),
    checklist: balloonChecklist(hypervisor),
    title: (bytes, likely) => likely ? `Likely a ${balloonName(hypervisor)} holding ${bytes}: its size was not given` : `The ${balloonName(hypervisor)} holds ${bytes}`,
    notes: [],
    missing: measured ? 'the balloon is deflated' : `no balloon size was given (${balloonCommandName(hypervisor)})`,
  };
}

function balloonRequests(hypervisor: Hypervisor | undefined, hasConfig: boolean): EvidenceRequest[] {
  if (hypervisor === 'vmware') return ['vmware-balloon', 'pnp-devices'];
  if (hypervisor === 'virtualbox') return ['vbox-balloon', 'pnp-devices'];
  return hasConfig ? ['info-balloon', 'pnp-devices'] : ['info-balloon', 'qm-config', 'pnp-devices'];
}

function balloonCommandName(hypervisor: Hypervisor | undefined): string {
  if (hypervisor === 'vmware') return 'vmware-toolbox-cmd stat balloon';
  if (hypervisor === 'virtualbox') return 'VBoxManage metrics query … Guest/RAM/Usage/Balloon';
  return 'no `info balloon` or `virsh dommemstat`';
}

function balloonName(hypervisor: Hypervisor | undefined): string {
  if (hypervisor === 'vmware') return 'VMware balloon driver (vmmemctl)';
  if (hypervisor === 'virtualbox') return 'VirtualBox memory balloon';
  return 'virtio balloon driver';
}

function balloonChecklist(hypervisor: Hypervisor | undefined): ChecklistStep[] {
  if (hypervisor === 'vmware') {
    return [
      collectStep('vmware-balloon', 'Confirm the balloon size inside the guest'),
      { text: 'If the guest starves, reserve its memory or cap the balloon in the .vmx (VM powered off)', where: 'host', command: 'sched.mem.maxmemctl = "0"', fix: true },
    ];
  }
  if (hypervisor === 'virtualbox') {
    return [
      collectStep('vbox-balloon', 'Read the balloon size from the host'),
      { text: 'Deflate the balloon', where: 'host', command: 'VBoxManage controlvm <vm> guestmemoryballoon 0', fix: true },
    ];
  }
  return [
    collectStep('info-balloon', 'Confirm the balloon size on the Proxmox host (actual = memory the guest keeps)'),
    collectStep('qm-config', 'Check the VM memory settings (balloon: minimum the host may shrink the guest to; 0 = off)'),
    collectStep('pnp-devices', 'Confirm the balloon device and its driver in the guest (VirtIO Balloon Driver)'),
    { text: 'Ballooning is expected when the host needs memory. If the guest starves, raise the minimum or turn ballooning off', where: 'host', command: 'qm set <vmid> --balloon 0', fix: true },
  ];
}
