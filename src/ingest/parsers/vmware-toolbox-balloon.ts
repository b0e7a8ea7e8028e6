import { MiB } from '../../model/bytes.js';
import { parseSize } from '../sizes.js';
import type { Parser } from '../parser.js';

/**
 * `vmware-toolbox-cmd stat balloon`: the balloon size, e.g. `0 MB`. The exact wording is unconfirmed, so
 * `1024MB`, `Balloon: 1024 MB` and localized forms (`1 024 Mo`, `1.024 MB`) are accepted too.
 */
const SIZE_LINE = /^\s*(?:[A-Za-z ]*ball?oo?n[A-Za-z ]*[:=]?\s*)?(\d[\d\s\u00A0\u202F.,']*?)\s*(MB|MiB|Mo|МБ)\s*$/i;
/** A whole number, possibly with thousands grouping: the tool prints whole MB. */
const WHOLE = /^\d+$|^\d{1,3}(?:([\s\u00A0\u202F.,'])\d{3})(?:\1\d{3})*$/;
const COMMAND_ECHO = /stat\s+balloon/i;

function meaningfulLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
}

function sizeInBytes(amount: string, unit: string): number | undefined {
  const trimmed = amount.trim();
  if (WHOLE.test(trimmed)) return Number(trimmed.replace(/\D/g, '')) * MiB;
  return parseSize(`${trimmed} ${unit}`);
}

export const vmwareToolboxBalloon: Parser = {
  format: 'vmware-toolbox-balloon',
  title: 'vmware-toolbox-cmd stat balloon',
  sniff(head) {
    const lines = meaningfulLines(head);
    if (lines.length === 0 || lines.length > 4) return 0;
    const sizeLines = lines.map((line) => SIZE_LINE.exec(line)).filter((m) => m !== null);
    if (sizeLines.length !== 1) return 0;
    const match = sizeLines[0]!;
    if (/ball?oo?n/i.test(match[0]) || lines.some((line) => COMMAND_ECHO.test(line))) return 0.95;
    // A bare `N MB`: likely ours, but a Get-Process sum one-liner prints `1,531.43MB`, so decimals are not.
    return lines.length === 1 && WHOLE.test(match[1]!.trim()) ? 0.6 : 0;
  },
  async parse(input, sink) {
    for await (const { number, text } of input.lines()) {
      const match = SIZE_LINE.exec(text);
      if (!match) {
        if (/ball?oo?n/i.test(text) && !COMMAND_ECHO.test(text)) {
          sink.message('VALUE_INVALID', 'warning', `Expected a balloon size such as "0 MB", not "${text.trim()}".`, number);
        }
        continue;
      }
      const bytes = sizeInBytes(match[1]!, match[2]!);
      if (bytes === undefined) {
        sink.message('VALUE_INVALID', 'warning', `Expected a balloon size such as "0 MB", not "${text.trim()}".`, number);
        continue;
      }
      sink.fact({ kind: 'hypervisor', hypervisor: 'vmware', field: 'balloonSizeBytes', value: bytes, source: { file: input.file, line: number } });
      return;
    }
    sink.message('NO_DATA', 'error', 'No balloon size was found; expected the output of "vmware-toolbox-cmd stat balloon", such as "0 MB".');
  },
};
