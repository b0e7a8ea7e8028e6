import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Report } from '../../src/report/types.js';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * Issue 6 item 5: systeminfo says 4 GB while the RAMMap snapshot totals 8 GB, and two Get-Process exports were
 * taken at different times. The report must say so, name the source it used, and not mix the others in.
 */
const GiB = 1024 ** 3;
let dir = '';
let report: Report;
let text = '';

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'guestram-conflicts-'));
  const bundle = join(dir, 'bundle');
  cpSync(join(ROOT, 'fixtures', 'bundles', 'sql-server-awe'), bundle, { recursive: true });
  const systeminfo = join(bundle, 'systeminfo.csv');
  const original = readFileSync(systeminfo, 'utf8');
  assert.ok(original.includes('"8,191 MB"'));
  writeFileSync(systeminfo, original.replace('"8,191 MB"', '"4,095 MB"'));
  // A later export: fewer processes, one of them only there.
  const lines = readFileSync(join(bundle, 'processes.csv'), 'utf8').split('\r\n');
  const later = [lines[0]!, ...lines.slice(1, 11).map((line, i) => (i === 0 ? line.replace(/^"[^"]*"/, '"later-only"') : line))];
  writeFileSync(join(bundle, 'processes-later.csv'), `${later.join('\r\n')}\r\n`);

  const json = runCli(['analyze', bundle, '--format', 'json']);
  assert.equal(json.code, 0, json.stderr);
  report = JSON.parse(json.stdout) as Report;
  text = runCli(['analyze', bundle, '--format', 'text']).stdout;
});

after(() => rmSync(dir, { recursive: true, force: true }));

const inputNamed = (name: string) => report.inputs.find((i) => i.path.endsWith(`/${name}`));

test('systeminfo 4 GB vs RAMMap 8 GB: a conflict that names the RAMMap total as used', () => {
  const conflict = report.conflicts.find((c) => c.subject === 'memory visible to Windows');
  assert.ok(conflict, JSON.stringify(report.conflicts));
  assert.match(conflict.used.source.file, /snapshot\.rmp$/);
  assert.ok(Math.abs((conflict.used.value as number) - 8 * GiB) < 0.01 * 8 * GiB);
  assert.deepEqual(conflict.ignored.map((i) => [i.source.file.replace(/.*\//, ''), Math.round((i.value as number) / GiB)]), [['systeminfo.csv', 4]]);
});

test('the analysis uses one figure for visible memory: the RAMMap total, never the 4 GB', () => {
  assert.equal(report.summary.physicalBytes, report.conflicts.find((c) => c.subject === 'memory visible to Windows')!.used.value);
  const visibleStep = report.reconciliation.waterfall.find((s) => s.label === 'Visible to Windows');
  assert.ok(visibleStep && visibleStep.bytes > 7 * GiB, JSON.stringify(visibleStep));
  assert.ok((report.summary.inUseBytes ?? 0) <= (report.summary.physicalBytes ?? 0));
});

test('the systeminfo file is told which source was used instead', () => {
  const message = inputNamed('systeminfo.csv')?.messages.find((m) => m.code === 'CONFLICTING_SOURCES');
  assert.ok(message, JSON.stringify(inputNamed('systeminfo.csv')));
  assert.match(message.text, /4\.0 GB.*snapshot\.rmp.*8\.0 GB.*used the latter/);
});

test('two Get-Process exports: one is used whole, the other is named as ignored and nothing of it is mixed in', () => {
  const conflict = report.conflicts.find((c) => c.subject === 'Get-Process export');
  assert.ok(conflict, JSON.stringify(report.conflicts));
  assert.match(conflict.used.source.file, /processes\.csv$/);
  assert.deepEqual(conflict.ignored.map((i) => i.source.file.replace(/.*\//, '')), ['processes-later.csv']);
  assert.ok(!report.processes.some((p) => p.name === 'later-only'), 'a process of the ignored export reached the report');
  assert.ok(inputNamed('processes-later.csv')?.messages.some((m) => m.code === 'CONFLICTING_SOURCES' && /processes\.csv/.test(m.text)));
});

test('the text report lists both disagreements and which source it used', () => {
  const section = text.slice(text.indexOf('Sources that disagree'));
  assert.ok(text.includes('Sources that disagree'), text);
  assert.match(section, /memory visible to Windows/);
  assert.match(section, /Get-Process export/);
  assert.match(section, /snapshot\.rmp/);
});
