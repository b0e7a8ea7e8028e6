/**
 * Fuzzes every parser and the detector with mutated fixtures (see test/fuzz/).
 *   npm run fuzz -- --runs 100000 [--seed 42] [--only single|bundle] [--big]
 * --runs is the total number of cases: nine in ten mutate one export, one in ten one file of a whole bundle.
 * --big lets mutations reach the full sizes (10 MB lines, 100k columns, 100k-deep JSON); slower per case.
 */
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { FUZZ_LIMITS, TEST_LIMITS } from '../test/fuzz/mutations.js';
import { bundleProperty, loadCorpus, singleFileProperty } from '../test/fuzz/properties.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    only: { type: 'string' },
    big: { type: 'boolean', default: false },
  },
});

const runs = Number(values.runs);
if (!Number.isSafeInteger(runs) || runs < 1) {
  console.error(`--runs must be a positive whole number, not "${values.runs}"`);
  process.exit(2);
}
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const limits = values.big ? FUZZ_LIMITS : TEST_LIMITS;
const { samples, baselines } = await loadCorpus();

interface Outcome {
  failed: boolean;
  numRuns: number;
  report: string;
}

function summarize<T>(result: fc.RunDetails<T>): Outcome {
  if (!result.failed) return { failed: false, numRuns: result.numRuns, report: '' };
  const error = result.errorInstance as Error | undefined;
  return { failed: true, numRuns: result.numRuns, report: `${fc.defaultReportMessage(result)?.slice(0, 5_000)}\n${String(error?.message ?? error).slice(0, 5_000)}` };
}

const plan = [
  { name: 'single', runs: values.only === 'bundle' ? 0 : values.only === 'single' ? runs : Math.ceil(runs * 0.9), check: (numRuns: number) => fc.check(singleFileProperty(samples, limits), { numRuns, seed }).then(summarize) },
  { name: 'bundle', runs: values.only === 'single' ? 0 : values.only === 'bundle' ? runs : Math.floor(runs * 0.1), check: (numRuns: number) => fc.check(bundleProperty(baselines, limits), { numRuns, seed }).then(summarize) },
].filter((p) => p.runs > 0);

console.log(`fuzzing ${samples.length} samples and ${baselines.length} bundles, seed ${seed}, limits ${JSON.stringify(limits)}`);
const started = performance.now();
let total = 0;
let failed = false;
for (const step of plan) {
  const stepStart = performance.now();
  const result = await step.check(step.runs);
  total += result.numRuns;
  const seconds = ((performance.now() - stepStart) / 1000).toFixed(1);
  if (result.failed) {
    failed = true;
    console.log(`${step.name}: FAILED after ${result.numRuns} cases (${seconds} s)`);
    console.log(result.report);
    break;
  }
  console.log(`${step.name}: ${result.numRuns} cases passed in ${seconds} s`);
}
const elapsed = (performance.now() - started) / 1000;
console.log(`${failed ? 'FAILED' : 'passed'}: ${total} cases in ${elapsed.toFixed(1)} s (seed ${seed})`);
process.exit(failed ? 1 : 0);
