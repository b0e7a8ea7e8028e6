import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs, { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import fsPromises from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzePaths } from '../../src/analyze.js';
import { ROOT, runCli } from '../helpers/cli.js';

const BUNDLES = join(ROOT, 'fixtures', 'bundles');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Content hash, size and modification time of every file: what "untouched" means. */
function fingerprint(): Map<string, string> {
  return new Map(filesUnder(BUNDLES).map((path) => {
    const info = statSync(path);
    return [path, `${createHash('sha256').update(readFileSync(path)).digest('hex')} ${info.size} ${info.mtimeMs}`];
  }));
}

test('analyzing every bundle and writing the report with --out leaves each input byte for byte as it was', () => {
  const before = fingerprint();
  assert.ok(before.size >= 40, `only ${before.size} input files`);
  const out = mkdtempSync(join(tmpdir(), 'guestram-out-'));
  try {
    const result = runCli(['analyze', BUNDLES, '--format', 'md', '--out', join(out, 'report.md')]);
    assert.equal(result.code, 0, result.stderr);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  assert.deepEqual(fingerprint(), before);
});

test('input files are only ever opened for reading', async (t) => {
  const flags: string[] = [];
  const record = (flag: unknown) => flags.push(flag === undefined ? 'r' : String(flag));
  t.mock.method(fsPromises, 'open', (original => (path: fs.PathLike, flag?: string | number, mode?: fs.Mode) => {
    record(flag);
    return original(path, flag, mode);
  })(fsPromises.open));
  t.mock.method(fs, 'createReadStream', (original => (path: fs.PathLike, options?: Parameters<typeof fs.createReadStream>[1]) => {
    record(typeof options === 'object' && options !== null ? options.flags : undefined);
    return original(path, options);
  })(fs.createReadStream));
  syncBuiltinESMExports();
  try {
    const report = await analyzePaths([join(BUNDLES, 'messy-proxmox-basic-display')]);
    assert.ok(report.inputs.length >= 9);
  } finally {
    t.mock.restoreAll();
    syncBuiltinESMExports();
  }
  assert.ok(flags.length >= 9, `the spy saw ${flags.length} opens: it no longer watches how ingest opens files`);
  assert.deepEqual([...new Set(flags)], ['r']);
});
