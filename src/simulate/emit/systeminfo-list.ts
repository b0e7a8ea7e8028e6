import type { GuestState } from '../state.js';
import { labelWidth, systeminfoFields } from './systeminfo-fields.js';
import { encodeText, joinLines, redirectEncoding } from './text.js';

/**
 * `systeminfo > systeminfo.txt` from PowerShell (5.1: UTF-16LE with BOM; 7: UTF-8): a blank line, then
 * `Label:` padded to one value column per language, multi-line values continued at that column; CRLF.
 */
export function emitSysteminfoList(state: GuestState): Buffer {
  const width = labelWidth(state.locale);
  const lines = [''];
  for (const { label, lines: values } of systeminfoFields(state)) {
    const [first = '', ...rest] = values;
    lines.push(first === '' ? `${label}:` : `${`${label}:`.padEnd(width - 1)} ${first}`);
    for (const more of rest) lines.push(' '.repeat(width) + more);
  }
  return encodeText(joinLines(lines), redirectEncoding(state.powershell));
}
