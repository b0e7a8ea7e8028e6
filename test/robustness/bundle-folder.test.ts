import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { analyzePaths } from '../../src/analyze.js';
import type { Report } from '../../src/report/types.js';
import { renderText } from '../../src/report/text.js';
import { ROOT } from '../helpers/cli.js';

const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const VALID = join(ROOT, 'fixtures', 'bundles', 'proxmox-basic-display', 'pm-sum.txt');
const NOBODY = 65534;

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'guestram-folder-'));
  chmodSync(dir, 0o755);
});
after(() => rmSync(dir, { recursive: true, force: true }));

const input = (report: Report, name: string) => report.inputs.find((i) => i.path.endsWith(`/${name}`));

describe('links and special files in a bundle folder are reported and skipped', () => {
  let report: Report;
  before(async () => {
    const bundle = join(dir, 'links');
    mkdirSync(bundle);
    copyFileSync(VALID, join(bundle, 'pm-sum.txt'));
    symlinkSync('loop-b', join(bundle, 'loop-a'));
    symlinkSync('loop-a', join(bundle, 'loop-b'));
    symlinkSync('.', join(bundle, 'folder-loop'));
    symlinkSync('..', join(bundle, 'parent-loop'));
    symlinkSync('nowhere', join(bundle, 'dangling'));
    const fifo = spawnSync('mkfifo', [join(bundle, 'named-pipe')]);
    assert.equal(fifo.status, 0, 'mkfifo is needed to make a named pipe');
    report = await analyzePaths([bundle]);
  }, { timeout: 60_000 });

  test('a symbolic link loop between two files', () => {
    for (const name of ['loop-a', 'loop-b']) {
      assert.deepEqual(input(report, name)?.messages.map((m) => [m.code, m.text]), [['FILE_UNREADABLE', 'Skipped: it is a symbolic link loop.']]);
    }
  });

  test('a link back to the folder or its parent is not followed again', () => {
    assert.match(input(report, 'folder-loop')?.messages[0]?.text ?? '', /already read through another path/);
    assert.equal(report.inputs.filter((i) => i.path.endsWith('pm-sum.txt')).length, 1);
  });

  test('a dangling link and a named pipe (which would block a reader forever)', () => {
    assert.match(input(report, 'dangling')?.messages[0]?.text ?? '', /broken link/);
    assert.match(input(report, 'named-pipe')?.messages[0]?.text ?? '', /not a regular file/);
  });

  test('the valid export next to them is still analyzed', () => {
    assert.equal(input(report, 'pm-sum.txt')?.status, 'ok');
    assert.ok(report.summary.processPrivateBytes !== null);
  });
});

describe('an unreadable file and folder', () => {
  // chmod 000 does not stop root, and tests run as root: the CLI then runs as nobody, for whom it does.
  const asRoot = process.getuid?.() === 0;
  const canRunAsNobody = () => spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(CLI)}, require('fs').constants.R_OK)`], { uid: NOBODY, gid: NOBODY }).status === 0;

  test('are reported with the reason, and the readable export is analyzed', (t) => {
    if (process.platform === 'win32') return t.skip('POSIX permissions');
    if (asRoot && !canRunAsNobody()) return t.skip('running as root, and user nobody cannot read the built CLI here');
    const bundle = join(dir, 'locked');
    mkdirSync(join(bundle, 'locked-folder'), { recursive: true });
    copyFileSync(VALID, join(bundle, 'pm-sum.txt'));
    writeFileSync(join(bundle, 'locked.txt'), 'Total Physical Memory: 4,095 MB\n');
    writeFileSync(join(bundle, 'locked-folder', 'inside.txt'), 'x');
    chmodSync(bundle, 0o755);
    chmodSync(join(bundle, 'locked.txt'), 0o000);
    chmodSync(join(bundle, 'locked-folder'), 0o000);
    const result = spawnSync(process.execPath, [CLI, 'analyze', bundle, '--format', 'json'], { encoding: 'utf8', ...(asRoot && { uid: NOBODY, gid: NOBODY }) });
    chmodSync(join(bundle, 'locked-folder'), 0o755);
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as Report;
    assert.deepEqual(input(report, 'locked.txt')?.messages.map((m) => [m.code, m.text]), [['FILE_UNREADABLE', 'The file could not be read: permission was denied.']]);
    assert.match(input(report, 'locked-folder')?.messages[0]?.text ?? '', /could not be listed/);
    assert.equal(input(report, 'pm-sum.txt')?.status, 'ok');
  });
});

test('a folder with 10,000 files is read whole, and the exports among them still explain the guest', async () => {
  const bundle = join(dir, 'many');
  mkdirSync(bundle);
  for (let i = 0; i < 10_000; i++) writeFileSync(join(bundle, `note-${String(i).padStart(5, '0')}.txt`), `note ${i}: nothing to see\n`);
  const exports = join(ROOT, 'fixtures', 'bundles', 'proxmox-basic-display');
  for (const name of ['snapshot.rmp', 'processes.csv', 'pnpdevices.csv', 'qm-config.txt']) copyFileSync(join(exports, name), join(bundle, name));
  const started = performance.now();
  const report = await analyzePaths([bundle]);
  const seconds = (performance.now() - started) / 1000;
  assert.equal(report.inputs.length, 10_004);
  assert.equal(report.inputs.filter((i) => i.status === 'unrecognized').length, 10_000);
  assert.equal(report.summary.primaryCause, 'missing-driver');
  assert.ok(renderText(report).includes('note-09999.txt'));
  assert.ok(seconds < 120, `took ${seconds.toFixed(1)} s`);
});
