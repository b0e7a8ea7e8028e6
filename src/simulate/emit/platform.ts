import type { Hypervisor } from '../../model/facts.js';
import type { GuestState } from '../state.js';

/** What the virtual firmware tells Windows about the machine, per hypervisor (formats.md §3.6). */
export interface Platform {
  manufacturer: string;
  model: string;
  /** systeminfo's "BIOS Version" before the date; SMBIOSBIOSVersion. */
  biosVendorVersion: string;
  biosVersion: string;
  biosDate: { year: number; month: number; day: number };
  cpu: string;
}

const PLATFORMS: Record<Hypervisor, Platform> = {
  hyperv: {
    manufacturer: 'Microsoft Corporation',
    model: 'Virtual Machine',
    biosVendorVersion: 'Microsoft Corporation Hyper-V UEFI Release v4.1',
    biosVersion: 'Hyper-V UEFI Release v4.1',
    biosDate: { year: 2023, month: 4, day: 6 },
    cpu: 'Intel64 Family 6 Model 85 Stepping 7 GenuineIntel',
  },
  kvm: {
    manufacturer: 'QEMU',
    model: 'Standard PC (Q35 + ICH9, 2009)',
    biosVendorVersion: 'EFI Development Kit II / OVMF 4.2023.08-4',
    biosVersion: '4.2023.08-4',
    biosDate: { year: 2024, month: 2, day: 15 },
    cpu: 'AMD64 Family 25 Model 33 Stepping 2 AuthenticAMD',
  },
  vmware: {
    manufacturer: 'VMware, Inc.',
    model: 'VMware7,1',
    biosVendorVersion: 'VMware, Inc. VMW71.00V.21805430.B64.2305221830',
    biosVersion: 'VMW71.00V.21805430.B64.2305221830',
    biosDate: { year: 2023, month: 5, day: 22 },
    cpu: 'Intel64 Family 6 Model 106 Stepping 6 GenuineIntel',
  },
  virtualbox: {
    manufacturer: 'innotek GmbH',
    model: 'VirtualBox',
    biosVendorVersion: 'innotek GmbH VirtualBox',
    biosVersion: 'VirtualBox',
    biosDate: { year: 2006, month: 12, day: 1 },
    cpu: 'Intel64 Family 6 Model 158 Stepping 10 GenuineIntel',
  },
};

export function platformOf(state: GuestState): Platform {
  return PLATFORMS[state.hypervisor];
}
