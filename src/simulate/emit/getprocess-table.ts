import { KiB, MiB } from '../../model/bytes.js';
import type { GuestState, SimProcess } from '../state.js';
import { getProcessOrder } from './readings.js';
import { divideRoundHalfEven, encodeText, formatScaled, formatTable, joinLines, redirectEncoding, type TableColumn } from './text.js';

/** The `process` table view of Windows PowerShell 5.1 (DotNetTypes.format.ps1xml): K columns, [long] casts. */
const PS51: TableColumn[] = [
  { label: 'Handles', width: 7, align: 'right' },
  { label: 'NPM(K)', width: 7, align: 'right' },
  { label: 'PM(K)', width: 8, align: 'right' },
  { label: 'WS(K)', width: 10, align: 'right' },
  { label: 'CPU(s)', width: 10, align: 'right' },
  { label: 'Id', width: 6, align: 'right' },
  { label: 'SI', width: 3, align: 'right' },
  { label: 'ProcessName', align: 'left' },
];

/** PowerShell 7's view: no Handles, PM/WS in MB with two decimals (`"{0:N2}" -f [float]…`). */
const PS7: TableColumn[] = [
  { label: 'NPM(K)', width: 7, align: 'right' },
  { label: 'PM(M)', width: 8, align: 'right' },
  { label: 'WS(M)', width: 10, align: 'right' },
  { label: 'CPU(s)', width: 10, align: 'right' },
  { label: 'Id', width: 7, align: 'right' },
  { label: 'SI', width: 3, align: 'right' },
  { label: 'ProcessName', align: 'left' },
];

/**
 * `Get-Process > processes.txt`: the default table, redirected (5.1: UTF-16LE with BOM; 7: UTF-8), CRLF.
 * Numbers follow the guest's culture; CPU(s) is blank for processes the user cannot open.
 */
export function emitGetProcessTable(state: GuestState): Buffer {
  const ps51 = state.powershell === '5.1';
  const rows = getProcessOrder(state.processes).map((p) => (ps51 ? row51(p, state) : row7(p, state)));
  const lines = formatTable(ps51 ? PS51 : PS7, rows, state.powershell);
  return encodeText(joinLines(lines), redirectEncoding(state.powershell));
}

function row51(p: SimProcess, state: GuestState): string[] {
  const kib = (bytes: number) => String(divideRoundHalfEven(bytes, KiB));
  const cpu = p.path === undefined ? '' : formatScaled(Math.round(p.cpuSeconds * 100), 2, state.locale);
  return [String(p.handles), kib(p.npmBytes), kib(p.pmBytes), kib(p.wsBytes), cpu, String(p.pid), String(p.sessionId), p.name];
}

function row7(p: SimProcess, state: GuestState): string[] {
  const n2Single = (value: number) => formatScaled(singleHundredths(value), 2, state.locale);
  const cpu = p.path === undefined ? '' : n2Single(p.cpuSeconds);
  return [String(divideRoundHalfEven(p.npmBytes, KiB)), n2Single(p.pmBytes / MiB), n2Single(p.wsBytes / MiB), cpu, String(p.pid), String(p.sessionId), p.name];
}

/**
 * "N2" of a value cast to [float] (System.Single), as PS 7's view does: the single's exact value rounded half
 * away from zero. A single has 24 significant bits, so × 100 (and + 0.5 where it matters) stays exact in a double.
 */
function singleHundredths(value: number): number {
  const hundredths = Math.fround(value) * 100;
  return Math.floor(hundredths + 0.5);
}
