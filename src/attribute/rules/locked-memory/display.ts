import type { Hypervisor } from '../../../model/facts.js';
import type { Sourced } from '../../../model/source.js';
import { size, type RuleContext } from '../../context.js';
import { balloonDevice, basicDisplayAdapter, paravirtDisplay } from '../../devices.js';
import { contradicts, supports, type EvidenceItem } from '../../evidence.js';
import { collectStep, type EvidenceRequest } from '../../next-evidence.js';
import type { ChecklistStep, Evidence } from '../../types.js';
import type { LockedHypothesis } from './hypothesis.js';
import { hypervisorItem } from './identity.js';

/**
 * What Windows can drive on the display adapter a hypervisor config names. `none`: no driver exists for it on
 * current Windows (QEMU's std VGA and Cirrus), so the display runs on the Microsoft Basic Display Adapter.
 */
type DisplayDriver = 'none' | 'available' | 'no-adapter';

function displayDriver(hypervisor: Hypervisor, value: string): DisplayDriver | undefined {
  const v = value.toLowerCase();
  if (/^(none|serial\d*)$/.test(v)) return 'no-adapter';
  if (hypervisor === 'kvm') {
    if (/^(std|cirrus|vga|bochs|ramfb)$/.test(v)) return 'none';
    if (/^(qxl\d*|virtio|virtio-gl|virtio-gpu|vmware|vmvga)$/.test(v)) return 'available';
    return undefined;
  }
  return /svga|vboxvga|vboxsvga|vmsvga|synthetic|hyperv/.test(v) ? 'available' : undefined;
}

/**
 * Without a display driver Windows renders through the Microsoft Basic Display Adapter (BasicRender uses system
 * memory; KB2855505 documents 256 MB). On KVM/Proxmox guests this has been reported with ~2 GB Driver Locked that
 * went away with the VirtIO/QXL display driver. That report is unconfirmed, so confidence stays below 85 %.
 */
export function displayHypothesis(ctx: RuleContext, viaRamMap: boolean): LockedHypothesis {
  const { snapshot } = ctx;
  const hypervisor = snapshot.hypervisor?.value;
  const items: EvidenceItem[] = [];
  const notes: Evidence[] = [];
  const basic = basicDisplayAdapter(snapshot);
  const paravirt = paravirtDisplay(snapshot);
  if (paravirt) items.push(contradicts('display-device', 'decisive', `The display runs on "${paravirt.name}", a real display driver.`, paravirt.source));
  else if (basic) items.push(supports('display-device', 'strong', `The display runs on "${basic.name}": no real display driver is installed.`, basic.source, true));
  const config = snapshot.vm.display as Sourced<string> | undefined;
  const driver = hypervisor && config ? displayDriver(hypervisor, String(config.value)) : undefined;
  if (config && driver === 'none') {
    items.push(supports('display-config', 'moderate', `The VM's display is "${config.value}", an adapter Windows has no driver for: it runs on the Microsoft Basic Display Adapter.`, config));
  } else if (config && driver === 'no-adapter') {
    items.push(contradicts('display-config', 'moderate', `The VM has no display adapter ("${config.value}").`, config));
  } else if (config && driver === 'available' && !basic && !paravirt) {
    notes.push({ text: `The VM's display "${config.value}" has a Windows driver; whether the guest has it installed is not known.`, source: config.source });
  }
  const identity = hypervisorItem(ctx, 'hypervisor', ['kvm'], 'weak', 'weak', 'where this has been reported');
  if (identity && (identity.direction === 'supports' || hypervisor === 'hyperv')) items.push(identity);
  const { vm } = snapshot;
  if (vm.balloonEnabled?.value === false) {
    items.push(supports('balloon-ruled-out', 'moderate', 'Ballooning is off in the VM configuration, so a balloon cannot explain the locked memory.', vm.balloonEnabled));
  } else if (balloonDevice(snapshot) && vm.balloonActualBytes === undefined && vm.balloonSizeBytes === undefined) {
    items.push(contradicts('balloon-unknown', 'weak', 'A balloon device is present and its size is unknown: it may hold the locked memory instead.', balloonDevice(snapshot)!.source));
  }
  if (viaRamMap) items.push(supports('driver-locked', 'weak', `RAMMap shows ${size(snapshot.rammap!.rowTotals.driverLocked)} Driver Locked.`, snapshot.rammap!.source));
  else notes.push({ text: 'No RAMMap snapshot was given: the size is the whole unexplained gap, an upper bound.' });
  const specific = (basic !== undefined && !paravirt) || driver === 'none';
  const requests: EvidenceRequest[] = ['video-controller', ...(hypervisor === 'kvm' || hypervisor === undefined ? (['info-balloon'] as const) : []), 'rammap'];
  return {
    cause: 'missing-driver',
    prior: 0.3,
    ceiling: 0.85,
    items,
    specific,
    requests,
    checklist: checklist(hypervisor),
    title: (bytes, likely) => {
      const held = viaRamMap ? `${bytes} is Driver Locked` : `${bytes} in use is outside the processes`;
      return likely
        ? `Likely the Microsoft Basic Display Adapter: ${held} and the VM's display has no ${displayDriverName(hypervisor)} driver — confirm in the guest`
        : `${held} — most likely the Microsoft Basic Display Adapter (no ${displayDriverName(hypervisor)} driver)`;
    },
    notes,
    missing: paravirt ? 'the guest has a real display driver' : 'nothing shows the guest runs on the Basic Display Adapter (no Win32_VideoController or device list, no display setting without a driver)',
  };
}

function displayDriverName(hypervisor: string | undefined): string {
  switch (hypervisor) {
    case 'vmware': return 'VMware SVGA';
    case 'virtualbox': return 'VirtualBox Guest Additions display';
    case 'hyperv': return 'Hyper-V video';
    default: return 'VirtIO GPU / QXL display';
  }
}

function checklist(hypervisor: string | undefined): ChecklistStep[] {
  const common: ChecklistStep[] = [
    collectStep('video-controller', 'List the display adapter and its driver'),
    collectStep('pnp-devices', 'List the devices and whether each has a working driver'),
  ];
  if (hypervisor === 'vmware') return [...common, { text: 'Install or repair VMware Tools (it brings the SVGA driver), reboot, and capture RAMMap again' }];
  if (hypervisor === 'virtualbox') return [...common, { text: 'Install the VirtualBox Guest Additions, reboot, and capture RAMMap again' }];
  return [
    ...common,
    { text: 'Mount the virtio-win ISO and install the display driver (VirtIO GPU DOD, or QXL for a qxl adapter)', command: 'pnputil /add-driver D:\\viogpudo\\w10\\amd64\\viogpudo.inf /install', fix: true },
    { text: 'Make sure the VM has a paravirtual display (virtio or qxl)', where: 'host', command: 'qm set <vmid> --vga virtio', fix: true },
    { text: 'Reboot the guest, then capture a new RAMMap snapshot and check Driver Locked again', command: 'Restart-Computer', fix: true },
  ];
}
