import type { DeviceFact, DriverFact } from '../model/facts.js';
import type { GuestSnapshot } from '../model/snapshot.js';

const BASIC_DISPLAY = /microsoft basic display|basic display adapter|basicdisplay|basicrender/i;
const BALLOON_DEVICE = /virtio balloon|VEN_1AF4&DEV_(1002|1045)/i;
const BALLOON_DRIVER = /^(balloon|vmmemctl|vmmemctl\.sys|balloon\.sys)$/i;
const PARAVIRT_DISPLAY = /qxl|virtio gpu|viogpu|hyper-v video|svga|vmware|virtualbox graphics|vboxsvga|vboxvideo/i;

/** Get-PnpDevice also lists devices Windows remembers but that are not connected: they do not count. */
function present(snapshot: GuestSnapshot): DeviceFact[] {
  return snapshot.devices.filter((d) => d.present !== false);
}

function text(d: DeviceFact): string {
  return `${d.name} ${d.instanceId ?? ''} ${d.service ?? ''}`;
}

/** The Microsoft Basic Display Adapter (no real display driver installed). */
export function basicDisplayAdapter(snapshot: GuestSnapshot): DeviceFact | undefined {
  return present(snapshot).find((d) => BASIC_DISPLAY.test(text(d)) && d.status?.toLowerCase() !== 'unknown');
}

/** A working paravirtual display adapter (QXL, VirtIO GPU, Hyper-V Video, VMware SVGA, VirtualBox). */
export function paravirtDisplay(snapshot: GuestSnapshot): DeviceFact | undefined {
  return present(snapshot).find((d) => PARAVIRT_DISPLAY.test(text(d)) && !hasProblem(d) && (d.deviceClass === undefined || /display/i.test(d.deviceClass)));
}

export function balloonDevice(snapshot: GuestSnapshot): DeviceFact | undefined {
  return present(snapshot).find((d) => BALLOON_DEVICE.test(text(d)));
}

export function balloonDriver(snapshot: GuestSnapshot): DriverFact | undefined {
  return snapshot.drivers.find((d) => BALLOON_DRIVER.test(d.module) || /balloon|vmmemctl/i.test(d.displayName ?? ''));
}

export function hasProblem(d: DeviceFact): boolean {
  return (d.problemCode !== undefined && d.problemCode !== 0) || /^error$/i.test(d.status ?? '');
}

/** Devices Windows has no driver for (problem code 28) or that failed (any other non-zero code). */
export function devicesWithoutDriver(snapshot: GuestSnapshot): DeviceFact[] {
  return present(snapshot).filter(hasProblem);
}
