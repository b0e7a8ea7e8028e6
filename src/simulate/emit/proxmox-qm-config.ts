import type { GuestState } from '../state.js';
import { encodeText, joinLines, LF, stableGuid, stableHash } from './text.js';

/**
 * `qm config <vmid>` on the Proxmox node: `key: value` lines sorted by key, sizes in MiB, LF. `balloon: 0`
 * turns the balloon device off; no `balloon:` line means ballooning on with the target at `memory`.
 */
export function emitQmConfig(state: GuestState): Buffer {
  const hash = stableHash(state.vmName);
  const mac = ['BC', '24', '11', ...[0, 8, 16].map((shift) => ((hash >>> shift) & 0xff).toString(16).toUpperCase().padStart(2, '0'))].join(':');
  const balloon = state.vm.balloon;
  const entries: [string, string][] = [
    ['agent', '1'],
    ['bios', 'ovmf'],
    ['boot', 'order=scsi0;net0'],
    ['cores', '4'],
    ['cpu', 'host'],
    ['efidisk0', `local-lvm:vm-${state.vmId}-disk-0,efitype=4m,pre-enrolled-keys=1,size=4M`],
    ['machine', 'pc-q35-8.1'],
    ['memory', String(state.vm.memoryMiB)],
    ['meta', `creation-qemu=8.1.5,ctime=${1_700_000_000 + (hash % 10_000_000)}`],
    ['name', state.vmName],
    ['net0', `virtio=${mac},bridge=vmbr0`],
    ['numa', '0'],
    ['ostype', state.vm.guestOsType],
    ['scsi0', `local-lvm:vm-${state.vmId}-disk-1,discard=on,iothread=1,size=80G`],
    ['scsihw', 'virtio-scsi-single'],
    ['smbios1', `uuid=${stableGuid(`smbios:${state.vmName}`)}`],
    ['sockets', '1'],
    ['vga', state.vm.display],
    ['vmgenid', stableGuid(`vmgenid:${state.vmName}`)],
  ];
  if (balloon && !balloon.enabled) entries.push(['balloon', '0']);
  else if (balloon && balloon.targetMiB > 0) entries.push(['balloon', String(balloon.targetMiB)]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return encodeText(joinLines(entries.map(([key, value]) => `${key}: ${value}`), LF), 'utf8');
}
