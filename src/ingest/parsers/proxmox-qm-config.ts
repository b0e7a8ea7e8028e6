import { MiB } from '../../model/bytes.js';
import type { HypervisorField } from '../../model/facts.js';
import type { SourceRef } from '../../model/source.js';
import { parseInteger } from '../numbers.js';
import type { Parser, ParseSink } from '../parser.js';

/**
 * `qm config <vmid>` and the raw `/etc/pve/qemu-server/<vmid>.conf`: `key: value` lines, sizes in MiB.
 * The .conf file goes on with `[snapshot]` / `[PENDING]` sections that describe other states: only the
 * lines before the first section are the running configuration.
 */
const QM_KEYS = new Set([
  'agent', 'balloon', 'bios', 'boot', 'bootdisk', 'cores', 'cpu', 'digest', 'efidisk0', 'hotplug', 'ide0', 'ide2',
  'machine', 'memory', 'meta', 'name', 'net0', 'numa', 'onboot', 'ostype', 'sata0', 'scsi0', 'scsihw', 'shares',
  'smbios1', 'sockets', 'tpmstate0', 'vga', 'virtio0', 'vmgenid', 'parent', 'protection', 'tablet', 'usb0',
]);
const STRONG_KEYS = ['smbios1', 'vmgenid', 'scsihw', 'ostype', 'bootdisk', 'digest', 'meta'];
const KEY_VALUE = /^([a-z][a-z0-9_-]*):\s*(.*?)\s*$/;
const SECTION = /^\s*\[[^\]]+\]\s*$/;

function isComment(line: string): boolean {
  return line.trimStart().startsWith('#');
}

export const proxmoxQmConfig: Parser = {
  format: 'proxmox-qm-config',
  title: 'Proxmox qm config',
  sniff(head) {
    const keys = new Set<string>();
    let lines = 0;
    let keyValueLines = 0;
    for (const line of head.split(/\r\n|\r|\n/)) {
      if (line.trim() === '' || isComment(line)) continue;
      if (SECTION.test(line)) break;
      lines++;
      const match = KEY_VALUE.exec(line);
      if (!match) continue;
      keyValueLines++;
      if (QM_KEYS.has(match[1]!)) keys.add(match[1]!);
    }
    if (lines === 0 || keyValueLines / lines < 0.8) return 0;
    const strong = STRONG_KEYS.some((k) => keys.has(k));
    if (keys.size >= 3 && (strong || keys.has('memory'))) return 0.95;
    if (keys.has('memory') && keys.size >= 2) return 0.6;
    return 0;
  },
  async parse(input, sink) {
    const emit = (field: HypervisorField, value: string | number | boolean, source: SourceRef) =>
      sink.fact({ kind: 'hypervisor', hypervisor: 'kvm', field, value, source });
    let memory: { bytes: number; source: SourceRef } | undefined;
    let sawBalloon = false;
    let sawVga = false;
    for await (const { number, text } of input.lines()) {
      if (SECTION.test(text)) break;
      if (isComment(text)) continue;
      const match = KEY_VALUE.exec(text);
      if (!match) continue;
      const key = match[1]!;
      const value = match[2]!;
      const source: SourceRef = { file: input.file, line: number, field: key };
      switch (key) {
        case 'memory': {
          const mib = readMemory(value, sink, number);
          if (mib === undefined) break;
          memory = { bytes: mib * MiB, source };
          emit('configuredBytes', memory.bytes, source);
          break;
        }
        case 'balloon': {
          const mib = parseInteger(value);
          if (mib === undefined) {
            warnNotMiB(sink, 'balloon', value, number);
            break;
          }
          sawBalloon = true;
          emit('balloonEnabled', mib > 0, source);
          if (mib > 0) emit('balloonTargetBytes', mib * MiB, source);
          break;
        }
        case 'vga': {
          sawVga = true;
          const type = vgaType(value);
          if (type) emit('display', type, source);
          break;
        }
        case 'ostype':
          if (value !== '') emit('guestOsType', value, source);
          break;
        case 'name':
          if (value !== '') emit('vmName', value, source);
          break;
      }
    }
    if (!memory) {
      sink.message('COLUMN_MISSING', 'info', 'There is no "memory:" line, so the VM runs with the Proxmox default memory size, which this file does not state.');
    } else if (!sawBalloon) {
      // Proxmox default: ballooning on, with the target equal to the configured memory.
      emit('balloonEnabled', true, memory.source);
      emit('balloonTargetBytes', memory.bytes, memory.source);
    }
    if (!sawVga) emit('display', 'std', { file: input.file, field: 'vga (default)' });
  },
};

/** `4096` or, since PVE 7.3, `current=4096` (optionally with more `key=value` options). */
function readMemory(value: string, sink: ParseSink, line: number): number | undefined {
  const options = value.split(',').map((part) => part.trim());
  const current = options.find((part) => /^current\s*=/.test(part))?.replace(/^current\s*=\s*/, '');
  const raw = current ?? options.find((part) => !part.includes('='));
  const mib = parseInteger(raw);
  if (mib === undefined) warnNotMiB(sink, 'memory', value, line);
  return mib;
}

/** `qxl`, `qxl,memory=32`, `type=virtio,memory=64`; `memory=32` alone keeps the default type. */
function vgaType(value: string): string | undefined {
  const options = value.split(',').map((part) => part.trim());
  const typed = options.find((part) => /^type\s*=/.test(part));
  if (typed) return typed.replace(/^type\s*=\s*/, '') || undefined;
  return options.find((part) => part !== '' && !part.includes('=')) ?? 'std';
}

function warnNotMiB(sink: ParseSink, key: string, value: string, line: number): void {
  sink.message('VALUE_INVALID', 'warning', `"${key}:" should be a whole number of MiB, not "${value}".`, line);
}
