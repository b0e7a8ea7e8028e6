import type { GuestState } from '../state.js';
import { encodeText, joinLines, LF, stableHash } from './text.js';

/**
 * The VM's `.vmx` as ESXi / Workstation keep it: `key = "value"`, `.encoding` first, LF. Ballooning off is
 * `sched.mem.maxmemctl = "0"`; otherwise the host decides the balloon and the file says nothing about it.
 */
export function emitVmx(state: GuestState): Buffer {
  const hash = stableHash(state.vmName);
  const bytes = [0, 8, 16, 24, 4, 12, 20, 28].map((shift) => ((hash >>> shift) & 0xff).toString(16).padStart(2, '0'));
  const uuid = `56 4d ${bytes.slice(0, 6).join(' ')}-${bytes.slice(2, 8).join(' ')} ${bytes.slice(0, 2).join(' ')}`;
  const svga = state.vm.display !== 'none';
  const entries: [string, string][] = [
    ['.encoding', 'UTF-8'],
    ['config.version', '8'],
    ['virtualHW.version', '19'],
    ['pciBridge0.present', 'TRUE'],
    ['vmci0.present', 'TRUE'],
    ['hpet0.present', 'TRUE'],
    ['nvram', `${state.vmName}.nvram`],
    ['virtualHW.productCompatibility', 'hosted'],
    ['powerType.powerOff', 'soft'],
    ['powerType.powerOn', 'soft'],
    ['displayName', escapeVmx(state.vmName)],
    ['guestOS', state.vm.guestOsType],
    ['firmware', 'efi'],
    ['memsize', String(state.vm.memoryMiB)],
    ['numvcpus', '4'],
    ...(state.vm.balloon && !state.vm.balloon.enabled ? [['sched.mem.maxmemctl', '0'] as [string, string]] : []),
    ['svga.present', svga ? 'TRUE' : 'FALSE'],
    ...(svga ? [['svga.vramSize', '8388608'] as [string, string]] : []),
    ['scsi0.virtualDev', 'lsisas1068'],
    ['scsi0.present', 'TRUE'],
    ['scsi0:0.fileName', `${state.vmName}.vmdk`],
    ['scsi0:0.present', 'TRUE'],
    ['ethernet0.virtualDev', 'vmxnet3'],
    ['ethernet0.present', 'TRUE'],
    ['ethernet0.addressType', 'generated'],
    ['uuid.bios', uuid],
    ['tools.syncTime', 'FALSE'],
    ['sched.mem.shares', 'normal'],
  ];
  return encodeText(joinLines(entries.map(([key, value]) => `${key} = "${value}"`), LF), 'utf8');
}

/** VMX writes `"`, `|` and control characters as `|XX`. */
function escapeVmx(value: string): string {
  return value.replace(/[|"\x00-\x1f]/g, (ch) => `|${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
