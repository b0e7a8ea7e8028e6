import type { EvidenceRequest } from '../../attribute/next-evidence.js';
import type { GuestState } from '../state.js';
import { emitBundle } from './bundle.js';
import { emitCimPhysicalMemory, emitCimVideoController } from './cim-json.js';
import { emitGetProcessCsv } from './getprocess-csv.js';
import { emitGetVmJson } from './hyperv-vm-json.js';
import { emitPdhCsv } from './pdh-csv.js';
import { emitPnpDeviceCsv } from './pnpdevice-csv.js';
import { emitQmConfig } from './proxmox-qm-config.js';
import { emitInfoBalloon } from './qemu-info-balloon.js';
import { emitRmpFromState } from './rammap-rmp.js';
import { emitSysteminfoCsv } from './systeminfo-csv.js';
import { emitVboxMetrics } from './vbox-metrics.js';
import { emitVirshDommemstat } from './virsh-dommemstat.js';
import { emitToolboxBalloon } from './vmware-toolbox-balloon.js';

/** What one command prints for this guest, as files (a name and its bytes). */
export type RequestOutput = { name: string; content: Buffer }[];

const one = (name: string, content: Buffer | undefined): RequestOutput => (content ? [{ name, content }] : []);

/**
 * What each command guestram asks a user to run prints on this simulated guest: the loop test checks that
 * guestram reads it back to the facts it asked for. The hypervisor-specific ones need a guest of that hypervisor.
 */
export const REQUEST_OUTPUTS: Record<EvidenceRequest, (state: GuestState) => RequestOutput> = {
  'video-controller': (s) => one('video.json', emitCimVideoController(s)),
  'pnp-devices': (s) => one('pnpdevices.csv', emitPnpDeviceCsv(s)),
  'info-balloon': (s) => one('info-balloon.txt', emitInfoBalloon(s)),
  dommemstat: (s) => one('dommemstat.txt', emitVirshDommemstat(s)),
  'qm-config': (s) => one('qm-config.txt', emitQmConfig(s)),
  'vm-memory': (s) => one('get-vm.json', emitGetVmJson(s)),
  'dm-host-counters': (s) => one('dm-vm-counters.csv', emitPdhCsv(s, { host: true })),
  'vmware-balloon': (s) => one('balloon.txt', emitToolboxBalloon(s)),
  'vbox-balloon': (s) => one('metrics.txt', emitVboxMetrics(s)),
  rammap: (s) => one('snapshot.rmp', emitRmpFromState(s)),
  'pool-tags': () => [],
  'memory-counters': (s) => one('memory-counters.csv', emitPdhCsv(s)),
  processes: (s) => one('processes.csv', emitGetProcessCsv(s)),
  systeminfo: (s) => one('systeminfo.csv', emitSysteminfoCsv(s)),
  'physical-memory': (s) => one('cim-physicalmemory.json', emitCimPhysicalMemory(s)),
  'guest-bundle': (s) => emitBundle(s),
};
