import type { GuestState, SimCounter } from '../state.js';
import { emitPdhCsv, type PdhCsvOptions } from './pdh-csv.js';
import { writePieces } from './write-pieces.js';

const BATCH = 10_000;

/**
 * A typeperf log of `samples` rows (a day at 1 s is 86,400), in pieces: each counter's series repeated as long
 * as needed, each batch of rows formatted by emitPdhCsv from its own start time, without its header line.
 */
export function* pdhCsvPieces(state: GuestState, samples: number, options: PdhCsvOptions = {}): Generator<Buffer> {
  const header = emitPdhCsv({ ...state, counters: state.counters.map((c) => ({ ...c, values: [] })) }, options);
  if (!header) throw new Error('the guest has no counters on that side');
  yield header;
  const start = Date.parse(state.startTime);
  for (let first = 0; first < samples; first += BATCH) {
    const n = Math.min(BATCH, samples - first);
    const counters = state.counters.map((c) => ({ ...c, values: repeated(c, first, n) }));
    const startTime = new Date(start + first * state.intervalSeconds * 1000).toISOString();
    yield emitPdhCsv({ ...state, counters, startTime }, options)!.subarray(header.length);
  }
}

export async function writePdhCsvFile(path: string, state: GuestState, samples: number, options: PdhCsvOptions = {}): Promise<void> {
  await writePieces(path, pdhCsvPieces(state, samples, options));
}

function repeated(counter: SimCounter, first: number, n: number): number[] {
  const { values } = counter;
  if (values.length === 0) throw new Error(`the counter ${counter.counter} has no samples to repeat`);
  return Array.from({ length: n }, (_, i) => values[(first + i) % values.length]!);
}
