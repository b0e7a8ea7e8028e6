import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Ajv } from 'ajv';
import { runCli } from '../helpers/cli.js';

const noStack = (stderr: string) => assert.doesNotMatch(stderr, /\n\s+at /);

test('--help lists the commands and the exit codes', () => {
  const { code, stdout } = runCli(['--help']);
  assert.equal(code, 0);
  for (const word of ['analyze', 'formats', 'schema', 'Exit codes']) assert.match(stdout, new RegExp(word));
});

test('analyze --help shows the options with examples', () => {
  const { code, stdout } = runCli(['analyze', '--help']);
  assert.equal(code, 0);
  for (const word of ['--format', '--out', '--hypervisor', '--strict', '--fail-on', 'Examples']) assert.match(stdout, new RegExp(word));
});

test('no command and unknown options are usage errors (exit 2, one clear line)', () => {
  for (const args of [[], ['analyze'], ['analyze', 'x', '--format', 'pdf'], ['frobnicate']]) {
    const { code, stderr } = runCli(args);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, /^guestram: /);
    noStack(stderr);
  }
});

test('--format tui without a terminal fails with one line', () => {
  const { code, stderr } = runCli(['analyze', 'fixtures/exports/proxmox-qm-config', '--format', 'tui']);
  assert.equal(code, 2);
  assert.equal(stderr.trim().split('\n').length, 1);
});

test('a path that does not exist is reported, nothing analyzed → exit 2, no stack trace', () => {
  const { code, stdout, stderr } = runCli(['analyze', 'no/such/folder']);
  assert.equal(code, 2);
  assert.match(stdout, /no\/such\/folder/);
  assert.match(stdout, /does not exist/);
  noStack(stderr);
});

test('--fail-on: exit 1 when a finding reaches the level, 0 otherwise', () => {
  const bundle = 'fixtures/bundles/proxmox-basic-display';
  assert.equal(runCli(['analyze', bundle, '--format', 'json', '--fail-on', 'warn']).code, 1);
  assert.equal(runCli(['analyze', 'fixtures/bundles/healthy-standby', '--format', 'json', '--fail-on', 'warn']).code, 0);
});

test('--strict turns input warnings into exit 2', () => {
  const truncated = 'fixtures/exports/getprocess-csv/ps51-truncated-mid-quote.csv';
  assert.equal(runCli(['analyze', truncated, '--format', 'json']).code, 0);
  assert.equal(runCli(['analyze', truncated, '--format', 'json', '--strict']).code, 2);
});

test('--out writes the report and refuses to overwrite an input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guestram-'));
  const input = join(dir, 'qm.txt');
  copyFileSync('fixtures/exports/proxmox-qm-config/qm-config-win11-balloon-qxl.txt', input);
  const before = readFileSync(input);
  const out = join(dir, 'report.md');
  const written = runCli(['analyze', input, '--format', 'md', '--out', out]);
  assert.equal(written.code, 0, written.stderr);
  assert.match(readFileSync(out, 'utf8'), /^# guestram/);
  const refused = runCli(['analyze', input, '--out', input]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /never overwrites its inputs/);
  assert.deepEqual(readFileSync(input), before);
});

test('schema report prints a JSON Schema ajv accepts', () => {
  const { code, stdout } = runCli(['schema', 'report']);
  assert.equal(code, 0);
  assert.doesNotThrow(() => new Ajv({ strict: false }).compile(JSON.parse(stdout)));
});

test('formats lists every format id', () => {
  const { stdout } = runCli(['formats']);
  for (const id of ['rammap-rmp', 'getprocess-csv', 'pdh-csv', 'hyperv-vm-json', 'vmware-vmx']) assert.match(stdout, new RegExp(id));
});

test('a JPEG, an unknown text and a UTF-16 file without BOM sit next to a valid file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guestram-'));
  writeFileSync(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]));
  writeFileSync(join(dir, 'notes.txt'), 'remember to check the host\n');
  writeFileSync(join(dir, 'balloon.txt'), Buffer.from('vmware-toolbox-cmd stat balloon\r\n2048 MB\r\n', 'utf16le'));
  const { code, stdout } = runCli(['analyze', dir, '--format', 'json']);
  assert.equal(code, 0);
  const inputs = (JSON.parse(stdout) as { inputs: { path: string; status: string; messages: { code: string; text: string }[] }[] }).inputs;
  const byName = Object.fromEntries(inputs.map((i) => [i.path.split(/[\\/]/).pop(), i]));
  assert.equal(byName['photo.jpg']!.status, 'error');
  assert.equal(byName['photo.jpg']!.messages[0]!.code, 'BINARY_FILE');
  assert.equal(byName['notes.txt']!.status, 'unrecognized');
  assert.match(byName['notes.txt']!.messages[0]!.text, /remember to check/);
  assert.equal(byName['balloon.txt']!.status, 'ok');
});
