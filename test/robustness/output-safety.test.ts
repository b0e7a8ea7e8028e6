import assert from 'node:assert/strict';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../../src/report/types.js';
import { runCli } from '../helpers/cli.js';

/** C0 (newline and tab excepted) and C1 controls, DEL, bidirectional overrides: none may reach a reader. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const HOSTILE_FILE = 'proc\u001b[2J\u001b]0;owned\u0007|[a](javascript:x)<b>\u202eesses.csv';
const HOSTILE_PROCESSES = [
  '\u001b]0;owned\u0007evil\u001b[31mred',
  '[x](http://e.vil)<script>alert(1)</script>|pipe',
  'two\nINJECTED lines',
  '\u009b31mcsi\u202eexe.txt',
];

let dir = '';
let bundle = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'guestram-output-'));
  bundle = join(dir, 'bundle');
  mkdirSync(bundle);
  const rows = HOSTILE_PROCESSES.map((name, i) => `"${name}","${100 + i}","${(i + 1) * 1048576}","${(i + 2) * 1048576}","1024"`);
  writeFileSync(join(bundle, HOSTILE_FILE), `"Name","Id","PM","WS","NPM"\r\n${rows.join('\r\n')}\r\n`);
  writeFileSync(join(bundle, 'systeminfo.txt'), 'Host Name:                 VM1\r\nTotal Physical Memory:     4,095 MB\r\nAvailable Physical Memory: 1,024 MB\r\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('text from inputs cannot reach the reader as control sequences or markup', () => {
  test('text report: no control characters, no forged line', () => {
    const { code, stdout } = runCli(['analyze', bundle, '--format', 'text']);
    assert.equal(code, 0);
    assert.doesNotMatch(stdout, UNSAFE);
    assert.ok(!stdout.split('\n').some((line) => line.startsWith('INJECTED')));
    assert.match(stdout, /proc\|\[a\]\(javascript:x\)<b>esses\.csv/, 'the file is still named, without its escape sequences');
  });

  test('Markdown report: no control characters, no raw link or HTML, the Inputs table keeps its columns', () => {
    const { code, stdout } = runCli(['analyze', bundle, '--format', 'md']);
    assert.equal(code, 0);
    assert.doesNotMatch(stdout, UNSAFE);
    const row = stdout.split('\n').find((line) => line.includes('esses.csv'));
    assert.ok(row, stdout);
    assert.equal(row.split(/(?<!\\)\|/).length, '| File | Format | Encoding | Status | Messages | Values read |'.split('|').length, row);
  });

  test('JSON report: parses to the exact names, yet prints no raw control character', () => {
    const { code, stdout } = runCli(['analyze', bundle, '--format', 'json']);
    assert.equal(code, 0);
    assert.doesNotMatch(stdout, UNSAFE);
    const report = JSON.parse(stdout) as Report;
    assert.deepEqual(report.processes.map((p) => p.name).sort(), [...HOSTILE_PROCESSES].sort());
    assert.ok(report.inputs.some((i) => i.path.endsWith(HOSTILE_FILE)));
  });
});

describe('--out never replaces an input and is written whole', () => {
  const input = () => join(bundle, 'systeminfo.txt');
  const original = () => readFileSync(input(), 'utf8');

  function refused(out: string): void {
    const before = original();
    const { code, stdout, stderr } = runCli(['analyze', bundle, '--format', 'md', '--out', out]);
    assert.equal(code, 2, stderr);
    assert.equal(stdout, '');
    assert.match(stderr, /^guestram: --out .* is one of the input files; guestram never overwrites its inputs\.\n$/);
    assert.equal(original(), before);
  }

  test('the same path, written another way', () => refused(join(bundle, '..', 'bundle', '.', 'systeminfo.txt')));

  test('the same file through a symbolic link to its folder', () => {
    symlinkSync(bundle, join(dir, 'alias'));
    refused(join(dir, 'alias', 'systeminfo.txt'));
  });

  test('the same file through a hard link', () => {
    linkSync(input(), join(dir, 'hard-link.txt'));
    refused(join(dir, 'hard-link.txt'));
  });

  test('a folder that does not exist: one line, exit 2, nothing left behind', () => {
    const { code, stderr } = runCli(['analyze', bundle, '--out', join(dir, 'missing', 'report.md')]);
    assert.equal(code, 2);
    assert.equal(stderr, `guestram: --out ${join(dir, 'missing', 'report.md')} could not be written: its folder does not exist.\n`);
  });

  test('an existing report is replaced whole, and no temporary file stays', () => {
    const reports = join(dir, 'reports');
    mkdirSync(reports);
    writeFileSync(join(reports, 'report.md'), 'old report that is much longer than nothing '.repeat(10_000));
    const { code } = runCli(['analyze', bundle, '--format', 'md', '--out', join(reports, 'report.md')]);
    assert.equal(code, 0);
    const written = readFileSync(join(reports, 'report.md'), 'utf8');
    assert.match(written, /^# guestram/);
    assert.doesNotMatch(written, /old report/);
    assert.deepEqual(readdirSync(reports), ['report.md']);
    assert.ok(existsSync(input()));
  });
});
