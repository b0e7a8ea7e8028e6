import assert from 'node:assert/strict';
import { test } from 'node:test';
import { vboxMetrics } from '../../../src/ingest/parsers/vbox-metrics.js';
import type { Fact } from '../../../src/model/facts.js';
import { parseFixture, parseWith, readFixture, utf16le } from '../../helpers/parse.js';

const KiB = 1024;
const DIR = 'exports/vbox-metrics';

/** Counters as [instance, counter, samples, first, last, min, max, mean, line]; hypervisor facts as [field, value, line]. */
function summary(facts: Fact[]): unknown[] {
  return facts.map((f) => {
    if (f.kind === 'counter') {
      assert.equal(f.object, 'VirtualBox Guest RAM');
      return [f.instance, f.counter, f.samples, f.first, f.last, f.min, f.max, f.mean, f.source.line];
    }
    assert.ok(f.kind === 'hypervisor' && f.hypervisor === 'virtualbox');
    return [f.field, f.value, f.source.line];
  });
}

test('metrics query with five samples per row; aggregate rows are ignored when the base is there', async () => {
  const { facts, messages, sniff } = await parseFixture(vboxMetrics, `${DIR}/query-five-samples-with-aggregates.txt`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(summary(facts), [
    ['win10', 'Total kB', 5, 4193784, 4193784, 4193784, 4193784, 4193784, 3],
    ['win10', 'Free kB', 5, 1200000, 1150000, 1000000, 1200000, 1100000, 5],
    ['win10', 'Balloon kB', 5, 0, 1048576, 0, 1048576, 524288, 7],
    ['vmName', 'win10', 7],
    ['balloonSizeBytes', 1048576 * KiB, 7],
    ['win10', 'Shared kB', 5, 0, 0, 0, 0, 0, 8],
    ['win10', 'Cache kB', 5, 812000, 812016, 812000, 812016, 812008, 9],
  ]);
  assert.deepEqual(facts[0]!.source, { file: `${DIR}/query-five-samples-with-aggregates.txt`, line: 3, field: 'Guest/RAM/Usage/Total' });
});

test('"Object Metric Value" header, a VM name with spaces, only :avg/:min/:max rows (avg preferred)', async () => {
  const { facts, messages, sniff } = await parseFixture(vboxMetrics, `${DIR}/aggregates-only-vm-name-with-spaces.txt`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(summary(facts), [
    ['Windows 10 Pro', 'Total kB', 1, 8388152, 8388152, 8388152, 8388152, 8388152, 3],
    ['Windows 10 Pro', 'Balloon kB', 1, 1572864, 1572864, 1572864, 1572864, 1572864, 6],
    ['vmName', 'Windows 10 Pro', 6],
    ['balloonSizeBytes', 1572864 * KiB, 6],
  ]);
});

test('metrics collect: one row per sample with a time stamp, CRLF', async () => {
  const { facts, messages, sniff } = await parseFixture(vboxMetrics, `${DIR}/collect-one-row-per-sample-crlf.txt`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(summary(facts), [
    ['win11', 'Balloon kB', 2, 0, 262144, 0, 262144, 131072, 3],
    ['vmName', 'win11', 6],
    ['balloonSizeBytes', 262144 * KiB, 6],
    ['win11', 'Free kB', 2, 2048000, 1800000, 1800000, 2048000, 1924000, 4],
  ]);
});

test('rows without samples say that metrics were not set up', async () => {
  const { facts, messages } = await parseFixture(vboxMetrics, `${DIR}/no-samples-metrics-not-set-up.txt`);
  assert.deepEqual(facts, []);
  assert.deepEqual(messages.map((m) => [m.code, m.severity]), [['NO_DATA', 'warning'], ['NO_DATA', 'warning']]);
  assert.match(messages[0]!.text, /metrics setup/);
});

test('a bad sample is a warning; the other samples are used', async () => {
  const { facts, messages } = await parseFixture(vboxMetrics, `${DIR}/bad-value.txt`);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [['VALUE_INVALID', 'warning', 4]]);
  assert.deepEqual(summary(facts).slice(1), [
    ['win10', 'Balloon kB', 1, 65536, 65536, 65536, 65536, 65536, 4],
    ['vmName', 'win10', 4],
    ['balloonSizeBytes', 65536 * KiB, 4],
  ]);
});

test('UTF-16LE with BOM (PowerShell 5.1 redirect on a Windows host)', async () => {
  const text = readFixture(`${DIR}/query-five-samples-with-aggregates.txt`).toString('utf8');
  const { facts, sniff } = await parseWith(vboxMetrics, utf16le(text));
  assert.ok(sniff >= 0.9);
  assert.equal(facts.length, 7);
});

test('sniff does not claim other formats', () => {
  assert.equal(vboxMetrics.sniff('name="win10"\nostype="Windows10_64"\nUUID="1"\nCfgFile="/x.vbox"\nmemory=4096\n'), 0);
  assert.equal(vboxMetrics.sniff('"(PDH-CSV 4.0) (UTC)(0)","\\\\HOST\\Memory\\Available MBytes"\n"01/01/2024 00:00:00.000","1024"\n'), 0);
  assert.equal(vboxMetrics.sniff('balloon: actual=10140 max_mem=10240\n'), 0);
});

test('long runs of blanks do not make the row and header patterns backtrack (they took 2 s on 30 KB)', async () => {
  const row = 'win10   Guest/RAM/Usage/Total   4193784 kB';
  for (const blank of [' ', '\t', '\n', '\r\n']) {
    const head = `Object Metric Values\n${blank.repeat(60 * 1024)}\n${row}\n`;
    const started = performance.now();
    const sniff = vboxMetrics.sniff(head);
    const { facts } = await parseWith(vboxMetrics, head);
    assert.ok(performance.now() - started < 1_000, `${JSON.stringify(blank)}: ${Math.round(performance.now() - started)} ms`);
    assert.ok(sniff >= 0.9);
    assert.ok(facts.length > 0);
  }
});
