import type { GuestState, SimProcess } from '../state.js';
import { emitGetProcessCsv, type GetProcessCsvOptions } from './getprocess-csv.js';
import { writePieces } from './write-pieces.js';

const BATCH = 1000;

/**
 * `Get-Process | Export-Csv` of a guest running `count` processes (a terminal server, a leak of processes),
 * in pieces: the guest's own processes over and over with fresh PIDs, each batch formatted by emitGetProcessCsv
 * (sorted within the batch) without its header lines.
 */
export function* getProcessCsvPieces(state: GuestState, count: number, options: GetProcessCsvOptions = {}): Generator<Buffer> {
  const header = emitGetProcessCsv({ ...state, processes: [] }, options);
  yield header;
  for (let start = 0; start < count; start += BATCH) {
    const processes = manyProcesses(state.processes, start, Math.min(BATCH, count - start));
    yield emitGetProcessCsv({ ...state, processes }, options).subarray(header.length);
  }
}

export async function writeGetProcessCsvFile(path: string, state: GuestState, count: number, options: GetProcessCsvOptions = {}): Promise<void> {
  await writePieces(path, getProcessCsvPieces(state, count, options));
}

/** Processes `start` … `start + n - 1` of the endless list: the guest's processes in turn, PIDs 4, 8, 12, … */
function manyProcesses(base: readonly SimProcess[], start: number, n: number): SimProcess[] {
  if (base.length === 0) throw new Error('the guest has no processes to repeat');
  return Array.from({ length: n }, (_, k) => ({ ...base[(start + k) % base.length]!, pid: 4 * (start + k + 1) }));
}
