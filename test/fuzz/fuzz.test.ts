import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import fc from 'fast-check';
import type { Sample } from './corpus.js';
import { TEST_LIMITS } from './mutations.js';
import { bundleProperty, loadCorpus, singleFileProperty, type BundleBaseline } from './properties.js';

// A fixed seed keeps `npm test` repeatable; `npm run fuzz -- --runs N` explores with new seeds.
const SEED = 20251123;
const SINGLE_RUNS = 2000;
const BUNDLE_RUNS = 40;

let samples: Sample[] = [];
let baselines: BundleBaseline[] = [];

before(async () => {
  ({ samples, baselines } = await loadCorpus(512 * 1024));
});

test('the corpus covers every format directory and every bundle', () => {
  const formats = new Set(samples.filter((s) => s.name.startsWith('exports/')).map((s) => s.name.split('/')[1]));
  assert.ok(formats.size >= 20, `only ${formats.size} formats`);
  assert.ok(baselines.length >= 7, `only ${baselines.length} bundles`);
});

test(`${SINGLE_RUNS} mutated exports: no exception, every message placed and documented, no bad size, safe reports`, async () => {
  await fc.assert(singleFileProperty(samples, TEST_LIMITS), { seed: SEED, numRuns: SINGLE_RUNS });
});

test(`${BUNDLE_RUNS} bundles with one file mutated: the other files read exactly as before`, async () => {
  await fc.assert(bundleProperty(baselines, TEST_LIMITS), { seed: SEED, numRuns: BUNDLE_RUNS });
});
