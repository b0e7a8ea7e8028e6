import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const SNAPSHOTS = join(import.meta.dirname, '..', 'snapshots');

/** Compares text with a golden file under test/snapshots; `U=1 npm test` rewrites it. */
export function assertGolden(name: string, actual: string): void {
  const path = join(SNAPSHOTS, name);
  if (process.env.U === '1' || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    if (process.env.U !== '1') assert.fail(`golden file ${name} did not exist; it was written now — review it and run again`);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8'), `differs from test/snapshots/${name} (U=1 npm test to accept)`);
}
