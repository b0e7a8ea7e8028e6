import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Report } from '../../src/report/types.js';
import { ROOT, runCli } from '../helpers/cli.js';

/** What a case folder must give: the verdict, the primary cause with its band, the next evidence. */
export interface ExpectedCase {
  description: string;
  verdict: Report['summary']['verdict'];
  primaryCause: string;
  likely?: boolean;
  /** [min, max] of the primary finding's confidence, or null when there is none. */
  confidence: [number, number] | null;
  /** [min, max] of its bytes, or null. */
  bytes: [number, number] | null;
  /** The request id of the next evidence (the primary finding's, else the summary's), or null for none. */
  nextEvidence: string | null;
  exitCode?: number;
}

/** Every `<case>/` with a `<case>.expected.json` beside it under fixtures/<set>, checked through the built CLI. */
export function checkCases(set: string, minimum: number): void {
  const dir = join(ROOT, 'fixtures', set);
  const cases = existsSync(dir) ? readdirSync(dir).filter((name) => existsSync(join(dir, `${name}.expected.json`))).sort() : [];
  test(`fixtures/${set} holds at least ${minimum} cases`, () => assert.ok(cases.length >= minimum, `found ${cases.length}`));
  for (const name of cases) {
    describe(`${set}/${name}`, () => {
      const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as ExpectedCase;
      test(expected.description.slice(0, 120), () => {
        const { code, stdout, stderr } = runCli(['analyze', join(dir, name), '--format', 'json']);
        assert.equal(code, expected.exitCode ?? 0, stderr);
        const report = JSON.parse(stdout) as Report;
        const summary = `${report.summary.verdict}: ${report.summary.headline}`;
        assert.equal(report.summary.verdict, expected.verdict, summary);
        assert.equal(report.summary.primaryCause, expected.primaryCause, summary);
        const primary = report.findings.find((f) => f.cause === expected.primaryCause && f.severity !== 'info');
        if (expected.confidence) {
          assert.ok(primary, summary);
          const [low, high] = expected.confidence;
          assert.ok(primary.confidence >= low && primary.confidence <= high, `confidence ${primary.confidence} outside [${low}, ${high}]`);
        }
        if (expected.likely !== undefined && primary) assert.equal(primary.likely, expected.likely, `likely: ${primary.title}`);
        if (expected.bytes) {
          const [low, high] = expected.bytes;
          assert.ok(primary && primary.bytes >= low && primary.bytes <= high, `bytes ${primary?.bytes} outside [${low}, ${high}]`);
        }
        const next = primary?.nextEvidence ?? report.summary.nextEvidence;
        assert.equal(next?.request ?? null, expected.nextEvidence, `next evidence: ${JSON.stringify(next)}`);
        if (report.summary.verdict === 'healthy') assert.notEqual(report.summary.inUseBytes, null, 'healthy only when in use is known');
      });
    });
  }
}
