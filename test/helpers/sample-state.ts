import { ingestOpened, type ParsedFile } from '../../src/ingest/ingest-file.js';
import { PARSERS } from '../../src/ingest/parsers/index.js';
import { inputFromBuffer } from '../../src/ingest/read.js';
import type { Hypervisor } from '../../src/model/facts.js';
import { emptyMatrix, RAMMAP_LISTS, RAMMAP_USES } from '../../src/model/rammap.js';
import type { GuestState, Locale, SimCounter, SimDevice, SimDriver, SimProcess, SimVideoController, SimVmConfig } from '../../src/simulate/state.js';

const MiB = 1024 * 1024;
const PAGE = 4096;
const pages = (mib: number) => Math.round((mib * MiB) / PAGE);

export interface SampleOptions {
  hypervisor?: Hypervisor;
  locale?: Locale;
  powershell?: '5.1' | '7';
}

/**
 * A hand-built, internally consistent guest for the emitter tests: a 4 GiB Windows Server 2019 guest whose
 * Driver Locked row holds the memory its hypervisor took (balloon or Dynamic Memory), a dozen processes whose
 * resident private pages make up the Process Private row, pools whose tags add up within the pool rows, and
 * counters whose last sample is the RAMMap moment. Σ pages × 4096 = visibleBytes.
 */
export function sampleState(options: SampleOptions = {}): GuestState {
  const hypervisor = options.hypervisor ?? 'kvm';
  const vm = vmConfig(hypervisor);
  const dm = vm.dynamicMemory;
  // Dynamic Memory: Windows saw the startup memory and the balloon took back what is not assigned.
  const visibleMiB = dm ? dm.startupBytes / MiB : 4095;
  const takenMiB = dm ? (dm.startupBytes - dm.assignedBytes) / MiB : vm.balloon?.enabled ? vm.balloon.sizeMiB : 0;

  const processes = PROCESSES.map(([name, pid, sessionId, pmMiB, residentMiB, wsMiB, handles, cpuSeconds, path], i): SimProcess => ({
    name,
    pid,
    sessionId,
    handles,
    pmBytes: pages(pmMiB) * PAGE,
    wsBytes: pages(wsMiB) * PAGE,
    npmBytes: (8 + i * 3) * 1024,
    residentPrivatePages: pages(residentMiB),
    cpuSeconds,
    ...(path !== undefined && { path }),
    ...(name === 'Café-Agent' && { company: 'Café Systèmes' }),
  }));
  const resident = processes.reduce((sum, p) => sum + p.residentPrivatePages, 0);

  const m = emptyMatrix();
  m.processPrivate.modified = 250;
  m.processPrivate.active = resident - m.processPrivate.modified;
  m.mappedFile.active = pages(180);
  m.mappedFile.standby = pages(700);
  m.mappedFile.modified = pages(12);
  m.mappedFile.modifiedNoWrite = 3;
  m.shareable.active = pages(60);
  m.shareable.standby = pages(20);
  m.pageTable.active = pages(45);
  m.pagedPool.active = pages(190);
  m.pagedPool.standby = pages(10);
  m.nonpagedPool.active = pages(110);
  m.systemPte.active = pages(18);
  m.sessionPrivate.active = pages(12);
  m.metafile.active = pages(30);
  m.metafile.standby = pages(25);
  m.driverLocked.active = pages(4 + takenMiB);
  m.driverLocked.transition = 2;
  m.kernelStack.active = pages(9);
  m.unused.active = pages(2);
  m.unused.bad = 1;
  const used = RAMMAP_USES.reduce((sum, [use]) => sum + RAMMAP_LISTS.reduce((s, [list]) => s + m[use][list], 0), 0);
  const rest = pages(visibleMiB) - used;
  if (rest <= 0) throw new Error('sample state does not fit');
  m.unused.zeroed = Math.floor(rest * 0.85);
  m.unused.free = rest - m.unused.zeroed;

  const state: GuestState = {
    scenario: 'sample',
    seed: 7,
    hypervisor,
    vmName: 'APP-VM07',
    vmId: 107,
    hostName: 'APP-VM07',
    windows: { caption: 'Microsoft Windows Server 2019 Standard', version: '10.0.17763', build: 17763, bits: 64 },
    locale: options.locale ?? 'en-US',
    powershell: options.powershell ?? '5.1',
    installedBytes: (dm ? visibleMiB : 4096) * MiB,
    visibleBytes: pages(visibleMiB) * PAGE,
    pages: m,
    processes,
    pools: [
      { tag: 'MmSt', pool: 'paged', bytes: 61_440_000, allocations: 1200 },
      { tag: 'CM31', pool: 'paged', bytes: 40_960_000, allocations: 800 },
      { tag: 'File', pool: 'nonpaged', bytes: 20_480_000, allocations: 500 },
      { tag: 'Irp ', pool: 'nonpaged', bytes: 4_096_000, allocations: 300 },
    ],
    devices: devices(hypervisor),
    drivers: drivers(hypervisor),
    video: VIDEO[hypervisor],
    vm,
    counters: [],
    startTime: '2026-11-02T08:00:00.250Z',
    intervalSeconds: 15,
    timeZone: { name: 'W. Europe Standard Time', biasMinutes: -60 },
  };
  state.counters = counters(state);
  return state;
}

/** name, pid, session, PM MiB, resident private MiB, WS MiB, handles, CPU s, path (none = not openable). */
const PROCESSES: [string, number, number, number, number, number, number, number, string?][] = [
  ['System', 4, 0, 0.2, 0.1, 0.15, 3120, 1234.56],
  ['Registry', 88, 0, 7.5, 7, 60, 0, 2.25],
  ['smss', 372, 0, 1, 0.9, 1.2, 53, 0.16],
  ['csrss', 484, 0, 2, 1.8, 5.1, 512, 12.5],
  ['svchost', 812, 0, 14.25, 13, 25.5, 1040, 98.765625, 'C:\\Windows\\system32\\svchost.exe'],
  ['svchost', 1204, 0, 40, 36, 52.75, 2210, 640.015625, 'C:\\Windows\\System32\\svchost.exe'],
  ['lsass', 660, 0, 9, 8.5, 18, 1450, 33.0, 'C:\\Windows\\system32\\lsass.exe'],
  ['MsMpEng', 3120, 0, 210, 190, 240.5, 880, 17848.02, 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24090.11-0\\MsMpEng.exe'],
  ['explorer', 5292, 1, 48.5, 44, 120, 1980, 45.52, 'C:\\Windows\\explorer.exe'],
  ['w3wp', 6120, 0, 1531.43, 700, 760.2, 2400, 3600.5, 'C:\\Windows\\System32\\inetsrv\\w3wp.exe'],
  ['Café-Agent', 7020, 0, 61.5, 55, 70.25, 312, 12.34375, 'C:\\Program Files\\Café\\Café-Agent.exe'],
  ['Memory Compression', 2388, 0, 2, 120, 121.5, 0, 41.22],
];

function vmConfig(hypervisor: Hypervisor): SimVmConfig {
  switch (hypervisor) {
    case 'kvm':
      return { memoryMiB: 4096, display: 'virtio', guestOsType: 'win10', balloon: { enabled: true, targetMiB: 2048, sizeMiB: 1024 } };
    case 'hyperv':
      return {
        memoryMiB: 4096,
        display: 'hyperv',
        guestOsType: 'Windows',
        dynamicMemory: { enabled: true, startupBytes: 4096 * MiB, minimumBytes: 1024 * MiB, maximumBytes: 16384 * MiB, bufferPercent: 20, priority: 50, assignedBytes: 3072 * MiB, demandBytes: 2816 * MiB },
      };
    case 'vmware':
      return { memoryMiB: 4096, display: 'svga', guestOsType: 'windows2019srv-64', balloon: { enabled: true, targetMiB: 768, sizeMiB: 768 } };
    case 'virtualbox':
      return { memoryMiB: 4096, display: 'vboxsvga', guestOsType: 'Windows2019_64', balloon: { enabled: true, targetMiB: 512, sizeMiB: 512 } };
  }
}

const VIDEO: Record<Hypervisor, SimVideoController> = {
  kvm: { name: 'Red Hat VirtIO GPU DOD controller', pnpDeviceId: 'PCI\\VEN_1AF4&DEV_1050&SUBSYS_11001AF4&REV_01\\3&267A616A&0&10', adapterRamBytes: 0, driverVersion: '100.94.104.24800', installedDisplayDrivers: 'viogpudo.sys' },
  hyperv: { name: 'Microsoft Hyper-V Video', pnpDeviceId: 'VMBUS\\{DA0A7802-E377-4AAC-8E77-0558EB1073F8}\\{5620E0C7-8062-4DCE-AEB7-520C7EF76171}', adapterRamBytes: 0, driverVersion: '10.0.17763.1', installedDisplayDrivers: 'HyperVideo.sys' },
  vmware: { name: 'VMware SVGA 3D', pnpDeviceId: 'PCI\\VEN_15AD&DEV_0405&SUBSYS_040515AD&REV_00\\3&61AAA01&0&78', adapterRamBytes: 8 * MiB, driverVersion: '9.17.7.1', installedDisplayDrivers: 'vm3dum64_loader.dll,vm3dum_loader' },
  virtualbox: { name: 'VirtualBox Graphics Adapter (WDDM)', pnpDeviceId: 'PCI\\VEN_15AD&DEV_0405&SUBSYS_040515AD&REV_00\\3&267A616A&0&10', adapterRamBytes: 128 * MiB, driverVersion: '7.0.14.1287', installedDisplayDrivers: 'VBoxDispD3D.dll' },
};

function devices(hypervisor: Hypervisor): SimDevice[] {
  const ok = (name: string, deviceClass: string, instanceId: string, service: string): SimDevice => ({ name, deviceClass, instanceId, status: 'OK', problemCode: 0, service, present: true });
  const video = VIDEO[hypervisor];
  const list = [
    ok('ACPI x64-based PC', 'Computer', 'ROOT\\ACPI_HAL\\0000', '\\Driver\\ACPI_HAL'),
    ok(video.name, 'Display', video.pnpDeviceId, video.installedDisplayDrivers.split('.')[0]!),
    ok('Generic Non-PnP Monitor', 'Monitor', 'DISPLAY\\Default_Monitor\\4&2B6A7E3F&0&UID0', 'monitor'),
    { name: 'Microsoft Basic Display Adapter', deviceClass: 'Display', instanceId: 'PCI\\VEN_1234&DEV_1111&SUBSYS_11001AF4&REV_02\\3&267A616A&0&08', status: 'Unknown', problemCode: 45, service: 'BasicDisplay', present: false },
  ];
  if (hypervisor === 'kvm') {
    list.push(ok('Red Hat VirtIO Ethernet Adapter', 'Net', 'PCI\\VEN_1AF4&DEV_1000&SUBSYS_00011AF4&REV_00\\3&267A616A&0&90', 'netkvm'));
    list.push(ok('VirtIO Balloon Driver', 'System', 'PCI\\VEN_1AF4&DEV_1045&SUBSYS_11001AF4&REV_01\\3&267A616A&0&18', 'BALLOON'));
    list.push({ name: 'PCI Simple Communications Controller', deviceClass: 'Other', instanceId: 'PCI\\VEN_1AF4&DEV_1003&SUBSYS_00031AF4&REV_00\\3&267A616A&0&30', status: 'Error', problemCode: 28, present: true });
  }
  if (hypervisor === 'hyperv') list.push(ok('Microsoft Hyper-V Network Adapter', 'Net', 'VMBUS\\{F8615163-DF3E-46C5-913F-F2D2F965ED0E}\\{6A9F3A1C-0C2D-4C1E-9F5E-1B6F2A3C4D5E}', 'netvsc'));
  if (hypervisor === 'vmware') list.push(ok('vmxnet3 Ethernet Adapter', 'Net', 'PCI\\VEN_15AD&DEV_07B0&SUBSYS_07B015AD&REV_01\\FF565000B4A6DFFE00', 'vmxnet3ndis6'));
  if (hypervisor === 'virtualbox') list.push(ok('Intel(R) PRO/1000 MT Desktop Adapter', 'Net', 'PCI\\VEN_8086&DEV_100E&SUBSYS_001E8086&REV_02\\3&267A616A&0&18', 'E1G60'));
  return list;
}

function drivers(hypervisor: Hypervisor): SimDriver[] {
  const driver = (module: string, displayName: string, file: string, pagedPoolBytes: number, startMode: SimDriver['startMode'] = 'System', state: SimDriver['state'] = 'Running'): SimDriver => ({
    module, displayName, description: displayName, state, startMode, path: `C:\\Windows\\system32\\drivers\\${file}`, codeBytes: 65536 + pagedPoolBytes * 2, pagedPoolBytes,
  });
  const list = [
    driver('ACPI', 'Microsoft ACPI Driver', 'ACPI.sys', 20480, 'Boot'),
    driver('disk', 'Disk Driver', 'disk.sys', 8192, 'Boot'),
    driver('Ntfs', 'Ntfs', 'Ntfs.sys', 1224704, 'Boot'),
    driver('Beep', 'Beep', 'Beep.sys', 0, 'Manual', 'Stopped'),
  ];
  if (hypervisor === 'kvm') list.push(driver('BALLOON', 'VirtIO Balloon Service', 'balloon.sys', 4096, 'Manual'), driver('netkvm', 'Red Hat VirtIO Ethernet Adapter Service', 'netkvm.sys', 12288, 'Manual'));
  if (hypervisor === 'hyperv') list.push(driver('dmvsc', 'dmvsc', 'dmvsc.sys', 8192, 'Manual'));
  if (hypervisor === 'vmware') list.push(driver('vmmemctl', 'Memory Control Driver', 'vmmemctl.sys', 8192, 'Auto'));
  if (hypervisor === 'virtualbox') list.push(driver('VBoxGuest', 'VirtualBox Guest Driver', 'VBoxGuest.sys', 16384, 'Boot'));
  return list;
}

/** Five samples ending at the snapshot: Available and the pools rise into their final values. */
function counters(state: GuestState): SimCounter[] {
  const listBytes = (list: (typeof RAMMAP_LISTS)[number][0]) => RAMMAP_USES.reduce((sum, [use]) => sum + state.pages[use][list], 0) * PAGE;
  const available = listBytes('standby') + listBytes('free') + listBytes('zeroed');
  const committed = state.processes.reduce((sum, p) => sum + p.pmBytes, 0) + (state.pages.pagedPool.active + state.pages.pagedPool.standby + state.pages.nonpagedPool.active) * PAGE;
  const ramp = (final: number, step: number) => [4, 3, 2, 1, 0].map((k) => final - k * step);
  const list: SimCounter[] = [
    { object: 'Memory', counter: 'Available MBytes', values: ramp(Math.floor(available / MiB), 3) },
    { object: 'Memory', counter: 'Available Bytes', values: ramp(available, 3 * MiB) },
    { object: 'Memory', counter: 'Committed Bytes', values: ramp(committed, -MiB) },
    { object: 'Memory', counter: 'Pool Nonpaged Bytes', values: ramp(state.pages.nonpagedPool.active * PAGE, -65536) },
    { object: 'Memory', counter: 'Pages/sec', values: [0, 11.296813511113458, 0.26679653905997197, 3.5, 1.25] },
  ];
  const dm = state.vm.dynamicMemory;
  if (dm?.enabled) {
    list.push({ object: 'Hyper-V Dynamic Memory Integration Service', counter: 'Maximum Memory, Mbytes', values: ramp(dm.maximumBytes / MiB, 0) });
    const host = (counter: string, values: number[]): SimCounter => ({ object: 'Hyper-V Dynamic Memory VM', instance: state.vmName, counter, onHost: true, values });
    list.push(
      host('Physical Memory', ramp(dm.assignedBytes / MiB, -128)),
      host('Guest Visible Physical Memory', ramp(state.visibleBytes / MiB, 0)),
      host('Current Pressure', [88, 90, 91, 93, Math.round((committed / dm.assignedBytes) * 100)]),
    );
  }
  return list;
}

/** Every culture × PowerShell pair a guest-side export can come in. */
export const VARIANTS: { locale: Locale; powershell: '5.1' | '7' }[] = (['en-US', 'de-DE', 'fr-FR', 'ru-RU', 'es-ES'] as const).flatMap((locale) =>
  (['5.1', '7'] as const).map((powershell) => ({ locale, powershell })),
);

/** Reads emitted bytes back exactly as `analyze` would: encoding sniffing, format detection, the parser. */
export async function readBack(content: Buffer, name = 'input'): Promise<ParsedFile> {
  return ingestOpened(inputFromBuffer(name, content), PARSERS);
}
