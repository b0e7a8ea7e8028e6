import { MiB } from '../../model/bytes.js';
import type { HypervisorField } from '../../model/facts.js';
import { parseInteger } from '../numbers.js';
import type { Parser } from '../parser.js';

/**
 * QEMU HMP `info balloon` (usually through `qm monitor <vmid>`): `balloon: actual=<MiB>`, plus on Proxmox's
 * patched QEMU `max_mem=<MiB> total_mem=... free_mem=...` guest statistics.
 */
const PROMPT = /^\s*(?:qm>\s*)+/i;
const BALLOON_LINE = /^balloon:\s*(.*)$/i;
const NOT_ACTIVATED = /no balloon device has been activated|balloon\b.*\bnot (?:been )?activated/i;
const MONITOR_BANNER = /entering qemu monitor for vm/i;

function withoutPrompt(line: string): string {
  return line.replace(PROMPT, '').trim();
}

export const qemuInfoBalloon: Parser = {
  format: 'qemu-info-balloon',
  title: 'QEMU monitor info balloon',
  sniff(head) {
    const lines = head.split(/\r\n|\r|\n/).map(withoutPrompt);
    if (lines.some((l) => /^balloon:\s*actual=\s*\d/i.test(l))) return 0.95;
    if (lines.some((l) => NOT_ACTIVATED.test(l))) return MONITOR_BANNER.test(head) || /^\s*qm>/im.test(head) ? 0.9 : 0.8;
    return 0;
  },
  async parse(input, sink) {
    let found = false;
    for await (const { number, text } of input.lines()) {
      const line = withoutPrompt(text);
      const source = (field: string) => ({ file: input.file, line: number, field });
      const emit = (field: HypervisorField, value: number | boolean, from: string) =>
        sink.fact({ kind: 'hypervisor', hypervisor: 'kvm', field, value, source: source(from) });
      if (NOT_ACTIVATED.test(line)) {
        found = true;
        emit('balloonEnabled', false, 'balloon');
        continue;
      }
      const match = BALLOON_LINE.exec(line);
      if (!match) continue;
      found = true;
      const stats = new Map<string, string>();
      for (const pair of match[1]!.trim().split(/\s+/)) {
        const [key, value] = pair.split('=');
        if (key && value !== undefined) stats.set(key.toLowerCase(), value);
      }
      const mib = (key: string): number | undefined => {
        const raw = stats.get(key);
        if (raw === undefined) return undefined;
        const value = parseInteger(raw);
        if (value === undefined) {
          sink.message('VALUE_INVALID', 'warning', `"${key}" should be a whole number of MiB, not "${raw}".`, number);
        }
        return value;
      };
      const actual = mib('actual');
      const maxMem = mib('max_mem');
      if (actual === undefined && !stats.has('actual')) {
        sink.message('VALUE_INVALID', 'warning', 'The balloon line has no "actual=<MiB>" value.', number);
      }
      if (actual !== undefined) emit('balloonActualBytes', actual * MiB, 'actual');
      if (maxMem !== undefined) emit('configuredBytes', maxMem * MiB, 'max_mem');
      if (actual !== undefined && maxMem !== undefined && maxMem >= actual) {
        emit('balloonSizeBytes', (maxMem - actual) * MiB, 'max_mem - actual');
      }
    }
    if (!found) {
      sink.message('NO_DATA', 'error', 'No "balloon: actual=<MiB>" line was found; expected the output of "info balloon" in the QEMU monitor.');
    }
  },
};
