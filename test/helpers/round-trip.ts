import { analyzeParsed } from '../../src/analyze.js';
import { ingestOpened } from '../../src/ingest/ingest-file.js';
import { PARSERS } from '../../src/ingest/parsers/index.js';
import { inputFromBuffer } from '../../src/ingest/read.js';
import type { Report } from '../../src/report/types.js';
import { emitBundle } from '../../src/simulate/emit/bundle.js';
import { simulate, type Simulation } from '../../src/simulate/model.js';
import type { Scenario } from '../../src/simulate/scenario.js';

/** simulate → the files the real tools would write → analyze, all in memory. */
export async function roundTrip(scenario: Scenario, seed: number): Promise<{ simulation: Simulation; report: Report }> {
  const simulation = simulate(scenario, seed);
  const parsed = [];
  for (const file of emitBundle(simulation.state)) parsed.push(await ingestOpened(inputFromBuffer(`${scenario.name}/${file.name}`, file.content), PARSERS));
  return { simulation, report: analyzeParsed(parsed) };
}
