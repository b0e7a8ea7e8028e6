import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePaths } from '../../../src/analyze.js';
import { ROOT } from '../../helpers/cli.js';
import { renderApp } from './harness.js';

const FIXTURE = 'fixtures/exports/getprocess-csv/ps7-escape-sequences-in-names.csv';

test('escape sequences in process names from an input file never reach the terminal', async () => {
  const report = await analyzePaths([`${ROOT}/${FIXTURE}`]);
  assert.ok(report.processes.some((p) => p.name.includes('\u001b[31m')), 'the fixture does carry an escape sequence into the report');
  const app = renderApp({ report });
  try {
    for (const tab of ['1', '4', '6']) {
      await app.press(tab);
      const raw = app.rawFrame();
      assert.doesNotMatch(raw, /\u001b/, `tab ${tab}: no ESC`);
      assert.doesNotMatch(raw, /\u0007/, `tab ${tab}: no BEL`);
      assert.doesNotMatch(raw, /\u009b/, `tab ${tab}: no CSI`);
    }
    await app.press('4');
    const frame = app.frame();
    assert.match(frame, /^. {1}evilred\s+4242/m, 'the name is shown without the sequence');
    assert.match(frame, /^ {2}titled\s+4343/m, 'an OSC title sequence is removed whole');
    assert.doesNotMatch(frame, /pwned/);
  } finally {
    app.unmount();
  }
});
