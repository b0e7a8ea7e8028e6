import type { GuestState, SimCounter } from '../state.js';
import { hypervisorHostName } from './readings.js';
import { encodeText, joinLines, localTime, pad2, quotedCsvLine } from './text.js';

export interface PdhCsvOptions {
  /** Write the Hyper-V host's counters (`onHost`) instead of the guest's. */
  host?: boolean;
}

/**
 * A PDH-CSV counter log as `typeperf -cf counters.txt -si <interval> -o log.csv` writes it (formats.md §3.1):
 * the `(PDH-CSV 4.0) (<zone>)(<bias>)` header cell and `\\HOST\Object(Instance)\Counter` paths, then one row
 * per sample, local time as `MM/DD/YYYY HH:MM:SS.mmm`, every value quoted; ANSI text, CRLF. Undefined when
 * the state has no counters on that side.
 */
export function emitPdhCsv(state: GuestState, options: PdhCsvOptions = {}): Buffer | undefined {
  const counters = state.counters.filter((c) => (c.onHost ?? false) === (options.host ?? false));
  if (counters.length === 0) return undefined;
  const machine = options.host ? hypervisorHostName(state) : state.hostName;
  const header = [`(PDH-CSV 4.0) (${state.timeZone.name})(${state.timeZone.biasMinutes})`, ...counters.map((c) => counterPath(machine, c))];
  const samples = Math.max(...counters.map((c) => c.values.length));
  const rows: string[][] = [];
  for (let i = 0; i < samples; i++) {
    const at = localTime(state.startTime, i * state.intervalSeconds, state.timeZone.biasMinutes);
    const time = `${pad2(at.month)}/${pad2(at.day)}/${at.year} ${pad2(at.hour)}:${pad2(at.minute)}:${pad2(at.second)}.${String(at.millisecond).padStart(3, '0')}`;
    // A counter with fewer samples started later: PDH writes a single space for a sample it does not have.
    const offset = (c: SimCounter) => samples - c.values.length;
    rows.push([time, ...counters.map((c) => (i < offset(c) ? ' ' : pdhNumber(c.values[i - offset(c)]!)))]);
  }
  return encodeText(joinLines([header, ...rows].map((cells) => quotedCsvLine(cells))), 'utf8');
}

/** `\\HOST\Object(Instance)\Counter`. */
export function counterPath(machine: string, c: SimCounter): string {
  return `\\\\${machine}\\${c.object}${c.instance !== undefined ? `(${c.instance})` : ''}\\${c.counter}`;
}

/** PDH prints doubles invariantly, whole values without a fraction (`2441084928`, `11.296813511113458`). */
function pdhNumber(value: number): string {
  return Number.isInteger(value) ? value.toFixed(0) : String(value);
}
