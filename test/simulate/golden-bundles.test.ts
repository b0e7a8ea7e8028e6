import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzePaths } from '../../src/analyze.js';
import { emitBundle } from '../../src/simulate/emit/bundle.js';
import { loadBuiltInScenario } from '../../src/simulate/load-scenario.js';
import { simulate } from '../../src/simulate/model.js';
import { expectedJson } from '../../src/simulate/write-bundle.js';
import { FIXTURES } from '../helpers/parse.js';

const SIMULATED = join(FIXTURES, 'simulated');
const manifest = JSON.parse(readFileSync(join(SIMULATED, 'manifest.json'), 'utf8')) as { folder: string; scenario: string; seed: number; set: string[] }[];

for (const entry of manifest) {
  test(`simulated bundle ${entry.folder} regenerates byte for byte and analyzes to its truth`, async () => {
    const simulation = simulate(loadBuiltInScenario(entry.scenario, entry.set), entry.seed);
    const files = emitBundle(simulation.state);
    const folder = join(SIMULATED, entry.folder);
    assert.deepEqual(files.map((f) => f.name).sort(), readdirSync(folder).sort());
    for (const file of files) assert.ok(file.content.equals(readFileSync(join(folder, file.name))), `${entry.folder}/${file.name} differs`);
    assert.equal(expectedJson(simulation), readFileSync(`${folder}.expected.json`, 'utf8'));

    const report = await analyzePaths([folder]);
    assert.equal(report.summary.primaryCause, simulation.truth.primaryCause);
    const truth = simulation.truth.bytesByCause[simulation.truth.primaryCause as keyof typeof simulation.truth.bytesByCause]!;
    const found = report.findings.find((f) => f.cause === simulation.truth.primaryCause)!;
    assert.ok(Math.abs(found.bytes - truth) <= truth * 0.05, `${found.bytes} vs truth ${truth}`);
  });
}
