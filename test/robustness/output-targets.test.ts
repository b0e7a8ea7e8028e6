import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, runCli } from '../helpers/cli.js';

const BUNDLE = join(ROOT, 'fixtures', 'bundles', 'proxmox-basic-display');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const isRoot = process.getuid?.() === 0;

let dir = '';
let expectedJson = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'guestram-out-'));
  const plain = runCli(['analyze', BUNDLE, '--format', 'json']);
  assert.equal(plain.code, 0, plain.stderr);
  expectedJson = plain.stdout;
});
after(() => rmSync(dir, { recursive: true, force: true }));

function analyzeTo(out: string, extra: string[] = []) {
  return runCli(['analyze', BUNDLE, '--format', 'json', '--out', out, ...extra]);
}

describe('--out writes where it points and leaves the target what it was', () => {
  test('--out - is standard output, byte for byte', () => {
    const { code, stdout, stderr } = analyzeTo('-');
    assert.equal(code, 0, stderr);
    assert.equal(stdout, expectedJson);
    assert.equal(stderr, '');
  });

  test('a character device stays a device (a private /dev/null made with mknod)', (t) => {
    if (!isRoot) {
      t.skip('mknod needs root: run the tests as root to check a character device');
      return;
    }
    const device = join(dir, 'null');
    const made = spawnSync('mknod', ['-m', '666', device, 'c', '1', '3']);
    if (made.status !== 0) {
      t.skip(`mknod failed here: ${made.stderr.toString().trim()}`);
      return;
    }
    const before = statSync(device);
    const { code, stderr } = analyzeTo(device);
    assert.equal(code, 0, stderr);
    const afterwards = lstatSync(device);
    assert.ok(afterwards.isCharacterDevice(), 'still a character device');
    assert.equal(afterwards.rdev, before.rdev);
    assert.equal(afterwards.ino, before.ino);
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
  });

  test('a FIFO stays a FIFO and its reader receives the whole report', async () => {
    const fifo = join(dir, 'pipe');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const received = join(dir, 'received.json');
    const reader = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', fifo, received]);
    const done = new Promise<number | null>((resolve) => reader.on('exit', resolve));
    const { code, stderr } = analyzeTo(fifo);
    assert.equal(code, 0, stderr);
    assert.equal(await done, 0);
    assert.ok(lstatSync(fifo).isFIFO(), 'still a FIFO');
    assert.equal(readFileSync(received, 'utf8'), expectedJson);
  });

  test('a symbolic link is followed: its target holds the report, the link stays a link', () => {
    const target = join(dir, 'real-report.json');
    writeFileSync(target, 'old');
    const link = join(dir, 'report-link.json');
    symlinkSync(target, link);
    const { code, stderr } = analyzeTo(link);
    assert.equal(code, 0, stderr);
    assert.ok(lstatSync(link).isSymbolicLink(), 'still a link');
    assert.equal(readFileSync(target, 'utf8'), expectedJson);
  });

  test('a dangling symbolic link creates its target, as a shell redirect does', () => {
    const target = join(dir, 'created-through-link.json');
    const link = join(dir, 'dangling.json');
    symlinkSync(target, link);
    assert.equal(analyzeTo(link).code, 0);
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.equal(readFileSync(target, 'utf8'), expectedJson);
  });

  test('a 0600 file with a second hard link keeps its mode, its inode and both names', () => {
    const file = join(dir, 'private.json');
    writeFileSync(file, 'an old report, longer than nothing '.repeat(5_000));
    chmodSync(file, 0o600);
    const twin = join(dir, 'private-twin.json');
    linkSync(file, twin);
    const before = statSync(file);
    const { code, stderr } = analyzeTo(file);
    assert.equal(code, 0, stderr);
    const afterwards = statSync(file);
    assert.equal(afterwards.mode & 0o777, 0o600);
    assert.equal(afterwards.nlink, 2);
    assert.equal(afterwards.ino, before.ino);
    assert.equal(readFileSync(twin, 'utf8'), expectedJson, 'the other name sees the new report');
    assert.equal(readFileSync(file, 'utf8'), expectedJson);
  });

  test('a 0600 file with one link is replaced whole and keeps its mode and owner', () => {
    const file = join(dir, 'single.json');
    writeFileSync(file, 'old');
    chmodSync(file, 0o600);
    const before = statSync(file);
    assert.equal(analyzeTo(file).code, 0);
    const afterwards = statSync(file);
    assert.equal(afterwards.mode & 0o777, 0o600);
    assert.equal(afterwards.uid, before.uid);
    assert.equal(afterwards.gid, before.gid);
    assert.equal(readFileSync(file, 'utf8'), expectedJson);
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
  });

  test('a new file gets 0666 minus the umask', () => {
    const file = join(dir, 'new-under-umask-027.json');
    const run = spawnSync('sh', ['-c', 'umask 027 && exec "$0" "$@"', process.execPath, CLI, 'analyze', BUNDLE, '--format', 'json', '--out', file], { env: { ...process.env, CI: 'true', NO_COLOR: '1' } });
    assert.equal(run.status, 0, run.stderr.toString());
    assert.equal(statSync(file).mode & 0o777, 0o640);
  });

  test('a socket is refused with one sentence and stays a socket', async () => {
    const socket = join(dir, 'listening.sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const { code, stdout, stderr } = analyzeTo(socket);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, /^guestram: --out .*listening\.sock could not be written: it is a socket, which cannot be opened as a file; use --out - and a pipe instead\.\n$/);
      assert.ok(lstatSync(socket).isSocket());
    } finally {
      server.close();
    }
  });

  test('a folder is refused and left alone', () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const { code, stderr } = analyzeTo(folder);
    assert.equal(code, 2);
    assert.match(stderr, /could not be written: it is a folder\.\n$/);
    assert.deepEqual(readdirSync(folder), []);
  });
});

describe('every command that writes uses the same rules', () => {
  test('schema --out through a symbolic link, collect --out into a FIFO, whatif --out -', async () => {
    const schemaTarget = join(dir, 'schema.json');
    writeFileSync(schemaTarget, '');
    const schemaLink = join(dir, 'schema-link.json');
    symlinkSync(schemaTarget, schemaLink);
    assert.equal(runCli(['schema', 'report', '--out', schemaLink]).code, 0);
    assert.ok(lstatSync(schemaLink).isSymbolicLink());
    assert.equal(readFileSync(schemaTarget, 'utf8'), runCli(['schema', 'report']).stdout);

    const fifo = join(dir, 'collect-pipe');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const received = join(dir, 'collect-received.ps1');
    const reader = spawn('sh', ['-c', 'cat "$1" > "$2"', 'sh', fifo, received]);
    const done = new Promise<number | null>((resolve) => reader.on('exit', resolve));
    assert.equal(runCli(['collect', '--out', fifo]).code, 0);
    assert.equal(await done, 0);
    assert.ok(lstatSync(fifo).isFIFO());
    assert.equal(readFileSync(received, 'utf8'), runCli(['collect']).stdout);

    const whatif = runCli(['whatif', BUNDLE, '--change', 'install-display-driver', '--out', '-']);
    assert.equal(whatif.code, 0, whatif.stderr);
    assert.equal(whatif.stdout, runCli(['whatif', BUNDLE, '--change', 'install-display-driver']).stdout);
  });

  test('simulate --out: refuses a folder of other files unless --force, and rewrites its own bundle without leftovers', () => {
    const folder = join(dir, 'sim');
    mkdirSync(folder);
    writeFileSync(join(folder, 'notes.txt'), 'mine');
    const refused = runCli(['simulate', '--scenario', 'kvm-balloon', '--out', folder]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /already holds files guestram did not write \(notes\.txt\); give an empty or new folder, or --force/);
    assert.deepEqual(readdirSync(folder), ['notes.txt']);

    const forced = runCli(['simulate', '--scenario', 'kvm-balloon', '--out', folder, '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.ok(readdirSync(folder).includes('qm-config.txt'));
    assert.equal(readFileSync(join(folder, 'notes.txt'), 'utf8'), 'mine');

    const own = join(dir, 'sim-own');
    assert.equal(runCli(['simulate', '--scenario', 'kvm-balloon', '--out', own]).code, 0);
    const again = runCli(['simulate', '--scenario', 'hyperv-dynamic-memory', '--out', own]);
    assert.equal(again.code, 0, again.stderr);
    const names = readdirSync(own);
    assert.ok(names.includes('get-vmmemory.json'));
    assert.ok(!names.includes('qm-config.txt'), `the KVM files of the first run are gone: ${names.join(', ')}`);
    assert.ok(existsSync(`${own}.expected.json`));
  });
});
