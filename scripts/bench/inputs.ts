import { join } from 'node:path';
import { getProcessCsvPieces } from '../../src/simulate/emit/getprocess-csv-stream.js';
import { pdhCsvPieces } from '../../src/simulate/emit/pdh-csv-stream.js';
import { writeRmpFileFromState } from '../../src/simulate/emit/rammap-rmp-stream.js';
import { writePieces } from '../../src/simulate/emit/write-pieces.js';
import { loadBuiltInScenario } from '../../src/simulate/load-scenario.js';
import { simulate } from '../../src/simulate/model.js';
import type { GuestState, SimCounter } from '../../src/simulate/state.js';
import { writeSimulatedBundle } from '../../src/cli/commands/simulate.js';

/** A 4 GiB Proxmox guest (the reported case) scaled to `gib`, with processes holding a third of it. */
export function guest(gib: number): GuestState {
  const mib = gib * 1024;
  const scenario = loadBuiltInScenario('proxmox-basic-display', [`memoryMiB=${mib}`, `processes.privateMiB=${Math.round(mib / 3)}`]);
  return simulate(scenario, 1).state;
}

export async function writeRmp(dir: string, gib: number): Promise<string> {
  const path = join(dir, `snapshot-${gib}gib.rmp`);
  await writeRmpFileFromState(path, guest(gib));
  return path;
}

export async function writeProcessCsv(dir: string, count: number): Promise<string> {
  const path = join(dir, `processes-${count}.csv`);
  await writePieces(path, getProcessCsvPieces(guest(4), count));
  return path;
}

/** A week at 1 s: the guest's memory counters plus per-process working sets, `counters` columns in all. */
export async function writeCounterLog(dir: string, samples: number, counters: number): Promise<string> {
  const state = guest(4);
  const own = state.counters.filter((c) => !c.onHost);
  const extra: SimCounter[] = state.processes.slice(0, Math.max(0, counters - own.length)).map((p) => ({
    object: 'Process',
    instance: p.name,
    counter: 'Working Set',
    values: [p.wsBytes, p.wsBytes + 4096, p.wsBytes - 8192],
  }));
  const path = join(dir, `counters-${samples}x${counters}.csv`);
  await writePieces(path, pdhCsvPieces({ ...state, intervalSeconds: 1, counters: [...own, ...extra].slice(0, counters) }, samples));
  return path;
}

export async function writeTypicalBundle(dir: string): Promise<string> {
  const scenario = loadBuiltInScenario('proxmox-basic-display');
  const bundle = join(dir, 'bundle');
  await writeSimulatedBundle(simulate(scenario, 1), bundle);
  return bundle;
}
