import type { Hypervisor } from '../model/facts.js';
import type { DisplayAdapter } from './scenario.js';
import type { SimDevice, SimDriver, SimVideoController } from './state.js';

interface DisplaySpec {
  name: string;
  instanceId: string;
  service: string;
  driverVersion: string;
  adapterRamMiB: number;
}

const DISPLAYS: Record<DisplayAdapter, DisplaySpec> = {
  basic: { name: 'Microsoft Basic Display Adapter', instanceId: 'PCI\\VEN_1234&DEV_1111&SUBSYS_11001AF4&REV_02\\3&267A616A&0&10', service: 'BasicDisplay', driverVersion: '10.0.17763.1', adapterRamMiB: 0 },
  'virtio-gpu': { name: 'Red Hat VirtIO GPU DOD controller', instanceId: 'PCI\\VEN_1AF4&DEV_1050&SUBSYS_11001AF4&REV_01\\3&267A616A&0&10', service: 'viogpudo', driverVersion: '100.94.104.24800', adapterRamMiB: 0 },
  qxl: { name: 'Red Hat QXL controller', instanceId: 'PCI\\VEN_1B36&DEV_0100&SUBSYS_11001AF4&REV_05\\3&267A616A&0&10', service: 'qxldod', driverVersion: '10.0.0.21000', adapterRamMiB: 0 },
  'hyperv-video': { name: 'Microsoft Hyper-V Video', instanceId: 'VMBUS\\{DA0A7802-E377-4AAC-8E77-0558EB1073F8}\\{5620E0C7-8062-4DCE-AEB7-520C7EF76171}', service: 'HyperVideo', driverVersion: '10.0.17763.1', adapterRamMiB: 0 },
  'vmware-svga': { name: 'VMware SVGA 3D', instanceId: 'PCI\\VEN_15AD&DEV_0405&SUBSYS_040515AD&REV_00\\3&61AAA01&0&78', service: 'vm3dmp', driverVersion: '9.17.4.3', adapterRamMiB: 4095 },
  'vbox-svga': { name: 'VirtualBox Graphics Adapter (WDDM)', instanceId: 'PCI\\VEN_15AD&DEV_0405&SUBSYS_040515AD&REV_00\\3&267A616A&0&10', service: 'VBoxWddm', driverVersion: '7.0.14.1287', adapterRamMiB: 128 },
};

export function videoController(display: DisplayAdapter): SimVideoController {
  const spec = DISPLAYS[display];
  return { name: spec.name, pnpDeviceId: spec.instanceId, adapterRamBytes: spec.adapterRamMiB * 1024 * 1024, driverVersion: spec.driverVersion, installedDisplayDrivers: `${spec.service}.sys` };
}

const ok = (name: string, deviceClass: string, instanceId: string, service?: string): SimDevice => ({ name, deviceClass, instanceId, status: 'OK', problemCode: 0, present: true, ...(service && { service }) });

/** The PnP devices of a guest on this hypervisor; `withoutDriver` names devices left with problem code 28. */
export function devices(hypervisor: Hypervisor, display: DisplayAdapter, balloonDevice: boolean, withoutDriver: string[]): SimDevice[] {
  const spec = DISPLAYS[display];
  const list: SimDevice[] = [
    ok('ACPI x64-based PC', 'Computer', 'ROOT\\ACPI_HAL\\0000', '\\Driver\\ACPI_HAL'),
    ok(spec.name, 'Display', spec.instanceId, spec.service),
    ok('Generic Non-PnP Monitor', 'Monitor', 'DISPLAY\\Default_Monitor\\4&2B6A7E3F&0&UID0', 'monitor'),
  ];
  if (hypervisor === 'kvm') {
    list.push(ok('Red Hat VirtIO Ethernet Adapter', 'Net', 'PCI\\VEN_1AF4&DEV_1000&SUBSYS_00011AF4&REV_00\\3&267A616A&0&90', 'netkvm'));
    list.push(ok('Red Hat VirtIO SCSI controller', 'SCSIAdapter', 'PCI\\VEN_1AF4&DEV_1004&SUBSYS_00081AF4&REV_00\\3&267A616A&0&28', 'vioscsi'));
    if (balloonDevice) list.push(ok('VirtIO Balloon Driver', 'System', 'PCI\\VEN_1AF4&DEV_1045&SUBSYS_11001AF4&REV_01\\3&267A616A&0&18', 'BALLOON'));
  }
  if (hypervisor === 'hyperv') {
    list.push(ok('Microsoft Hyper-V Network Adapter', 'Net', 'VMBUS\\{F8615163-DF3E-46C5-913F-F2D2F965ED0E}\\{6A9F3A1C-0C2D-4C1E-9F5E-1B6F2A3C4D5E}', 'netvsc'));
    list.push(ok('Microsoft Hyper-V Dynamic Memory', 'System', 'VMBUS\\{525074DC-8985-46E2-8057-A307DC18A502}\\{2A5D8B1F-7C3E-4B6A-9D0E-3F1C2B4A5E6D}', 'dmvsc'));
  }
  if (hypervisor === 'vmware') {
    list.push(ok('vmxnet3 Ethernet Adapter', 'Net', 'PCI\\VEN_15AD&DEV_07B0&SUBSYS_07B015AD&REV_01\\FF565000B4A6DFFE00', 'vmxnet3ndis6'));
    if (balloonDevice) list.push(ok('VMware Memory Control Driver', 'System', 'ROOT\\VMWVMCIHOSTDEV\\0000', 'vmmemctl'));
  }
  if (hypervisor === 'virtualbox') {
    list.push(ok('Intel(R) PRO/1000 MT Desktop Adapter', 'Net', 'PCI\\VEN_8086&DEV_100E&SUBSYS_001E8086&REV_02\\3&267A616A&0&18', 'E1G60'));
    list.push(ok('VirtualBox Guest Additions Service', 'System', 'PCI\\VEN_80EE&DEV_CAFE&SUBSYS_00000000&REV_00\\3&267A616A&0&20', 'VBoxGuest'));
  }
  withoutDriver.forEach((name, i) => list.push({ name, deviceClass: 'Other', instanceId: `PCI\\VEN_1AF4&DEV_105${3 + i}&SUBSYS_11001AF4&REV_01\\3&267A616A&0&${40 + i}`, status: 'Error', problemCode: 28, present: true }));
  return list;
}

const driver = (module: string, displayName: string, path: string, pagedPoolBytes = 8192): SimDriver => ({
  module, displayName, description: displayName, state: 'Running', startMode: 'System', path: `C:\\Windows\\system32\\drivers\\${path}`, codeBytes: 65536, pagedPoolBytes,
});

/** Kernel drivers that driverquery lists for this guest. */
export function drivers(hypervisor: Hypervisor, display: DisplayAdapter, balloonDriver: boolean, leakTag?: string): SimDriver[] {
  const list = [
    driver('ACPI', 'Microsoft ACPI Driver', 'ACPI.sys', 20480),
    driver('disk', 'Disk Driver', 'disk.sys'),
    driver('Ntfs', 'Ntfs', 'Ntfs.sys', 65536),
    driver('Tcpip', 'TCP/IP Protocol Driver', 'tcpip.sys', 32768),
    driver(DISPLAYS[display].service, DISPLAYS[display].name, `${DISPLAYS[display].service}.sys`),
  ];
  if (hypervisor === 'kvm') list.push(driver('netkvm', 'Red Hat VirtIO Ethernet Adapter Service', 'netkvm.sys'), driver('vioscsi', 'Red Hat VirtIO SCSI pass-through controller Service', 'vioscsi.sys'));
  if (hypervisor === 'kvm' && balloonDriver) list.push(driver('BALLOON', 'VirtIO Balloon Service', 'balloon.sys'));
  if (hypervisor === 'vmware' && balloonDriver) list.push(driver('vmmemctl', 'Memory Control Driver', 'vmmemctl.sys'));
  if (hypervisor === 'hyperv') list.push(driver('dmvsc', 'dmvsc', 'dmvsc.sys'));
  if (leakTag) list.push(driver('vxflt', 'Vendor X File Filter', 'vxflt.sys', 16384));
  return list;
}
