import { MiB } from '../../model/bytes.js';
import type { HypervisorField } from '../../model/facts.js';
import type { SourceRef } from '../../model/source.js';
import { parseInteger } from '../numbers.js';
import type { Parser } from '../parser.js';

/**
 * `VBoxManage showvminfo <vm> --machinereadable`: `key=value` or `"key"="value"` lines, sizes in MB.
 * Key case is matched loosely because the balloon key's spelling is unconfirmed.
 */
const ENTRY = /^\s*"?([^"=\s][^"=]*?)"?=(.*)$/;

function unquote(value: string): string {
  const trimmed = value.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1).replace(/\\(["\\])/g, '$1') : trimmed;
}

export const vboxShowvminfo: Parser = {
  format: 'vbox-showvminfo',
  title: 'VBoxManage showvminfo --machinereadable',
  sniff(head) {
    let lines = 0;
    let entries = 0;
    const keys = new Set<string>();
    for (const line of head.split(/\r\n|\r|\n/)) {
      if (line.trim() === '') continue;
      lines++;
      const match = ENTRY.exec(line);
      if (!match || /\s$/.test(match[1]!)) continue;
      entries++;
      keys.add(match[1]!.toLowerCase());
    }
    if (lines === 0 || entries / lines < 0.8) return 0;
    const identity = keys.has('cfgfile') || keys.has('uuid');
    const vmKeys = ['name', 'ostype', 'memory'].filter((k) => keys.has(k)).length;
    if (identity && vmKeys >= 2) return 0.95;
    return identity && vmKeys === 1 ? 0.6 : 0;
  },
  async parse(input, sink) {
    const emit = (field: HypervisorField, value: string | number | boolean, source: SourceRef) =>
      sink.fact({ kind: 'hypervisor', hypervisor: 'virtualbox', field, value, source });
    const seen = new Set<string>();
    let memoryMb: number | undefined;
    let balloon: { mb: number; source: SourceRef } | undefined;
    for await (const { number, text } of input.lines()) {
      const match = ENTRY.exec(text);
      if (!match) continue;
      const rawKey = match[1]!.trim();
      const key = rawKey.toLowerCase();
      // Later keys with the same name belong to snapshots or devices, not to the VM.
      if (seen.has(key)) continue;
      const value = unquote(match[2]!);
      const source: SourceRef = { file: input.file, line: number, field: rawKey };
      const megabytes = (): number | undefined => {
        const mb = parseInteger(value);
        if (mb === undefined) sink.message('VALUE_INVALID', 'warning', `"${rawKey}" should be a whole number of MB, not "${value}".`, number);
        return mb;
      };
      switch (key) {
        case 'name':
          if (value !== '') emit('vmName', value, source);
          break;
        case 'ostype':
          if (value !== '') emit('guestOsType', value, source);
          break;
        case 'memory':
          memoryMb = megabytes();
          if (memoryMb !== undefined) emit('configuredBytes', memoryMb * MiB, source);
          break;
        case 'graphicscontroller':
          if (value !== '') emit('display', value.toLowerCase(), source);
          break;
        case 'guestmemoryballoon': {
          const mb = megabytes();
          if (mb !== undefined) balloon = { mb, source };
          break;
        }
        default:
          continue;
      }
      seen.add(key);
    }
    if (!balloon) return;
    // The setting is the balloon's size: the guest is left with memory minus that.
    emit('balloonEnabled', balloon.mb > 0, balloon.source);
    if (balloon.mb > 0 && memoryMb !== undefined && memoryMb >= balloon.mb) {
      emit('balloonTargetBytes', (memoryMb - balloon.mb) * MiB, balloon.source);
    }
  },
};
