import type { DeviceFact, DriverFact } from '../model/facts.js';
import { identifyDevice, identifyDriver, type DeviceRole } from '../model/hardware-ids.js';
import type { GuestSnapshot } from '../model/snapshot.js';

/** Get-PnpDevice also lists devices Windows remembers but that are not connected: they do not count. */
function present(snapshot: GuestSnapshot): DeviceFact[] {
  return snapshot.devices.filter((d) => d.present !== false);
}

function hasRole(d: DeviceFact, role: DeviceRole): boolean {
  return identifyDevice(d)?.role === role;
}

/** The Microsoft Basic Display Adapter (no real display driver installed), by hardware id, service or localized name. */
export function basicDisplayAdapter(snapshot: GuestSnapshot): DeviceFact | undefined {
  return present(snapshot).find((d) => hasRole(d, 'basic-display') && d.status?.toLowerCase() !== 'unknown');
}

/** A working paravirtual display adapter (QXL, VirtIO GPU, Hyper-V Video, VMware SVGA, VirtualBox). */
export function paravirtDisplay(snapshot: GuestSnapshot): DeviceFact | undefined {
  return present(snapshot).find((d) => hasRole(d, 'paravirt-display') && !hasProblem(d) && (d.deviceClass === undefined || /display/i.test(d.deviceClass)));
}

export function balloonDevice(snapshot: GuestSnapshot): DeviceFact | undefined {
  return present(snapshot).find((d) => hasRole(d, 'balloon'));
}

export function balloonDriver(snapshot: GuestSnapshot): DriverFact | undefined {
  return snapshot.drivers.find((d) => identifyDriver(d)?.role === 'balloon');
}

export function hasProblem(d: DeviceFact): boolean {
  return (d.problemCode !== undefined && d.problemCode !== 0) || /^error$/i.test(d.status ?? '');
}

/** Devices Windows has no driver for (problem code 28) or that failed (any other non-zero code). */
export function devicesWithoutDriver(snapshot: GuestSnapshot): DeviceFact[] {
  return present(snapshot).filter(hasProblem);
}
