import { MiB } from '../../model/bytes.js';
import type { HypervisorField } from '../../model/facts.js';
import { parseInteger } from '../numbers.js';
import type { Parser } from '../parser.js';

/** A VMware `.vmx` file: `key = "value"` lines; keys are case-insensitive, sizes in MB. */
const ENTRY = /^\s*([A-Za-z0-9_.:\-[\]]+)\s*=\s*"?(.*?)"?\s*$/;
const SIGNATURE_KEYS = ['.encoding', 'config.version', 'virtualhw.version', 'memsize'];

/** VMX escapes characters such as `"` and `|` as `|XX` (two hex digits). */
function unescapeVmx(value: string): string {
  return value.replace(/\|([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export const vmwareVmx: Parser = {
  format: 'vmware-vmx',
  title: 'VMware .vmx configuration',
  sniff(head) {
    let lines = 0;
    let entries = 0;
    const keys = new Set<string>();
    for (const line of head.split(/\r\n|\r|\n/)) {
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      lines++;
      const match = /^\s*([A-Za-z0-9_.:\-[\]]+)\s*=\s*"/.exec(line);
      if (!match) continue;
      entries++;
      keys.add(match[1]!.toLowerCase());
    }
    if (lines === 0 || entries / lines < 0.8) return 0;
    const signature = SIGNATURE_KEYS.filter((k) => keys.has(k)).length;
    if (signature >= 2) return 0.95;
    return signature === 1 && entries >= 3 ? 0.7 : 0;
  },
  async parse(input, sink) {
    let display: { value: string; line: number; key: string } | undefined;
    for await (const { number, text } of input.lines()) {
      if (text.trimStart().startsWith('#')) continue;
      const match = ENTRY.exec(text);
      if (!match) continue;
      const rawKey = match[1]!;
      const key = rawKey.toLowerCase();
      const value = unescapeVmx(match[2]!);
      const emit = (field: HypervisorField, fieldValue: string | number | boolean) =>
        sink.fact({ kind: 'hypervisor', hypervisor: 'vmware', field, value: fieldValue, source: { file: input.file, line: number, field: rawKey } });
      const megabytes = (): number | undefined => {
        const mb = parseInteger(value);
        if (mb === undefined) sink.message('VALUE_INVALID', 'warning', `"${rawKey}" should be a whole number of MB, not "${value}".`, number);
        return mb;
      };
      if (key === 'memsize') {
        const mb = megabytes();
        if (mb !== undefined) emit('configuredBytes', mb * MiB);
      } else if (key === 'sched.mem.maxmemctl') {
        // The largest balloon the host may inflate; 0 turns ballooning off.
        const mb = megabytes();
        if (mb !== undefined) emit('balloonEnabled', mb > 0);
      } else if (key === 'guestos') {
        if (value !== '') emit('guestOsType', value);
      } else if (key === 'displayname') {
        if (value !== '') emit('vmName', value);
      } else if (key === 'svga.present') {
        display = { value: /^(true|yes|1)$/i.test(value) ? 'svga' : 'none', line: number, key: rawKey };
      } else if (key.startsWith('svga.') && !display) {
        display = { value: 'svga', line: number, key: rawKey };
      }
    }
    if (display) {
      sink.fact({ kind: 'hypervisor', hypervisor: 'vmware', field: 'display', value: display.value, source: { file: input.file, line: display.line, field: display.key } });
    }
  },
};
