import type { Argv, ArgumentsCamelCase } from 'yargs';
import { formatBytes } from '../../model/bytes.js';
import { loadBuiltInScenario, loadScenarioFile } from '../../simulate/load-scenario.js';
import { simulate } from '../../simulate/model.js';
import type { Simulation } from '../../simulate/model.js';
import { bundleOutput, isBundleFileName } from '../../simulate/write-bundle.js';
import { UsageError, writeOutput, writeOutputFolder } from '../output.js';

interface SimulateArgs {
  scenario?: string;
  model?: string;
  seed: number;
  set: string[];
  out: string;
  force: boolean;
}

export const command = 'simulate';
export const describe = 'Write the export bundle of a simulated guest, in the formats the real tools write';

export function builder(yargs: Argv): Argv<SimulateArgs> {
  return yargs
    .option('scenario', { type: 'string', describe: "A built-in scenario ('guestram scenarios' lists them)" })
    .option('model', { type: 'string', describe: "A scenario JSON file ('guestram schema scenario' describes it)" })
    .option('seed', { type: 'number', default: 1, describe: 'Same scenario + seed → byte-identical bundle' })
    .option('set', { type: 'string', array: true, default: [] as string[], describe: 'Override a scenario setting: key=value (dotted keys, JSON values)' })
    .option('out', { type: 'string', demandOption: true, describe: 'Folder to write the bundle into (new, empty, or a bundle simulate wrote); <out>.expected.json goes beside it' })
    .option('force', { type: 'boolean', default: false, describe: 'Write into a folder that holds other files (they are left as they are)' })
    .example('$0 simulate --scenario proxmox-basic-display --out /tmp/bundle', 'The classic case')
    .example('$0 simulate --scenario kvm-balloon --set balloon.sizeMiB=1024 --seed 7 --out b', 'A smaller balloon') as unknown as Argv<SimulateArgs>;
}

export async function handler(argv: ArgumentsCamelCase<SimulateArgs>): Promise<void> {
  if ((argv.scenario === undefined) === (argv.model === undefined)) throw new UsageError('Give exactly one of --scenario NAME or --model FILE.');
  if (!Number.isInteger(argv.seed) || argv.seed < 0) throw new UsageError('--seed must be a whole number ≥ 0.');
  const scenario = argv.scenario !== undefined ? loadBuiltInScenario(argv.scenario, argv.set) : loadScenarioFile(argv.model!, argv.set);
  const simulation = simulate(scenario, argv.seed);
  const written = await writeSimulatedBundle(simulation, argv.out, argv.force);
  const truth = Object.entries(simulation.truth.bytesByCause).map(([cause, bytes]) => `${cause} ${formatBytes(bytes!)}`).join(', ');
  process.stdout.write(`Wrote ${written.files.length} files to ${argv.out}: ${written.files.map((f) => f.name).join(', ')}\nGround truth (${written.expectedFile}): primary ${simulation.truth.primaryCause}; ${truth}\n`);
}

/** The bundle into `dir` and its ground truth beside it, through the one output module. */
export async function writeSimulatedBundle(simulation: Simulation, dir: string, force = false) {
  const output = bundleOutput(simulation, dir);
  await writeOutputFolder(dir, output.files, isBundleFileName, force);
  await writeOutput(output.expectedFile, output.expected);
  return output;
}
