import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFact, MAX_PLAUSIBLE_BYTES } from '../../src/ingest/check-fact.js';
import { ingestOpened } from '../../src/ingest/ingest-file.js';
import type { Parser } from '../../src/ingest/parser.js';
import { inputFromBuffer } from '../../src/ingest/read.js';
import type { Fact } from '../../src/model/facts.js';

const at = { file: 'x.csv', line: 7 };
const process = (pmBytes: number): Fact => ({ kind: 'process', name: 'sqlservr', pmBytes, source: at });

test('sound facts pass', () => {
  assert.deepEqual(checkFact(process(1_048_576)), []);
  assert.deepEqual(checkFact({ kind: 'system', field: 'visibleBytes', value: 4 * 1024 ** 3, source: at }), []);
  assert.deepEqual(checkFact({ kind: 'system', field: 'hostName', value: 'VM1', source: at }), []);
  assert.deepEqual(checkFact({ kind: 'counter', object: 'Memory', counter: 'Pages/sec', samples: 3, first: 1, last: -2.5, min: -2.5, max: 1, mean: 0, source: at }), []);
  assert.deepEqual(checkFact({ kind: 'use-counts', origin: 'table', cells: { driverLocked: { active: 4096 } }, rowTotals: {}, listTotals: {}, total: 4096, source: at }), []);
});

test('negative, fractional, non-finite and absurd sizes are problems', () => {
  for (const [bytes, reason] of [[-5, /negative/], [1.5, /whole number/], [NaN, /finite/], [Infinity, /finite/], [MAX_PLAUSIBLE_BYTES + 1, /any Windows can address/]] as const) {
    const problems = checkFact(process(bytes));
    assert.equal(problems.length, 1, String(bytes));
    assert.match(problems[0]!.reason, reason);
  }
  assert.equal(checkFact(process(MAX_PLAUSIBLE_BYTES)).length, 0);
});

test('sizes anywhere in a fact are checked: RAMMap cells and totals, VM settings, devices, drivers', () => {
  assert.equal(checkFact({ kind: 'use-counts', origin: 'rmp', cells: { awe: { active: -1 } }, rowTotals: { awe: 0.5 }, listTotals: {}, total: NaN, source: at }).length, 3);
  assert.equal(checkFact({ kind: 'hypervisor', hypervisor: 'kvm', field: 'balloonActualBytes', value: 'lots', source: at }).length, 1);
  assert.equal(checkFact({ kind: 'device', name: 'GPU', adapterRamBytes: -1, problemCode: 2.5, source: at }).length, 2);
  assert.equal(checkFact({ kind: 'driver', module: 'x', pagedPoolBytes: Infinity, source: at }).length, 1);
  assert.equal(checkFact({ kind: 'counter', object: 'Memory', counter: 'c', samples: -1, first: NaN, last: 0, min: 0, max: 0, mean: 0, source: at }).length, 2);
});

test('a field or RAMMap row that is not in the model (a prototype key that slipped through) is a problem', () => {
  const field = 'constructor' as unknown as 'hostName';
  assert.match(checkFact({ kind: 'system', field, value: 1, source: at })[0]!.reason, /not one guestram knows/);
  const cells = { constructor: { active: 1 } } as unknown as Extract<Fact, { kind: 'use-counts' }>['cells'];
  assert.match(checkFact({ kind: 'use-counts', origin: 'table', cells, rowTotals: {}, listTotals: {}, source: at })[0]!.reason, /not a known use type/);
});

test('ingest drops a bad fact and says why, with the file and the line', async () => {
  const parser: Parser = {
    format: 'getprocess-csv',
    title: 'stub',
    sniff: () => 1,
    async parse(input, sink) {
      sink.fact({ kind: 'process', name: 'good', pmBytes: 4096, source: { file: input.file, line: 2 } });
      sink.fact({ kind: 'process', name: 'bad', pmBytes: -4096, source: { file: input.file, line: 3 } });
    },
  };
  const parsed = await ingestOpened(inputFromBuffer('processes.csv', 'anything\n'), [parser]);
  assert.deepEqual(parsed.facts.map((f) => f.kind === 'process' && f.name), ['good']);
  assert.deepEqual(parsed.messages, [
    { code: 'VALUE_INVALID', severity: 'warning', file: 'processes.csv', line: 3, text: 'A process was not used: the PM of bad (-4096) is negative.' },
  ]);
  assert.equal(parsed.status, 'partial');
});

test('a message quoting a huge value stays readable', async () => {
  const parser: Parser = {
    format: 'getprocess-csv',
    title: 'stub',
    sniff: () => 1,
    async parse(_input, sink) {
      sink.message('VALUE_INVALID', 'warning', `The WS value "${'9'.repeat(100_000)}" is not a number.`, 2);
    },
  };
  const parsed = await ingestOpened(inputFromBuffer('p.csv', 'x\n'), [parser]);
  const text = parsed.messages[0]!.text;
  assert.ok(text.length < 200, `${text.length} characters`);
  assert.match(text, /^The WS value "9{80}…" is not a number\.$/);
});

test('a counter named in bytes or MBytes is a size once scaled: no negative or absurd values', () => {
  const counter = (name: string, last: number): Fact => ({ kind: 'counter', object: 'Memory', counter: name, samples: 1, first: last, last, min: last, max: last, mean: last, source: at });
  assert.deepEqual(checkFact(counter('Available MBytes', 1523.5)), []);
  assert.match(checkFact(counter('Available MBytes', 1.2e29))[0]!.reason, /any Windows can address/);
  assert.match(checkFact(counter('Pool Nonpaged Bytes', -1))[0]!.reason, /negative/);
  assert.deepEqual(checkFact(counter('Pages/sec', -1)), []);
});
