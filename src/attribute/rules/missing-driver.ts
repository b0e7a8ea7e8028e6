import { clampConfidence, evidence, lockedBucket, percent, severityByShare, significant, size, type RuleContext } from '../context.js';
import { balloonDevice, basicDisplayAdapter, devicesWithoutDriver, paravirtDisplay } from '../devices.js';
import type { ChecklistStep, Evidence, RuleFinding } from '../types.js';

/**
 * Without a display driver Windows renders through the Microsoft Basic Display Adapter (BasicRender uses
 * system memory; KB2855505 documents 256 MB). On KVM/Proxmox guests this has been reported with ~2 GB
 * Driver Locked that went away with the VirtIO/QXL display driver. That report is unconfirmed, so the
 * confidence stays moderate unless the other explanations are ruled out.
 */
export function missingDriverRule(ctx: RuleContext): RuleFinding | undefined {
  const { snapshot } = ctx;
  const basic = basicDisplayAdapter(snapshot);
  const driverless = devicesWithoutDriver(snapshot);
  if (!basic && driverless.length === 0) return undefined;
  const hypervisor = snapshot.hypervisor?.value;
  const found: Evidence[] = [];
  let confidence = 0.35;
  let bytes = 0;
  let bucket = lockedBucket(ctx);

  if (basic && !paravirtDisplay(snapshot)) {
    found.push(evidence(`The display runs on "${basic.name}": no real display driver is installed.`, basic.source));
    bytes = ctx.remaining(bucket);
    if (bucket === 'driverLocked') {
      confidence += 0.15;
      found.push(evidence(`RAMMap shows ${size(bytes)} Driver Locked not explained by a balloon or Dynamic Memory.`, snapshot.rammap!.source));
    } else {
      confidence -= 0.15;
      found.push(evidence('No RAMMap snapshot was given: the size is the whole unexplained gap, an upper bound.'));
    }
    if (hypervisor === 'kvm') {
      confidence += 0.15;
      found.push(evidence('The guest runs on KVM/QEMU, where this has been reported.', snapshot.hypervisor!.source));
    }
    const { vm } = snapshot;
    if (vm.balloonEnabled?.value === false) {
      confidence += 0.15;
      found.push(evidence('Ballooning is off in the VM configuration, so the balloon cannot explain the locked memory.', vm.balloonEnabled));
    } else if (balloonDevice(snapshot) && vm.balloonActualBytes === undefined && vm.balloonSizeBytes === undefined) {
      confidence -= 0.15;
      found.push(evidence('A balloon device is present and its size is unknown: add `qm monitor <vmid>` → `info balloon` to rule it out.', balloonDevice(snapshot)!.source));
    }
    if (!significant(ctx, bytes)) bytes = 0;
  }
  for (const device of driverless.slice(0, 5)) {
    found.push(evidence(`"${device.name}" has no working driver (problem code ${device.problemCode ?? 'unknown'}).`, device.source));
  }
  if (driverless.length > 5) found.push(evidence(`… and ${driverless.length - 5} more devices without a working driver.`));
  if (bytes === 0) {
    if (driverless.length === 0) return undefined;
    bucket = 'unattributed';
    confidence = 0.5;
  }
  const title = bytes > 0
    ? `${size(bytes)} (${percent(ctx, bytes)} of RAM) is Driver Locked — most likely the Microsoft Basic Display Adapter (no ${displayDriverName(hypervisor)} driver)`
    : `${driverless.length} device(s) run without a working driver`;
  return {
    cause: 'missing-driver',
    bytes,
    confidence: clampConfidence(confidence),
    severity: bytes > 0 ? severityByShare(ctx, bytes) : 'warn',
    title,
    evidence: found,
    checklist: checklist(hypervisor),
    claims: bytes > 0 ? { [bucket]: bytes } : {},
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
    { text: 'List the display adapter and its driver', command: 'Get-CimInstance Win32_VideoController | Select-Object Name, PNPDeviceID, DriverVersion, AdapterRAM' },
    { text: 'List devices that have no working driver', command: "Get-PnpDevice -PresentOnly | Where-Object { $_.Problem -ne 'CM_PROB_NONE' } | Select-Object Status, Class, FriendlyName, InstanceId, Problem" },
  ];
  if (hypervisor === 'vmware') return [...common, { text: 'Install or repair VMware Tools (it brings the SVGA driver), reboot, and capture RAMMap again' }];
  if (hypervisor === 'virtualbox') return [...common, { text: 'Install the VirtualBox Guest Additions, reboot, and capture RAMMap again' }];
  return [
    ...common,
    { text: 'Mount the virtio-win ISO and install the display driver (VirtIO GPU DOD, or QXL for a qxl adapter)', command: 'pnputil /add-driver D:\\viogpudo\\w10\\amd64\\viogpudo.inf /install' },
    { text: 'Make sure the VM has a paravirtual display (virtio or qxl)', where: 'host', command: 'qm set <vmid> --vga virtio' },
    { text: 'Reboot the guest, then capture a new RAMMap snapshot and check Driver Locked again', command: 'Restart-Computer' },
  ];
}
