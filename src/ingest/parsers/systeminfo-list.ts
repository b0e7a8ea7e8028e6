import type { SystemField } from '../../model/facts.js';
import type { Parser } from '../parser.js';
import { emitSystemValue, fieldForLabel } from './systeminfo-fields.js';

/**
 * `systeminfo` default list: `Label:<padding>value`, labels localized, multi-line values (Processor(s),
 * Hotfix(s), Network Card(s), Hyper-V Requirements) continued on indented lines.
 */
export const systeminfoList: Parser = {
  format: 'systeminfo-list',
  title: 'systeminfo (list)',
  sniff(head) {
    const lines = head.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
    if (lines.length === 0 || lines[0]!.trimStart().startsWith('"')) return 0;
    let known = 0;
    for (const line of lines.slice(0, 80)) if (splitLabelLine(line)) known++;
    if (known >= 3) return 0.95;
    // Values systeminfo never translates, for legacy code pages whose labels arrive garbled.
    const hallmarks = /\b(?:Multi|Uni)processor Free\b/.test(head) && /\b(?:x64|X86|ARM64)-based PC\b/i.test(head);
    return hallmarks && lines.filter((l) => /^\S.*:\s{2,}\S/.test(l)).length >= 10 ? 0.9 : 0;
  },
  async parse(input, sink) {
    let found = 0;
    for await (const { number, text } of input.lines()) {
      if (text === '' || /^\s/.test(text)) continue; // continuation of a multi-line value
      const labelled = splitLabelLine(text);
      if (!labelled) continue;
      found++;
      emitSystemValue(labelled.field, labelled.value, labelled.label, input.file, number, sink);
    }
    if (found === 0) {
      sink.message('NO_DATA', 'error', 'No systeminfo field was recognized: expected lines such as "Total Physical Memory:     2,045 MB" in English, German, French, Russian or Spanish.');
    }
  },
};

interface LabelledValue {
  field: SystemField;
  label: string;
  value: string;
}

/** Longer than any systeminfo label in any language; bounds the work on a long line full of colons. */
const MAX_LABEL_LENGTH = 120;

/**
 * Splits `Label: value` at the first colon that ends a known label. Labels may contain colons themselves
 * (`Virtual Memory: Max Size:`), and values may too (`VM Monitor Mode Extensions: Yes`).
 */
function splitLabelLine(line: string): LabelledValue | undefined {
  if (/^\s/.test(line)) return undefined;
  const colon = /:(?=\s|$)/g;
  for (let match = colon.exec(line); match && match.index <= MAX_LABEL_LENGTH; match = colon.exec(line)) {
    const label = line.slice(0, match.index).trim();
    const field = fieldForLabel(label);
    if (field) return { field, label, value: line.slice(match.index + 1).trim() };
  }
  return undefined;
}
