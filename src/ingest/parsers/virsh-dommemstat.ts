import { KiB } from '../../model/bytes.js';
import type { HypervisorField } from '../../model/facts.js';
import { parseInteger } from '../numbers.js';
import type { Parser } from '../parser.js';

/** `virsh dommemstat <domain>`: one `name value` pair per line, sizes in KiB (libvirt). */
const FIELDS: Record<string, HypervisorField> = {
  actual: 'balloonActualBytes',
};
const KNOWN = /^(actual|swap_in|swap_out|major_fault|minor_fault|unused|available|usable|last_update|rss|disk_caches|hugetlb_pgalloc|hugetlb_pgfail)\s+\d+\s*$/;

export const virshDommemstat: Parser = {
  format: 'virsh-dommemstat',
  title: 'virsh dommemstat',
  sniff(head) {
    const lines = head.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length === 0) return 0;
    const known = lines.filter((l) => KNOWN.test(l.trim())).length;
    return lines.some((l) => /^actual\s+\d+/.test(l.trim())) && known / lines.length >= 0.8 ? 0.95 : 0;
  },
  async parse(input, sink) {
    for await (const { number, text } of input.lines()) {
      const match = /^\s*(\w+)\s+(\S+)\s*$/.exec(text);
      if (!match) continue;
      const field = Object.hasOwn(FIELDS, match[1]!) ? FIELDS[match[1]!] : undefined;
      if (!field) continue;
      const kib = parseInteger(match[2]);
      if (kib === undefined) {
        sink.message('VALUE_INVALID', 'warning', `"${match[1]}" should be a whole number of KiB, not "${match[2]}".`, number);
        continue;
      }
      sink.fact({ kind: 'hypervisor', hypervisor: 'kvm', field, value: kib * KiB, source: { file: input.file, line: number, field: match[1] } });
    }
  },
};
