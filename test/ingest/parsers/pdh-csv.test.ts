import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCounterPath, pdhCsv } from '../../../src/ingest/parsers/pdh-csv.js';
import type { CounterFact } from '../../../src/model/facts.js';
import { parseFixture, parseWith } from '../../helpers/parse.js';

const counters = (facts: unknown[]) => facts as CounterFact[];

test('typeperf log: one counter fact per column with running statistics', async () => {
  const file = 'exports/pdh-csv/typeperf-memory.csv';
  const { facts, messages, sniff } = await parseFixture(pdhCsv, file);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.equal(facts.length, 4);
  assert.deepEqual(facts[0], {
    kind: 'counter',
    host: 'VM01',
    object: 'Memory',
    counter: 'Available MBytes',
    samples: 3,
    first: 1523,
    last: 1530,
    min: 1519,
    max: 1530,
    mean: (1523 + 1519 + 1530) / 3,
    firstTime: '2024-09-08T12:35:45.166-04:00',
    lastTime: '2024-09-08T12:36:15.170-04:00',
    source: { file, line: 1, field: '\\\\VM01\\Memory\\Available MBytes' },
  });
  const [, pages, pool, maxMemory] = counters(facts);
  // " " is a missing sample, not a zero.
  assert.equal(pages!.samples, 2);
  assert.equal(pages!.lastTime, '2024-09-08T12:36:15.170-04:00');
  assert.equal(pool!.first, 123456780);
  assert.equal(pool!.last, 123469824);
  assert.equal(pool!.min, 123456780);
  assert.equal(maxMemory!.object, 'Hyper-V Dynamic Memory Integration Service');
  assert.equal(maxMemory!.counter, 'Maximum Memory, Mbytes');
  assert.equal(maxMemory!.last, 8192);
});

test('UTF-8 BOM, localized zone with parentheses, instance names holding parentheses', async () => {
  const file = 'exports/pdh-csv/relog-utf8-bom-localized-zone.csv';
  const { facts, messages, sniff } = await parseFixture(pdhCsv, file);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  const [visible, pressure, available] = counters(facts);
  assert.equal(visible!.host, 'HV-HOST');
  assert.equal(visible!.object, 'Hyper-V Dynamic Memory VM');
  assert.equal(visible!.instance, 'my (test) vm');
  assert.equal(visible!.counter, 'Guest Visible Physical Memory');
  assert.deepEqual([visible!.samples, visible!.first, visible!.last, visible!.min, visible!.max], [2, 4096, 3584, 3584, 4096]);
  assert.equal(visible!.firstTime, '2024-07-01T00:00:13.500+02:00');
  assert.equal(pressure!.mean, 91);
  assert.equal(available!.samples, 3);
  assert.equal(available!.firstTime, '2024-06-30T23:59:58.500+02:00');
});

test('bad values become one warning per counter; a truncated last row is reported, not thrown', async () => {
  const { facts, messages } = await parseFixture(pdhCsv, 'exports/pdh-csv/bad-values-truncated.csv');
  const [available, committed] = counters(facts);
  assert.deepEqual([available!.samples, available!.first, available!.last], [2, 2048, 2040]);
  assert.deepEqual([committed!.samples, committed!.last], [2, 3221225472]);
  assert.equal(available!.firstTime, '2025-03-01T09:00:00.000+05:30');
  assert.deepEqual(
    messages.map((m) => [m.code, m.line]),
    [
      ['CSV_TRUNCATED', 5],
      ['VALUE_INVALID', 3],
      ['VALUE_INVALID', 4],
    ],
  );
  assert.match(messages[1]!.text, /Available MBytes/);
});

test('counter paths: instances with backslashes, no host, no instance', () => {
  assert.deepEqual(parseCounterPath('\\\\H\\Process(C:\\a\\b (x))\\Working Set'), { host: 'H', object: 'Process', instance: 'C:\\a\\b (x)', counter: 'Working Set' });
  assert.deepEqual(parseCounterPath('\\Memory\\Available Bytes'), { object: 'Memory', counter: 'Available Bytes' });
  assert.deepEqual(parseCounterPath('\\\\H\\PhysicalDisk(0 D:)\\% Disk Time'), { host: 'H', object: 'PhysicalDisk', instance: '0 D:', counter: '% Disk Time' });
});

test('a semicolon re-save reads decimal commas', async () => {
  const { facts } = await parseWith(pdhCsv, '"(PDH-CSV 4.0) (W. Europe Standard Time)(-60)";"\\\\PC\\Memory\\% Committed Bytes In Use"\n"01/02/2025 10:00:00.000";"41,5"\n');
  assert.equal(counters(facts)[0]!.last, 41.5);
});

test('not a PDH log: other CSV exports and text', async () => {
  assert.equal((await parseWith(pdhCsv, '"Name","SI","Handles","VM","WS","PM","NPM"\n"a","1","2","3","4","5","6"\n')).sniff, 0);
  assert.equal((await parseWith(pdhCsv, '"Module Name","Display Name","Driver Type","Link Date"\n')).sniff, 0);
  const { facts, messages } = await parseWith(pdhCsv, '"Host Name","OS Name"\n"A","B"\n');
  assert.deepEqual(facts, []);
  assert.equal(messages[0]!.code, 'COLUMN_MISSING');
});

test("each counter's first and last sample times are those of its own first and last samples", async () => {
  const rows = [
    '"(PDH-CSV 4.0) (Coordinated Universal Time)(0)","\\\\H\\A\\a","\\\\H\\B\\b","\\\\H\\C\\c","\\\\H\\D\\d"',
    '"01/02/2025 00:00:01.000","1"," ","x","4"',
    '"01/02/2025 00:00:02.000","2"," ","5","-0"',
    '"01/02/2025 00:00:03.000"," ","3","6"',
    '"01/02/2025 00:00:04.000"," "," ","7","8"',
  ];
  const { facts, messages } = await parseWith(pdhCsv, rows.join('\r\n'));
  const at = (second: number) => `2025-01-02T00:00:0${second}.000+00:00`;
  assert.deepEqual(
    counters(facts).map((c) => [c.object, c.samples, c.firstTime, c.lastTime]),
    [
      ['A', 2, at(1), at(2)],
      ['B', 1, at(3), at(3)],
      ['C', 3, at(2), at(4)],
      ['D', 3, at(1), at(4)],
    ],
  );
  const d = counters(facts)[3]!;
  assert.deepEqual([d.first, d.last, d.max, d.mean], [4, 8, 8, 4]);
  assert.ok(Object.is(d.min, -0));
  assert.deepEqual(messages.map((m) => [m.code, m.line]), [['VALUE_INVALID', 2]]);
});

test('a Russian typeperf log in cp1251 is read by its English counter names; its language and unknown counters are said once', async () => {
  const { facts, messages } = await parseFixture(pdhCsv, 'exports/pdh-csv/ru-typeperf-cp1251.csv');
  const counters = facts as CounterFact[];
  const available = counters.find((c) => c.object === 'Memory' && c.counter === 'Available MBytes')!;
  assert.equal(available.last, 1990);
  assert.equal(available.source.field, '\\\\SRV1C\\Память\\Доступно МБ');
  assert.equal(counters.find((c) => c.counter === 'Pool Nonpaged Bytes')?.last, 106954752);
  assert.equal(counters.find((c) => c.counter === '% Committed Bytes In Use')?.mean, (61.5 + 62.25 + 62.5) / 3);
  assert.deepEqual(messages.map((m) => [m.code, m.severity]), [['COUNTER_LANGUAGE', 'info'], ['COUNTER_UNKNOWN', 'info']]);
  assert.match(messages[0]!.text, /Russian: 3 were read as their English names \(\\Память\\Доступно МБ = \\Memory\\Available MBytes\)/);
  assert.match(messages[1]!.text, /^2 counter\(s\) .*Процессор\(_Total\).*Физический диск/);
  // The counters guestram does not know are still reported, as written.
  assert.ok(counters.some((c) => c.object === 'Физический диск' && c.counter === 'Средняя длина очереди диска'));
});

test('an English log says nothing about its language', async () => {
  const { messages } = await parseWith(pdhCsv, '"(PDH-CSV 4.0) (UTC)(0)","\\\\H\\Memory\\Available MBytes","\\\\H\\LogicalDisk(C:)\\Free Megabytes"\n"01/01/2024 00:00:00.000","1024","5"\n');
  assert.deepEqual(messages, []);
});
