import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CounterFact, ProcessFact } from '../../src/model/facts.js';
import { getprocessCsv } from '../../src/ingest/parsers/getprocess-csv.js';
import { pdhCsv } from '../../src/ingest/parsers/pdh-csv.js';
import { emitGetProcessCsv } from '../../src/simulate/emit/getprocess-csv.js';
import { getProcessCsvPieces, writeGetProcessCsvFile } from '../../src/simulate/emit/getprocess-csv-stream.js';
import { emitPdhCsv } from '../../src/simulate/emit/pdh-csv.js';
import { pdhCsvPieces, writePdhCsvFile } from '../../src/simulate/emit/pdh-csv-stream.js';
import { parseWith } from '../helpers/parse.js';
import { sampleState } from '../helpers/sample-state.js';

test('a Get-Process CSV of as many processes as the guest has is exactly what emitGetProcessCsv writes', () => {
  for (const powershell of ['5.1', '7'] as const) {
    const state = sampleState({ powershell, locale: 'de-DE' });
    const renumbered = state.processes.map((p, i) => ({ ...p, pid: 4 * (i + 1) }));
    const streamed = Buffer.concat([...getProcessCsvPieces(state, state.processes.length, { useCulture: true })]);
    assert.deepEqual(streamed, emitGetProcessCsv({ ...state, processes: renumbered }, { useCulture: true }), powershell);
  }
});

test('a Get-Process CSV of 2,500 processes reads back as 2,500 processes with distinct PIDs', async () => {
  const state = sampleState();
  const { facts, messages } = await parseWith(getprocessCsv, Buffer.concat([...getProcessCsvPieces(state, 2500)]));
  assert.deepEqual(messages, []);
  const processes = facts.filter((f): f is ProcessFact => f.kind === 'process');
  assert.equal(processes.length, 2500);
  assert.equal(new Set(processes.map((p) => p.pid)).size, 2500);
  const pmOfFirstRound = state.processes.reduce((sum, p) => sum + p.pmBytes, 0);
  assert.equal(processes.reduce((sum, p) => sum + (p.pmBytes ?? 0), 0), Math.floor(2500 / state.processes.length) * pmOfFirstRound + state.processes.slice(0, 2500 % state.processes.length).reduce((sum, p) => sum + p.pmBytes, 0));
});

test('a counter log as long as the series is exactly what emitPdhCsv writes', () => {
  const state = sampleState();
  const samples = Math.max(...state.counters.filter((c) => !c.onHost).map((c) => c.values.length));
  assert.deepEqual(Buffer.concat([...pdhCsvPieces(state, samples)]), emitPdhCsv(state));
});

test('a counter log of 25,000 rows repeats each series and keeps the clock running', async () => {
  const state = { ...sampleState(), intervalSeconds: 1 };
  const { facts, messages } = await parseWith(pdhCsv, Buffer.concat([...pdhCsvPieces(state, 25_000)]));
  assert.deepEqual(messages, []);
  const counters = facts.filter((f): f is CounterFact => f.kind === 'counter');
  assert.equal(counters.length, state.counters.filter((c) => !c.onHost).length);
  for (const c of counters) assert.equal(c.samples, 25_000);
  const start = Date.parse(state.startTime);
  assert.equal(Date.parse(counters[0]!.firstTime!), start);
  assert.equal(Date.parse(counters[0]!.lastTime!), start + 24_999 * 1000);
  const series = state.counters.find((c) => c.counter === counters[0]!.counter)!.values;
  assert.equal(counters[0]!.last, series[24_999 % series.length]);
});

test('the file writers write the pieces', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'guestram-csv-'));
  try {
    const state = sampleState();
    await writeGetProcessCsvFile(join(dir, 'p.csv'), state, 1500);
    await writePdhCsvFile(join(dir, 'c.csv'), state, 12_345);
    assert.deepEqual(await readFile(join(dir, 'p.csv')), Buffer.concat([...getProcessCsvPieces(state, 1500)]));
    assert.deepEqual(await readFile(join(dir, 'c.csv')), Buffer.concat([...pdhCsvPieces(state, 12_345)]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
