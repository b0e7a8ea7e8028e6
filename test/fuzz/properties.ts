import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ParsedFile } from '../../src/ingest/ingest-file.js';
import type { Report } from '../../src/report/types.js';
import { loadBundles, loadSamples, type Bundle, type Sample } from './corpus.js';
import { checkAnalysis, checkParsed, ingestBytes } from './invariants.js';
import { applyMutations, mutationsArbitrary, type MutationLimits } from './mutations.js';

/** Text that must never start a line of its own in a report: it comes after a newline inside a file name. */
export const INJECTED_LINE = 'INJECTED-LINE';

/** File names as hostile as the content: escapes, a bidi override, Markdown and HTML, a newline. */
const HOSTILE_NAMES = [
  (name: string) => `evil\u001b]0;owned\u0007\u001b[2J${name}`,
  (name: string) => `a|b[click](http://e.vil)<img src=x onerror=alert(1)>\`code\`*${name}`,
  (name: string) => `\u202eexe.${name}\n${INJECTED_LINE}`,
  (name: string) => `dir\r\n${INJECTED_LINE}\u009b31m${name}`,
];

const nameArbitrary = fc.option(fc.nat({ max: HOSTILE_NAMES.length - 1 }), { freq: 4 });

function fileName(name: string, hostile: number | null): string {
  return hostile === null ? name : HOSTILE_NAMES[hostile]!(name);
}

/**
 * One export, mutated: detection and parsing never throw, every message is documented and placed, no bad size
 * reaches the snapshot, and the report renders without control characters or broken tables.
 */
export function singleFileProperty(samples: Sample[], limits: MutationLimits) {
  return fc.asyncProperty(fc.nat({ max: samples.length - 1 }), mutationsArbitrary(limits), nameArbitrary, async (index, mutations, hostile) => {
    const sample = samples[index]!;
    const name = fileName(sample.name, hostile);
    const bytes = applyMutations(sample.bytes, mutations);
    const parsed = await ingestBytes(name, bytes);
    checkParsed(parsed, name, bytes);
    checkAnalysis([parsed], INJECTED_LINE);
  });
}

export interface BundleBaseline {
  bundle: Bundle;
  parsed: ParsedFile[];
  report: Report;
}

export async function bundleBaselines(bundles: Bundle[]): Promise<BundleBaseline[]> {
  const baselines: BundleBaseline[] = [];
  for (const bundle of bundles) {
    const parsed: ParsedFile[] = [];
    for (const file of bundle.files) parsed.push(await ingestBytes(file.name, file.bytes));
    baselines.push({ bundle, parsed, report: checkAnalysis(parsed, INJECTED_LINE) });
  }
  return baselines;
}

const withoutConflicts = (file: { messages: ParsedFile['messages'] } | undefined) => file?.messages.filter((m) => m.code !== 'CONFLICTING_SOURCES');

/**
 * One file of a whole bundle mutated: the others parse exactly as before (no state leaks from a broken file
 * into the next), and in the report they keep their messages; only a conflict with the mutated file may be added.
 */
export function bundleProperty(baselines: BundleBaseline[], limits: MutationLimits) {
  const pick = fc.nat({ max: baselines.length - 1 }).chain((b) => fc.tuple(fc.constant(b), fc.nat({ max: baselines[b]!.bundle.files.length - 1 })));
  return fc.asyncProperty(pick, mutationsArbitrary(limits), async ([b, victim], mutations) => {
    const { bundle, parsed: baseline, report: before } = baselines[b]!;
    const target = bundle.files[victim]!;
    const bytes = applyMutations(target.bytes, mutations);
    const mutated = await ingestBytes(target.name, bytes);
    checkParsed(mutated, target.name, bytes);
    const parsed: ParsedFile[] = [];
    for (const [i, file] of bundle.files.entries()) {
      if (i === victim) {
        parsed.push(mutated);
        continue;
      }
      const again = await ingestBytes(file.name, file.bytes);
      assert.deepEqual(again, baseline[i], `${file.name} parsed differently after ${target.name} was mutated`);
      parsed.push(again);
    }
    const after = checkAnalysis(parsed, INJECTED_LINE);
    for (const file of bundle.files) {
      if (file === target) continue;
      const was = before.inputs.find((i) => i.path === file.name);
      const now = after.inputs.find((i) => i.path === file.name);
      assert.deepEqual(withoutConflicts(now), withoutConflicts(was), `${file.name}: its messages changed because ${target.name} was mutated`);
    }
  });
}

/** The fixtures to mutate; `maxSampleBytes` leaves the multi-megabyte bundle snapshots to the bundle property. */
export async function loadCorpus(maxSampleBytes = Infinity): Promise<{ samples: Sample[]; baselines: BundleBaseline[] }> {
  return { samples: loadSamples().filter((s) => s.bytes.length <= maxSampleBytes), baselines: await bundleBaselines(loadBundles()) };
}
