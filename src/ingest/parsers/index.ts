import type { Parser } from '../parser.js';
import { cimJson } from './cim-json.js';
import { driverqueryCsv } from './driverquery-csv.js';
import { getprocessCsv } from './getprocess-csv.js';
import { getprocessMeasure } from './getprocess-measure.js';
import { getprocessSum } from './getprocess-sum.js';
import { getprocessTable } from './getprocess-table.js';
import { hypervVmJson } from './hyperv-vm-json.js';
import { pdhCsv } from './pdh-csv.js';
import { pnpdeviceCsv } from './pnpdevice-csv.js';
import { proxmoxQmConfig } from './proxmox-qm-config.js';
import { qemuInfoBalloon } from './qemu-info-balloon.js';
import { rammapRmp } from './rammap-rmp.js';
import { rammapTable } from './rammap-table.js';
import { systeminfoCsv } from './systeminfo-csv.js';
import { systeminfoList } from './systeminfo-list.js';
import { vboxMetrics } from './vbox-metrics.js';
import { vboxShowvminfo } from './vbox-showvminfo.js';
import { virshDommemstat } from './virsh-dommemstat.js';
import { vmwareToolboxBalloon } from './vmware-toolbox-balloon.js';
import { vmwareVmx } from './vmware-vmx.js';

/**
 * Every parser, in the order their values are trusted when two files state the same thing
 * (exact sources before rounded ones: CIM before systeminfo, RAMMap snapshot before a typed table).
 * Adding a format = one parser file + one line here.
 */
export const PARSERS: readonly Parser[] = [
  rammapRmp,
  rammapTable,
  getprocessCsv,
  getprocessTable,
  getprocessMeasure,
  getprocessSum,
  pdhCsv,
  cimJson,
  systeminfoCsv,
  systeminfoList,
  pnpdeviceCsv,
  driverqueryCsv,
  hypervVmJson,
  proxmoxQmConfig,
  qemuInfoBalloon,
  virshDommemstat,
  vboxShowvminfo,
  vboxMetrics,
  vmwareVmx,
  vmwareToolboxBalloon,
];
