import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { FIXTURES } from './corpus.js';
import { checkAnalysis, checkParsed, ingestBytes } from './invariants.js';
import { applyMutations, editText } from './mutations.js';
import { INJECTED_LINE } from './properties.js';

/**
 * The largest shapes the issue names, once per format: a long single line, 100,000 columns, 100,000-deep JSON.
 * Each must be read in bounded time (a quadratic scan of a 10 MB line took 40 s before it was fixed).
 */
const EXPORTS = join(FIXTURES, 'exports');
const FORMATS = readdirSync(EXPORTS).sort();
const MiB = 1024 * 1024;
const TIME_LIMIT_MS = 20_000;
/** Outputs of one short line: their detectors rightly refuse a file with more in it. */
const ONE_LINERS = new Set(['getprocess-sum', 'vmware-toolbox-balloon']);

function firstSample(format: string): { name: string; bytes: Uint8Array } {
  const file = readdirSync(join(EXPORTS, format)).sort()[0]!;
  return { name: `exports/${format}/${file}`, bytes: new Uint8Array(readFileSync(join(EXPORTS, format, file))) };
}

async function survives(name: string, bytes: Uint8Array, expectedFormat?: string): Promise<void> {
  const started = performance.now();
  const parsed = await ingestBytes(name, bytes);
  const elapsed = performance.now() - started;
  checkParsed(parsed, name);
  checkAnalysis([parsed], INJECTED_LINE);
  assert.ok(elapsed < TIME_LIMIT_MS, `${name} took ${Math.round(elapsed)} ms`);
  if (expectedFormat) assert.equal(parsed.format, expectedFormat, `${name} was no longer recognised`);
}

/** At the end of the file, in its own encoding: after the export's own lines, so the parser itself meets it. */
const withLineAtEnd = (bytes: Uint8Array, length: number, fill = 'A') => editText(bytes, (text) => `${text}\n${fill.repeat(Math.ceil(length / fill.length))}\n`);

describe('a 2 MB single line near the end of every format', () => {
  for (const format of FORMATS) {
    test(format, async () => {
      const sample = firstSample(format);
      await survives(sample.name, withLineAtEnd(sample.bytes, 2 * MiB), ONE_LINERS.has(format) ? undefined : format);
    });
  }
});

describe('a 10 MB single line in each family of reader', () => {
  for (const [format, fill] of [['getprocess-csv', '"'], ['systeminfo-list', ': '], ['cim-json', '{']] as const) {
    test(`${format}, filled with ${JSON.stringify(fill)}`, async () => {
      const sample = firstSample(format);
      await survives(sample.name, withLineAtEnd(sample.bytes, 10 * MiB, fill));
    });
  }
});

describe('100,000 columns in a header of every delimited format', () => {
  for (const format of ['getprocess-csv', 'pdh-csv', 'systeminfo-csv', 'driverquery-csv', 'pnpdevice-csv', 'rammap-table']) {
    test(format, async () => {
      const sample = firstSample(format);
      await survives(sample.name, applyMutations(sample.bytes, [{ op: 'columns', line: 0, count: 100_000, separator: ',' }]));
    });
  }
});

describe('JSON nested 100,000 deep', () => {
  for (const format of ['cim-json', 'hyperv-vm-json']) {
    test(format, async () => {
      const sample = firstSample(format);
      for (const object of [false, true]) await survives(sample.name, applyMutations(sample.bytes, [{ op: 'nest', depth: 100_000, object }]));
    });
  }
});
