import type { Hypervisor } from '../model/facts.js';
import type { RamMapList, RamMapUse } from '../model/rammap.js';

/**
 * The complete, consistent memory state of one simulated guest at the end of a run. The emitters turn it
 * into the files the real tools write; nothing in an emitter computes memory, it only formats this.
 * Sizes are bytes unless the name says pages.
 */
export interface GuestState {
  scenario: string;
  seed: number;
  hypervisor: Hypervisor;
  vmName: string;
  /** Proxmox VM id (kvm only). */
  vmId: number;
  hostName: string;
  windows: WindowsInfo;
  /** Culture of the guest: drives number formats, list separators and localized labels. */
  locale: Locale;
  powershell: '5.1' | '7';
  /** Memory the hypervisor gives the VM (DIMMs the guest reports). */
  installedBytes: number;
  /** Memory Windows can use (TotalVisibleMemorySize); RAMMap's total equals it. */
  visibleBytes: number;
  /** RAMMap Use Counts in 4 KiB pages; Σ over all cells × 4096 = visibleBytes. */
  pages: Record<RamMapUse, Record<RamMapList, number>>;
  processes: SimProcess[];
  pools: SimPool[];
  devices: SimDevice[];
  drivers: SimDriver[];
  video: SimVideoController;
  vm: SimVmConfig;
  /** Time series sampled every `intervalSeconds` from `startTime`; the last sample is the snapshot moment. */
  counters: SimCounter[];
  startTime: string;
  intervalSeconds: number;
  timeZone: { name: string; biasMinutes: number };
}

export type Locale = 'en-US' | 'de-DE' | 'fr-FR' | 'ru-RU' | 'es-ES';

export interface WindowsInfo {
  caption: string;
  /** e.g. 10.0.17763 */
  version: string;
  build: number;
  bits: 32 | 64;
}

export interface SimProcess {
  name: string;
  pid: number;
  sessionId: number;
  handles: number;
  /** PM (PagedMemorySize64): private commit. */
  pmBytes: number;
  /** WS (WorkingSet64). */
  wsBytes: number;
  npmBytes: number;
  /** Private pages resident in RAM (RAMMap Processes tab / ProcessList). */
  residentPrivatePages: number;
  cpuSeconds: number;
  path?: string;
  company?: string;
}

export interface SimPool {
  tag: string;
  pool: 'paged' | 'nonpaged';
  bytes: number;
  allocations: number;
}

export interface SimDevice {
  name: string;
  deviceClass: string;
  instanceId: string;
  /** OK, Error, Degraded, Unknown */
  status: string;
  /** 0 = working; 28 = no driver installed. */
  problemCode: number;
  service?: string;
  present: boolean;
}

export interface SimDriver {
  module: string;
  displayName: string;
  description: string;
  state: 'Running' | 'Stopped';
  startMode: 'Boot' | 'System' | 'Auto' | 'Manual' | 'Disabled';
  path: string;
  codeBytes: number;
  pagedPoolBytes: number;
}

export interface SimVideoController {
  name: string;
  pnpDeviceId: string;
  adapterRamBytes: number;
  driverVersion: string;
  installedDisplayDrivers: string;
}

/** The hypervisor-side settings, in the units each tool states them. */
export interface SimVmConfig {
  /** Configured memory (Proxmox memory:, VMware memsize, VirtualBox memory, Hyper-V startup), MiB. */
  memoryMiB: number;
  /** Proxmox/QEMU `vga:`, VMware svga, VirtualBox graphicscontroller. */
  display: string;
  /** Proxmox ostype / VMware guestOS / VirtualBox ostype. */
  guestOsType: string;
  balloon?: {
    enabled: boolean;
    /** Proxmox `balloon:` minimum (MiB); VMware/VirtualBox: the balloon target. */
    targetMiB: number;
    /** Size of the inflated balloon now, MiB (memory taken from the guest). */
    sizeMiB: number;
  };
  dynamicMemory?: {
    enabled: boolean;
    startupBytes: number;
    minimumBytes: number;
    maximumBytes: number;
    bufferPercent: number;
    priority: number;
    assignedBytes: number;
    demandBytes: number;
  };
}

export interface SimCounter {
  /** Counter path parts as PDH writes them: \\HOST\Object(Instance)\Counter */
  object: string;
  instance?: string;
  counter: string;
  /** Whether the counter lives on the hypervisor host (Hyper-V host counters) rather than in the guest. */
  onHost?: boolean;
  /** One value per sample, in the counter's own unit. */
  values: number[];
}
