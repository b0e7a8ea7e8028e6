import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { analyzePaths } from '../../src/analyze.js';
import type { Report } from '../../src/report/types.js';
import { FIXTURES } from '../helpers/parse.js';

/**
 * fixtures/bundles/localized/<case>.<locale>/ is <case> as a Russian or German Windows writes it (made by
 * scripts/localize-bundles.ts: translated labels, counter paths and device names, culture numbers and dates,
 * OEM/ANSI code pages, 5.1 Export-Csv's `?` for Cyrillic). A twin holds only the files a language changes; the
 * English bundle's other files (RAMMap snapshot, hypervisor configs) complete it. Each must give the findings of
 * the English bundle.
 */
const LOCALIZED = join(FIXTURES, 'bundles', 'localized');
const twins = existsSync(LOCALIZED) ? readdirSync(LOCALIZED).sort() : [];

function findings(report: Report) {
  return report.findings.map((f) => ({ cause: f.cause, bytes: f.bytes, severity: f.severity, confidence: f.confidence }));
}

function inputs(report: Report) {
  return report.inputs.map((i) => ({ file: basename(i.path), format: i.format, status: i.status })).sort((a, b) => a.file.localeCompare(b.file));
}

test('every bundle has a Russian and a German twin', () => {
  const cases = readdirSync(join(FIXTURES, 'bundles')).filter((n) => existsSync(join(FIXTURES, 'bundles', `${n}.expected.json`)));
  for (const name of cases.filter((n) => !['unrecognized-only', 'ru-seed-basic-display'].includes(n))) {
    for (const locale of ['ru-RU', 'de-DE']) assert.ok(twins.includes(`${name}.${locale}`), `${name}.${locale}`);
  }
});

for (const twin of twins) {
  const english = twin.replace(/\.[a-z]{2}-[A-Z]{2}$/, '');
  test(`${twin} gives the findings of ${english}`, async () => {
    const englishDir = join(FIXTURES, 'bundles', english);
    const localized = readdirSync(join(LOCALIZED, twin));
    const unchanged = readdirSync(englishDir).filter((file) => !localized.includes(file)).map((file) => join(englishDir, file));
    const [expected, actual] = await Promise.all([analyzePaths([englishDir]), analyzePaths([join(LOCALIZED, twin), ...unchanged])]);
    assert.equal(actual.summary.primaryCause, expected.summary.primaryCause);
    assert.deepEqual(findings(actual), findings(expected));
    assert.deepEqual(inputs(actual), inputs(expected));
  });
}
