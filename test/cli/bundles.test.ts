import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Ajv } from 'ajv';
import { REPORT_SCHEMA } from '../../src/report/schema.js';
import type { Report } from '../../src/report/types.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { assertGolden } from '../helpers/golden.js';

interface Expected {
  primaryCause: string;
  primaryBytes: number | null;
  exitCode: number;
}

const BUNDLES = join(ROOT, 'fixtures', 'bundles');
const cases = existsSync(BUNDLES) ? readdirSync(BUNDLES).filter((name) => existsSync(join(BUNDLES, `${name}.expected.json`))).sort() : [];
const validate = new Ajv({ strict: false }).compile(REPORT_SCHEMA);

test('there are whole-guest bundles to test', () => {
  assert.ok(cases.length >= 7, `found ${cases.length}`);
});

for (const name of cases) {
  describe(`bundle ${name}`, () => {
    const expected = JSON.parse(readFileSync(join(BUNDLES, `${name}.expected.json`), 'utf8')) as Expected;
    const folder = `fixtures/bundles/${name}`;

    test('JSON: primary cause, its bytes, exit code, schema-valid, golden', () => {
      const { code, stdout, stderr } = runCli(['analyze', folder, '--format', 'json']);
      assert.equal(code, expected.exitCode, stderr);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
      const report = JSON.parse(stdout) as Report;
      assert.ok(validate(report), JSON.stringify(validate.errors));
      assert.equal(report.summary.primaryCause, expected.primaryCause, report.summary.headline);
      const primary = report.findings.find((f) => f.cause === expected.primaryCause && f.severity !== 'info');
      assert.equal(primary?.bytes ?? null, expected.primaryBytes);
      assertGolden(`bundles/${name}.json`, stdout);
    });

    test('Markdown checklist, golden', () => {
      const { code, stdout } = runCli(['analyze', folder, '--format', 'md']);
      assert.equal(code, expected.exitCode);
      assertGolden(`bundles/${name}.md`, stdout);
    });

    test('text: prints the headline', () => {
      const { code, stdout } = runCli(['analyze', folder]);
      assert.equal(code, expected.exitCode);
      const json = JSON.parse(runCli(['analyze', folder, '--format', 'json']).stdout) as Report;
      assert.ok(stdout.includes(json.summary.headline), 'the text report carries the headline');
    });
  });
}
