import type { GuestState } from '../state.js';
import { emitCimComputerSystem, emitCimOperatingSystem, emitCimPhysicalMemory, emitCimVideoController } from './cim-json.js';
import { emitDriverqueryCsv } from './driverquery-csv.js';
import { emitGetProcessCsv } from './getprocess-csv.js';
import { emitGetProcessMeasure } from './getprocess-measure.js';
import { emitGetProcessSum } from './getprocess-sum.js';
import { emitGetProcessTable } from './getprocess-table.js';
import { emitGetVmJson, emitGetVmMemoryJson } from './hyperv-vm-json.js';
import { emitPdhCsv } from './pdh-csv.js';
import { emitPnpDeviceCsv } from './pnpdevice-csv.js';
import { emitQmConfig } from './proxmox-qm-config.js';
import { emitInfoBalloon } from './qemu-info-balloon.js';
import { emitRmpFromState } from './rammap-rmp.js';
import { emitSysteminfoCsv } from './systeminfo-csv.js';
import { emitSysteminfoList } from './systeminfo-list.js';
import { emitVboxMetrics } from './vbox-metrics.js';
import { emitShowvminfo } from './vbox-showvminfo.js';
import { emitToolboxBalloon } from './vmware-toolbox-balloon.js';
import { emitVmx } from './vmware-vmx.js';

export interface BundleFile {
  name: BundleFileName;
  content: Buffer;
}

/** Every name a simulated bundle's file may have: a folder holding only these is one guestram wrote. */
export const BUNDLE_FILE_NAMES = [
  'snapshot.rmp', 'processes.txt', 'processes.csv', 'pm-sum.txt', 'pm-measure.txt', 'memory-counters.csv',
  'systeminfo.csv', 'systeminfo.txt', 'cim-os.json', 'cim-computersystem.json', 'cim-physicalmemory.json',
  'video.json', 'pnpdevices.csv', 'drivers.csv', 'get-vmmemory.json', 'get-vm.json', 'host-counters.csv',
  'qm-config.txt', 'info-balloon.txt', 'vm.vmx', 'balloon.txt', 'showvminfo.txt', 'metrics.txt',
] as const;
export type BundleFileName = (typeof BUNDLE_FILE_NAMES)[number];

export interface BundleOptions {
  /**
   * How the processes were exported: the CSV with a Measure-Object sum, the CSV with the `"{0:N2}MB"` one-liner,
   * or the formatted table with a Measure-Object sum. Never the CSV and the table together: they would be two
   * process lists of two moments.
   */
  processes?: 'csv+measure' | 'csv+sum' | 'table+measure';
  systeminfo?: 'csv' | 'list';
}

/**
 * The files a sysadmin collects from this guest and its hypervisor, named as they would name them. Which
 * Get-Process and systeminfo forms appear follows the seed (every form turns up across seeds); the rest is
 * fixed per hypervisor. Same state → byte-identical files.
 */
export function emitBundle(state: GuestState, options: BundleOptions = {}): BundleFile[] {
  const processes = options.processes ?? (['csv+measure', 'csv+sum', 'table+measure'] as const)[state.seed % 3]!;
  const systeminfo = options.systeminfo ?? (Math.floor(state.seed / 3) % 2 === 0 ? 'csv' : 'list');
  const files: (BundleFile | undefined)[] = [
    { name: 'snapshot.rmp', content: emitRmpFromState(state) },
    processes === 'table+measure' ? { name: 'processes.txt', content: emitGetProcessTable(state) } : { name: 'processes.csv', content: emitGetProcessCsv(state) },
    processes === 'csv+sum' ? { name: 'pm-sum.txt', content: emitGetProcessSum(state) } : { name: 'pm-measure.txt', content: emitGetProcessMeasure(state) },
    optional('memory-counters.csv', emitPdhCsv(state)),
    systeminfo === 'csv' ? { name: 'systeminfo.csv', content: emitSysteminfoCsv(state) } : { name: 'systeminfo.txt', content: emitSysteminfoList(state) },
    { name: 'cim-os.json', content: emitCimOperatingSystem(state) },
    { name: 'cim-computersystem.json', content: emitCimComputerSystem(state) },
    { name: 'cim-physicalmemory.json', content: emitCimPhysicalMemory(state) },
    { name: 'video.json', content: emitCimVideoController(state) },
    { name: 'pnpdevices.csv', content: emitPnpDeviceCsv(state) },
    { name: 'drivers.csv', content: emitDriverqueryCsv(state) },
    ...hostFiles(state),
  ];
  return files.filter((f): f is BundleFile => f !== undefined);
}

function hostFiles(state: GuestState): (BundleFile | undefined)[] {
  switch (state.hypervisor) {
    case 'hyperv':
      return [
        { name: 'get-vmmemory.json', content: emitGetVmMemoryJson(state) },
        { name: 'get-vm.json', content: emitGetVmJson(state) },
        optional('host-counters.csv', emitPdhCsv(state, { host: true })),
      ];
    case 'kvm':
      return [
        { name: 'qm-config.txt', content: emitQmConfig(state) },
        { name: 'info-balloon.txt', content: emitInfoBalloon(state) },
      ];
    case 'vmware':
      return [
        { name: 'vm.vmx', content: emitVmx(state) },
        { name: 'balloon.txt', content: emitToolboxBalloon(state) },
      ];
    case 'virtualbox':
      return [
        { name: 'showvminfo.txt', content: emitShowvminfo(state) },
        { name: 'metrics.txt', content: emitVboxMetrics(state) },
      ];
  }
}

function optional(name: BundleFileName, content: Buffer | undefined): BundleFile | undefined {
  return content ? { name, content } : undefined;
}
