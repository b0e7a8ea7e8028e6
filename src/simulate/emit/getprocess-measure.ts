import type { GuestState } from '../state.js';
import { sumPm } from './readings.js';
import { encodeText, joinLines, redirectEncoding } from './text.js';

/**
 * `Get-Process | Measure-Object PM -Sum > pm.txt`: a GenericMeasureInfo in list form (formats.md §2.6). Only
 * Count and Sum are computed; the other statistics print empty. PS 7 adds StandardDeviation, which widens the
 * name column. Sum is a double of whole bytes, printed without grouping.
 */
export function emitGetProcessMeasure(state: GuestState): Buffer {
  const names = ['Count', 'Average', 'Sum', 'Maximum', 'Minimum', ...(state.powershell === '7' ? ['StandardDeviation'] : []), 'Property'];
  const values: Record<string, string> = { Count: String(state.processes.length), Sum: String(sumPm(state)), Property: 'PM' };
  const width = Math.max(...names.map((n) => n.length));
  const lines = ['', ...names.map((name) => `${name.padEnd(width)} : ${values[name] ?? ''}`), '', ''];
  return encodeText(joinLines(lines), redirectEncoding(state.powershell));
}
