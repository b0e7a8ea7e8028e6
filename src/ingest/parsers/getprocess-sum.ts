import { unitFactor, toBytes } from '../../model/bytes.js';
import { parseNumber } from '../numbers.js';
import type { Parser } from '../parser.js';
import { n2Decimal } from './getprocess-shared.js';

/**
 * The one-line answer of `"{0:N2}MB" -f ((Get-Process | Measure-Object PM -Sum).Sum / 1MB)`: `1,531.43MB`,
 * `1 531,43MB`, `1.531,43 MB`, maybe `GB`, maybe next to a label such as `PM sum:`.
 */
// The label must not end in a digit or separator, or `1 531,43MB` would read as label `1` and amount `531,43`.
const AMOUNT = /^(?:(.*?[^\d\s.,'])[\s:=]+)?([-+]?\d[\d\s.,']*?)\s*([KMGT]i?B)$/i;
const WORKING_SET = /\b(WS|WorkingSet(64)?|working\s+set)\b/i;
const MAX_LINES = 6;
const MAX_LINE_LENGTH = 80;

interface Amount {
  line: number;
  bytes: number;
  property: 'PM' | 'WS';
  text: string;
}

export const getprocessSum: Parser = {
  format: 'getprocess-sum',
  title: 'Get-Process PM sum one-liner ("{0:N2}MB")',
  sniff(head) {
    const lines = head.split(/\r\n|\r|\n/).map((l) => l.trim()).filter((l) => l !== '');
    if (lines.length === 0 || lines.length > MAX_LINES || lines.some((l) => l.length > MAX_LINE_LENGTH)) return 0;
    const amounts = lines.map((l) => AMOUNT.exec(l)).filter((m) => m !== null);
    if (amounts.length === 0) return 0;
    // Anything else in the file must be a short label, not more data.
    if (lines.some((l) => !AMOUNT.test(l) && (l.length > 40 || /\d/.test(l)))) return 0;
    return amounts.every((m) => n2Decimal(m[2]!) !== undefined) ? 0.92 : 0.3;
  },
  async parse(input, sink) {
    const amounts: Amount[] = [];
    let label = '';
    for await (const { number, text } of input.lines()) {
      const trimmed = text.trim();
      if (trimmed === '') continue;
      const match = AMOUNT.exec(trimmed);
      if (!match) {
        label = trimmed;
        continue;
      }
      const number_ = match[2]!.trim();
      const decimal = n2Decimal(number_);
      const value = parseNumber(number_, decimal ? { decimal } : {});
      const factor = unitFactor(match[3]!);
      if (value === undefined || value < 0 || factor === undefined) {
        sink.message('VALUE_INVALID', 'warning', `"${trimmed}" is not a size such as 1,531.43MB.`, number);
        continue;
      }
      const context = `${label} ${match[1] ?? ''}`;
      amounts.push({ line: number, bytes: toBytes(value, factor), property: WORKING_SET.test(context) ? 'WS' : 'PM', text: trimmed });
      label = '';
    }
    if (amounts.length === 0) {
      sink.message('NO_DATA', 'warning', 'No sum such as 1,531.43MB was found in this file.');
      return;
    }
    for (const property of ['PM', 'WS'] as const) {
      const ofProperty = amounts.filter((a) => a.property === property);
      const chosen = ofProperty.at(-1);
      if (!chosen) continue;
      const different = ofProperty.filter((a) => a.bytes !== chosen.bytes);
      if (different.length > 0) {
        sink.message(
          'CONFLICTING_SOURCES',
          'warning',
          `The file holds ${ofProperty.length} different ${property} sums (${ofProperty.map((a) => a.text).join(', ')}); the last one, ${chosen.text}, was used.`,
          chosen.line,
        );
      }
      sink.fact({ kind: 'process-sum', property, bytes: chosen.bytes, source: { file: input.file, line: chosen.line } });
    }
  },
};
