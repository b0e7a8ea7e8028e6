import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { detectFormat } from '../../src/ingest/detect.js';
import { PARSERS } from '../../src/ingest/parsers/index.js';
import { inputFromBuffer } from '../../src/ingest/read.js';
import { FIXTURES, readFixture } from '../helpers/parse.js';

const EXPORTS = join(FIXTURES, 'exports');

/** Fixtures that are deliberately not recognisable as their folder's format, and why. */
const NOT_DETECTABLE = new Set<string>([
  // "Balloon: unknown" carries no number: the parser reports it when called directly, but nothing marks it as a toolbox output.
  'exports/vmware-toolbox-balloon/no-number.txt',
]);

test('every export fixture is detected as the format of its folder, by content alone', () => {
  const wrong: string[] = [];
  let checked = 0;
  for (const format of readdirSync(EXPORTS).sort()) {
    for (const name of readdirSync(join(EXPORTS, format)).sort()) {
      const relative = `exports/${format}/${name}`;
      if (NOT_DETECTABLE.has(relative)) continue;
      // A neutral name: detection must not depend on the file name or extension.
      const opened = inputFromBuffer('input', readFixture(relative));
      const detected = opened.ok ? detectFormat(opened.input.head, PARSERS)?.parser.format ?? 'none' : `unreadable (${opened.message.code})`;
      checked++;
      if (detected !== format) wrong.push(`${relative} → ${detected}`);
    }
  }
  assert.deepEqual(wrong, []);
  assert.ok(checked >= PARSERS.length * 2, `only ${checked} fixtures checked`);
});

test('every parser has at least two fixtures', () => {
  const folders = new Set(readdirSync(EXPORTS));
  const missing = PARSERS.map((p) => p.format).filter((f) => !folders.has(f) || readdirSync(join(EXPORTS, f)).length < 2);
  assert.deepEqual(missing, []);
});

test('text nobody exported is not claimed', () => {
  for (const text of ['Hello, this is a README.\nNothing to see.\n', '{"name":"package","version":"1.0.0"}', 'a,b,c\n1,2,3\n', '']) {
    const opened = inputFromBuffer('input', text);
    if (!opened.ok) continue;
    assert.equal(detectFormat(opened.input.head, PARSERS), undefined, JSON.stringify(text));
  }
});
