import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Report } from '../../src/report/types.js';
import { ROOT, runCli } from '../helpers/cli.js';

const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const MiB = 1024 * 1024;

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'guestram-large-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Writes head, `mebibytes` MiB of `fill`, then tail, without ever holding the file in memory. */
function writeLarge(path: string, head: string, fill: string, mebibytes: number, tail = ''): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, head);
    const chunk = fill.repeat(MiB / fill.length);
    for (let i = 0; i < mebibytes; i++) writeSync(fd, chunk);
    writeSync(fd, tail);
  } finally {
    closeSync(fd);
  }
}

function analyzeWithHeap(path: string, heapMiB: number): Report {
  const result = spawnSync(process.execPath, [`--max-old-space-size=${heapMiB}`, CLI, 'analyze', path, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * MiB });
  assert.equal(result.status, 0, result.stderr.slice(0, 2_000));
  return JSON.parse(result.stdout) as Report;
}

test('a 256 MiB RAMMap snapshot is streamed through a 32 MiB heap and gives the same answer as the small one', () => {
  const fixture = join(ROOT, 'fixtures', 'exports', 'rammap-rmp', 'healthy-256mb.rmp');
  const small = readFileSync(fixture, 'latin1');
  const cut = small.indexOf('<PoolInfo');
  assert.ok(cut > 0);
  const large = join(dir, 'large.rmp');
  // An element the reader does not use, as large as the PFN database of a big guest.
  writeLarge(large, `${small.slice(0, cut)}<Padding>`, '0123456789abcdef', 256, `</Padding>${small.slice(cut)}`);
  const expected = JSON.parse(runCli(['analyze', fixture, '--format', 'json']).stdout) as Report;
  const report = analyzeWithHeap(large, 32);
  assert.equal(report.inputs[0]?.status, 'ok', JSON.stringify(report.inputs[0]?.messages));
  assert.equal(report.inputs[0]?.sizeBytes, small.length + 256 * MiB + '<Padding></Padding>'.length);
  assert.deepEqual(report.summary, expected.summary);
});

test('a line longer than any export writes stops that file with a plain message; what came before is kept', () => {
  const path = join(dir, 'systeminfo.txt');
  const head = 'Host Name:                 VM1\r\nTotal Physical Memory:     4,095 MB\r\nAvailable Physical Memory: 1,024 MB\r\n';
  writeLarge(path, head, 'A', 20);
  const report = analyzeWithHeap(path, 512);
  const input = report.inputs[0]!;
  assert.equal(input.format, 'systeminfo-list');
  assert.equal(input.status, 'partial');
  assert.deepEqual(input.messages.map((m) => m.text), ['Reading stopped early: line 4 is longer than 16 M characters, which no export writes.']);
  assert.equal(report.summary.physicalBytes, 4095 * MiB);
});
