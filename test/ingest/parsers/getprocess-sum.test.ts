import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getprocessSum } from '../../../src/ingest/parsers/getprocess-sum.js';
import { parseFixture, parseWith, readFixture } from '../../helpers/parse.js';

const DIR = 'exports/getprocess-sum';
const mb = (amount: number) => Math.round(amount * 1024 * 1024);

for (const [name, what] of [
  ['en-mb.txt', 'en 1,531.43MB'],
  ['de-mb-space.txt', 'de 1.531,43 MB'],
  ['fr-narrow-nbsp-utf8.txt', 'fr with a narrow no-break space'],
  ['ru-nbsp-utf16le-bom.txt', 'ru with a no-break space, UTF-16LE'],
] as const) {
  test(`one-liner PM sum, ${what}`, async () => {
    const file = `${DIR}/${name}`;
    const { facts, messages, sniff } = await parseFixture(getprocessSum, file);
    assert.ok(sniff >= 0.9);
    assert.deepEqual(messages, []);
    assert.deepEqual(facts, [{ kind: 'process-sum', property: 'PM', bytes: mb(1531.43), source: { file, line: 1 } }]);
  });
}

test('a sum in GB', async () => {
  const file = `${DIR}/en-gb.txt`;
  const { facts, sniff } = await parseFixture(getprocessSum, file);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(facts, [{ kind: 'process-sum', property: 'PM', bytes: 1610612736, source: { file, line: 1 } }]);
});

test('a label line above the sum', async () => {
  const file = `${DIR}/label-line-pm.txt`;
  const { facts, messages, sniff } = await parseFixture(getprocessSum, file);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(facts, [{ kind: 'process-sum', property: 'PM', bytes: mb(1531.43), source: { file, line: 2 } }]);
});

test('a WorkingSet label on the same line makes it a WS sum', async () => {
  const file = `${DIR}/ws-label-same-line.txt`;
  const { facts, sniff } = await parseFixture(getprocessSum, file);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(facts, [{ kind: 'process-sum', property: 'WS', bytes: mb(3830.25), source: { file, line: 1 } }]);
});

test('labelled PM and WS sums in one file give one fact each', async () => {
  const { facts, messages } = await parseWith(getprocessSum, 'PM sum:\r\n1,531.43MB\r\nWS sum:\r\n3,830.25MB\r\n');
  assert.deepEqual(messages, []);
  assert.deepEqual(facts.map((f) => f.kind === 'process-sum' && [f.property, f.bytes, f.source.line]), [['PM', mb(1531.43), 2], ['WS', mb(3830.25), 4]]);
});

test('several different sums: the last is used, with a warning', async () => {
  const file = `${DIR}/several-different-sums.txt`;
  const { facts, messages } = await parseFixture(getprocessSum, file);
  assert.deepEqual(facts, [{ kind: 'process-sum', property: 'PM', bytes: mb(1602.1), source: { file, line: 2 } }]);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [['CONFLICTING_SOURCES', 'warning', 2]]);
});

test('the same sum repeated is not a conflict', async () => {
  const { facts, messages } = await parseWith(getprocessSum, '1,531.43MB\n1,531.43MB\n');
  assert.equal(facts.length, 1);
  assert.deepEqual(messages, []);
});

test('a broken number gives a message, not a fact', async () => {
  const { facts, messages } = await parseWith(getprocessSum, '1,2,3.45MB\n');
  assert.deepEqual(facts, []);
  assert.deepEqual(messages.map((m) => [m.code, m.line]), [['VALUE_INVALID', 1], ['NO_DATA', undefined]]);
});

test('an integer with MB (vmware-toolbox-cmd stat balloon) is not claimed with confidence', () => {
  assert.ok(getprocessSum.sniff('0 MB\n') <= 0.4);
  assert.ok(getprocessSum.sniff('1024 MB\r\n') <= 0.4);
  assert.ok(getprocessSum.sniff('2,045 MB\n') <= 0.4);
});

test('does not claim other formats', () => {
  const others = [
    readFixture('exports/virsh-dommemstat/balloon-full.txt').toString('utf8'),
    readFixture('exports/getprocess-measure/ps7-sum-average-maximum.txt').toString('utf8'),
    'Host Name:                 WIN10VM\nTotal Physical Memory:     2,045.00 MB\nAvailable Physical Memory: 570 MB\n',
    'balloon: actual=10140 max_mem=10240 total_mem=2047\n',
    'memory: 4096\nballoon: 1024\n',
    `${'x'.repeat(100)} 1.00MB\n`,
  ];
  for (const head of others) assert.equal(getprocessSum.sniff(head), 0, head);
});
