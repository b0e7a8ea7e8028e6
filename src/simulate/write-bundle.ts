import { basename, dirname, join } from 'node:path';
import type { GroundTruth, Simulation } from './model.js';
import { BUNDLE_FILE_NAMES, emitBundle, type BundleFile } from './emit/bundle.js';

export interface BundleOutput {
  files: BundleFile[];
  /** `<dir>.expected.json`, beside the folder (the fixtures' convention). */
  expectedFile: string;
  expected: string;
}

/** What the analyzer should find in a simulated bundle, beside it as `<dir>.expected.json` (the fixtures' convention). */
export function expectedJson(simulation: Simulation): string {
  const { truth, state } = simulation;
  const expected: { primaryCause: GroundTruth['primaryCause']; primaryBytes: number | null; exitCode: number; description: string; bytesByCause: GroundTruth['bytesByCause'] } = {
    primaryCause: truth.primaryCause,
    primaryBytes: truth.primaryCause === 'none' ? null : (truth.bytesByCause[truth.primaryCause] ?? null),
    exitCode: 0,
    description: `Simulated: scenario ${state.scenario}, seed ${state.seed}.`,
    bytesByCause: truth.bytesByCause,
  };
  return `${JSON.stringify(expected, null, 2)}\n`;
}

/** The bundle's files and its ground truth, for a folder `dir`; writing them is the CLI's output module's job. */
export function bundleOutput(simulation: Simulation, dir: string): BundleOutput {
  return { files: emitBundle(simulation.state), expectedFile: join(dirname(dir), `${basename(dir)}.expected.json`), expected: expectedJson(simulation) };
}

/** A file of a simulated bundle, by its name: a folder holding only these is one `simulate` wrote. */
export function isBundleFileName(name: string): boolean {
  return (BUNDLE_FILE_NAMES as readonly string[]).includes(name);
}
