import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getprocessMeasure } from '../../../src/ingest/parsers/getprocess-measure.js';
import { parseFixture, parseWith, readFixture } from '../../helpers/parse.js';

const DIR = 'exports/getprocess-measure';

test('5.1 Measure-Object PM -Sum redirected to UTF-16LE', async () => {
  const file = `${DIR}/ps51-pm-sum-utf16le-bom.txt`;
  const { facts, messages, sniff } = await parseFixture(getprocessMeasure, file);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(facts, [{ kind: 'process-sum', property: 'PM', bytes: 1605439488, count: 123, source: { file, line: 4, field: 'Sum' } }]);
});

test('5.1 sum in E-notation', async () => {
  const file = `${DIR}/ps51-enotation-utf16le-bom.txt`;
  const { facts, messages } = await parseFixture(getprocessMeasure, file);
  assert.deepEqual(messages, []);
  assert.deepEqual(facts, [{ kind: 'process-sum', property: 'PM', bytes: 1605439480, count: 412, source: { file, line: 4, field: 'Sum' } }]);
});

test('PS 7 with StandardDeviation, -Sum -Average -Maximum', async () => {
  const file = `${DIR}/ps7-sum-average-maximum.txt`;
  const { facts, messages, sniff } = await parseFixture(getprocessMeasure, file);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(facts, [{ kind: 'process-sum', property: 'PM', bytes: 1605439488, count: 303, source: { file, line: 4, field: 'Sum' } }]);
});

test('PS 7 in a comma locale: E-notation with a comma mantissa', async () => {
  const file = `${DIR}/ps7-de-enotation-comma.txt`;
  const { facts, messages } = await parseFixture(getprocessMeasure, file);
  assert.deepEqual(messages, []);
  assert.deepEqual(facts, [{ kind: 'process-sum', property: 'PM', bytes: 1605439488, count: 303, source: { file, line: 4, field: 'Sum' } }]);
});

test('a mantissa with three decimals is still a decimal, not grouping', async () => {
  const { facts } = await parseWith(getprocessMeasure, 'Count    : 5\nSum      : 1,605E+09\nProperty : WS\n');
  assert.deepEqual(facts.map((f) => f.kind === 'process-sum' && [f.property, f.bytes]), [['WS', 1605000000]]);
});

test('PM and WS measured together give one sum each', async () => {
  const file = `${DIR}/ps7-pm-and-ws-blocks.txt`;
  const { facts, messages } = await parseFixture(getprocessMeasure, file);
  assert.deepEqual(messages, []);
  assert.deepEqual(facts, [
    { kind: 'process-sum', property: 'PM', bytes: 1605439488, count: 303, source: { file, line: 4, field: 'Sum' } },
    { kind: 'process-sum', property: 'WS', bytes: 4016308224, count: 303, source: { file, line: 12, field: 'Sum' } },
  ]);
});

test('blocks without a blank line between them are still told apart', async () => {
  const text = 'Count    : 3\nSum      : 300\nProperty : PM\nCount    : 3\nSum      : 600\nProperty : WS\n';
  const { facts } = await parseWith(getprocessMeasure, text);
  assert.deepEqual(facts.map((f) => f.kind === 'process-sum' && [f.property, f.bytes, f.source.line]), [['PM', 300, 2], ['WS', 600, 5]]);
});

test('a measurement without -Sum, a bad sum and another property give messages, not facts', async () => {
  const text = [
    'Count    : 123', 'Average  : 1234,5', 'Sum      :', 'Property : PM', '',
    'Count    : 123', 'Sum      : lots', 'Property : WS', '',
    'Count    : 123', 'Sum      : 45678', 'Property : Handles', '',
  ].join('\r\n');
  const { facts, messages, sniff } = await parseWith(getprocessMeasure, text);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(facts, []);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [
    ['VALUE_INVALID', 'warning', 3],
    ['VALUE_INVALID', 'warning', 7],
    ['VALUE_INVALID', 'info', 12],
    ['NO_DATA', 'warning', undefined],
  ]);
});

test('sniff needs both Property and Count', () => {
  assert.equal(getprocessMeasure.sniff('Lines : 4\nWords : 10\nCharacters : 40\nProperty :\n'), 0);
  assert.equal(getprocessMeasure.sniff(readFixture('exports/virsh-dommemstat/balloon-full.txt').toString('utf8')), 0);
  assert.equal(getprocessMeasure.sniff('Host Name:                 WIN10VM\nTotal Physical Memory:     2,045 MB\n'), 0);
  assert.equal(getprocessMeasure.sniff('1,531.43MB\n'), 0);
  assert.equal(getprocessMeasure.sniff('balloon: actual=10140 max_mem=10240\n'), 0);
});
