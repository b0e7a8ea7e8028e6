import type { GuestState } from '../state.js';
import { systeminfoFields } from './systeminfo-fields.js';
import { encodeText, joinLines, quotedCsvLine, redirectEncoding } from './text.js';

/**
 * `systeminfo /fo csv > systeminfo.csv` from PowerShell: a blank line, the quoted header of localized labels,
 * one quoted row; multi-line values joined with commas inside their field (indents kept); CRLF.
 */
export function emitSysteminfoCsv(state: GuestState): Buffer {
  const fields = systeminfoFields(state);
  const lines = ['', quotedCsvLine(fields.map((f) => f.label)), quotedCsvLine(fields.map((f) => f.lines.join(',')))];
  return encodeText(joinLines(lines), redirectEncoding(state.powershell));
}
