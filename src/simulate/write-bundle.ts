import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { GroundTruth, Simulation } from './model.js';
import { emitBundle } from './emit/bundle.js';

export interface WrittenBundle {
  dir: string;
  files: string[];
  expectedFile: string;
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

/** Writes the bundle's files into `dir` (created if needed; refuses a folder holding other files). */
export async function writeBundle(simulation: Simulation, dir: string): Promise<WrittenBundle> {
  const files = emitBundle(simulation.state);
  await mkdir(dir, { recursive: true });
  const names = new Set(files.map((f) => f.name));
  const strangers = (await readdir(dir)).filter((name) => !names.has(name));
  if (strangers.length > 0) throw new Error(`${dir} already holds other files (${strangers.slice(0, 3).join(', ')}); give an empty or new folder.`);
  for (const file of files) await writeFile(join(dir, file.name), file.content);
  const expectedFile = join(dirname(dir), `${basename(dir)}.expected.json`);
  await writeFile(expectedFile, expectedJson(simulation));
  return { dir, files: files.map((f) => f.name), expectedFile };
}
