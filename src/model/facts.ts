import type { RamMapList, RamMapUse } from './rammap.js';
import type { SourceRef } from './source.js';

/**
 * Facts are what parsers emit: small typed records, each carrying where it came from.
 * Every size is already an integer number of bytes; parsers do the unit conversion of their format.
 * The model builder merges facts from all files into one GuestSnapshot.
 */
export type Fact =
  | UseCountsFact
  | RamMapProcessFact
  | PoolTagFact
  | ProcessFact
  | ProcessSumFact
  | CounterFact
  | SystemFact
  | DeviceFact
  | DriverFact
  | HypervisorFact;

export type Hypervisor = 'hyperv' | 'kvm' | 'vmware' | 'virtualbox';

/** RAMMap Use Counts: bytes per use type × page list, from an .rmp or a transcribed table. */
export interface UseCountsFact {
  kind: 'use-counts';
  origin: 'rmp' | 'table';
  /** Cells that were present; a transcribed table may carry only some lists. */
  cells: Partial<Record<RamMapUse, Partial<Record<RamMapList, number>>>>;
  /** The Total column per row, when given (a table may carry only totals). */
  rowTotals: Partial<Record<RamMapUse, number>>;
  /** Per-list totals (.rmp ListCounts or the table's Total row). */
  listTotals: Partial<Record<RamMapList, number>>;
  /** The grand total when the input states it. */
  total?: number;
  source: SourceRef;
}

/** A process as RAMMap's Processes tab / ProcessList shows it. */
export interface RamMapProcessFact {
  kind: 'rammap-process';
  name: string;
  pid: number;
  sessionId?: number;
  privateBytes: number;
  source: SourceRef;
}

/** Bytes allocated under one pool tag (RAMMap PoolInfo, PoolMon). */
export interface PoolTagFact {
  kind: 'pool-tag';
  tag: string;
  bytes: number;
  allocations?: number;
  pool?: 'paged' | 'nonpaged';
  source: SourceRef;
}

/** One process from Get-Process (Export-Csv or the formatted table). */
export interface ProcessFact {
  kind: 'process';
  name: string;
  pid?: number;
  sessionId?: number;
  /** PM = PagedMemorySize64 = private commit, bytes. */
  pmBytes?: number;
  /** WS = WorkingSet64, bytes. */
  wsBytes?: number;
  /** NPM = NonpagedSystemMemorySize64, bytes. */
  npmBytes?: number;
  source: SourceRef;
}

/** A stated sum of process memory (`Get-Process | measure PM -sum`, a `"{0:N2}MB"` one-liner). */
export interface ProcessSumFact {
  kind: 'process-sum';
  property: 'PM' | 'WS';
  bytes: number;
  count?: number;
  source: SourceRef;
}

/** One performance counter, reduced to summary statistics over its samples. Values are in the counter's own unit. */
export interface CounterFact {
  kind: 'counter';
  host?: string;
  object: string;
  instance?: string;
  counter: string;
  samples: number;
  first: number;
  last: number;
  min: number;
  max: number;
  mean: number;
  firstTime?: string;
  lastTime?: string;
  source: SourceRef;
}

export type SystemField =
  | 'hostName'
  | 'osName'
  | 'osVersion'
  | 'osArchitecture'
  | 'manufacturer'
  | 'model'
  | 'biosVersion'
  /** Memory Windows can use (TotalVisibleMemorySize, systeminfo Total Physical Memory). */
  | 'visibleBytes'
  | 'availableBytes'
  /** Sum of Win32_PhysicalMemory Capacity: installed memory. */
  | 'installedBytes'
  | 'commitLimitBytes'
  | 'committedBytes'
  | 'hypervisorPresent';

export interface SystemFact {
  kind: 'system';
  field: SystemField;
  value: string | number | boolean;
  source: SourceRef;
}

/** A PnP device (Get-PnpDevice, Win32_PnPEntity, Win32_VideoController). */
export interface DeviceFact {
  kind: 'device';
  name: string;
  /** PnP class: Display, System, Net, ... */
  deviceClass?: string;
  /** OK, Error, Degraded, Unknown ... */
  status?: string;
  instanceId?: string;
  /** Device Manager problem code (28 = no driver installed). */
  problemCode?: number;
  service?: string;
  /** Win32_VideoController AdapterRAM, bytes. */
  adapterRamBytes?: number;
  /** False for a device Windows remembers but that is not connected now (Get-PnpDevice Present). */
  present?: boolean;
  source: SourceRef;
}

/** A kernel or file-system driver (driverquery). */
export interface DriverFact {
  kind: 'driver';
  module: string;
  displayName?: string;
  state?: string;
  startMode?: string;
  path?: string;
  pagedPoolBytes?: number;
  source: SourceRef;
}

export type HypervisorField =
  | 'vmName'
  /** Memory configured for the VM (startup memory on Hyper-V, `memory:` on Proxmox, memsize on VMware). */
  | 'configuredBytes'
  | 'balloonEnabled'
  /** Balloon target / minimum the host may shrink the guest to. */
  | 'balloonTargetBytes'
  /** Memory the guest currently has after the balloon (QEMU `actual`). */
  | 'balloonActualBytes'
  /** Size of the inflated balloon (memory taken from the guest). */
  | 'balloonSizeBytes'
  | 'dynamicMemoryEnabled'
  | 'dmStartupBytes'
  | 'dmMinimumBytes'
  | 'dmMaximumBytes'
  | 'dmBufferPercent'
  | 'dmPriority'
  | 'assignedBytes'
  | 'demandBytes'
  | 'display'
  | 'guestOsType';

export interface HypervisorFact {
  kind: 'hypervisor';
  hypervisor: Hypervisor;
  field: HypervisorField;
  value: string | number | boolean;
  source: SourceRef;
}
