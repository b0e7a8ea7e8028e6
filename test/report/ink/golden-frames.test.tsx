import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TABS } from '../../../src/report/ink/tabs.js';
import { assertGolden } from '../../helpers/golden.js';
import { bundleReport } from './bundles.js';
import { renderApp } from './harness.js';

const BUNDLES = ['proxmox-basic-display', 'healthy-standby'];
const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 60, rows: 24 },
];

for (const bundle of BUNDLES) {
  describe(`Ink frames of ${bundle}`, () => {
    for (const size of SIZES) {
      test(`every tab at ${size.columns}×${size.rows}: golden, within the terminal`, async () => {
        const app = renderApp({ report: await bundleReport(bundle) }, size);
        try {
          for (const [i, tab] of TABS.entries()) {
            await app.press(String(i + 1));
            const frame = app.frame();
            const rows = frame.split('\n');
            assert.ok(rows.length <= size.rows - 1, `${tab.id}: ${rows.length} rows`);
            for (const row of rows) assert.ok(Array.from(row).length <= size.columns, `${tab.id}: row wider than ${size.columns}: ${row}`);
            assertGolden(`ink/${bundle}/${tab.id}-${size.columns}x${size.rows}.txt`, `${frame}\n`);
          }
        } finally {
          app.unmount();
        }
      });
    }
  });
}
