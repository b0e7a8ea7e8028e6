import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Fact, ProcessFact, ProcessSumFact } from '../../src/model/facts.js';
import { emitGetProcessCsv } from '../../src/simulate/emit/getprocess-csv.js';
import { emitGetProcessMeasure } from '../../src/simulate/emit/getprocess-measure.js';
import { emitGetProcessSum } from '../../src/simulate/emit/getprocess-sum.js';
import { emitGetProcessTable } from '../../src/simulate/emit/getprocess-table.js';
import { getProcessOrder } from '../../src/simulate/emit/readings.js';
import type { GuestState } from '../../src/simulate/state.js';
import { readBack, sampleState, VARIANTS } from '../helpers/sample-state.js';

const KiB = 1024;
const MiB = 1024 * KiB;

const processes = (facts: Fact[]) => facts.filter((f): f is ProcessFact => f.kind === 'process');
const sums = (facts: Fact[]) => facts.filter((f): f is ProcessSumFact => f.kind === 'process-sum');
const pmSum = (state: GuestState) => state.processes.reduce((s, p) => s + p.pmBytes, 0);

/** PowerShell 5.1's Export-Csv writes ASCII: each non-ASCII character becomes "?". */
const exported = (name: string, state: GuestState) => (state.powershell === '5.1' ? name.replace(/[^\x00-\x7f]/g, '?') : name);

test('Export-Csv: detected in every culture and version, every process read back exactly', async () => {
  for (const variant of VARIANTS) {
    for (const useCulture of [false, true]) {
      const state = sampleState(variant);
      const parsed = await readBack(emitGetProcessCsv(state, { useCulture }));
      const label = `${variant.locale} ${variant.powershell} useCulture=${useCulture}`;
      assert.equal(parsed.format, 'getprocess-csv', label);
      assert.equal(parsed.status, 'ok', label);
      const expected = getProcessOrder(state.processes).map((p) => [exported(p.name, state), p.pid, p.sessionId, p.pmBytes, p.wsBytes, p.npmBytes]);
      assert.deepEqual(processes(parsed.facts).map((f) => [f.name, f.pid, f.sessionId, f.pmBytes, f.wsBytes, f.npmBytes]), expected, label);
    }
  }
});

test('Export-Csv: 5.1 has the #TYPE line, ASCII and no Parent; 7 has Parent, UTF-8 and no type line', () => {
  const ps51 = emitGetProcessCsv(sampleState({ powershell: '5.1' })).toString('latin1');
  assert.ok(ps51.startsWith('#TYPE System.Diagnostics.Process\r\n"Name","SI","Handles","VM","WS","PM","NPM","Path","Company","CPU",'));
  assert.ok(ps51.includes('"Caf?-Agent"') && !/[^\x00-\x7f]/.test(ps51));
  const ps7 = emitGetProcessCsv(sampleState({ powershell: '7' })).toString('utf8');
  assert.ok(ps7.startsWith('"Name","SI","Handles","VM","WS","PM","NPM","Path","Parent","Company",'));
  assert.ok(ps7.includes('"Café-Agent"') && ps7.endsWith('\r\n'));
  assert.ok(emitGetProcessCsv(sampleState({ locale: 'de-DE' }), { useCulture: true }).toString('latin1').includes('"Name";"SI";"Handles"'));
});

test('formatted table: PM/WS/NPM within the rounding of K (5.1) or N2 MB of a single (7), names and Ids exact', async () => {
  for (const variant of VARIANTS) {
    const state = sampleState(variant);
    const parsed = await readBack(emitGetProcessTable(state));
    const label = `${variant.locale} ${variant.powershell}`;
    assert.equal(parsed.format, 'getprocess-table', label);
    assert.equal(parsed.status, 'ok', label);
    const facts = processes(parsed.facts);
    const expected = getProcessOrder(state.processes);
    assert.deepEqual(facts.map((f) => [f.name, f.pid, f.sessionId]), expected.map((p) => [p.name, p.pid, p.sessionId]), label);
    const tolerance = variant.powershell === '5.1' ? KiB / 2 : 0.0051 * MiB;
    facts.forEach((f, i) => {
      const p = expected[i]!;
      assert.ok(Math.abs(f.pmBytes! - p.pmBytes) <= tolerance, `${label} ${p.name} PM ${f.pmBytes} vs ${p.pmBytes}`);
      assert.ok(Math.abs(f.wsBytes! - p.wsBytes) <= tolerance, `${label} ${p.name} WS ${f.wsBytes} vs ${p.wsBytes}`);
      assert.ok(Math.abs(f.npmBytes! - p.npmBytes) <= KiB / 2, `${label} ${p.name} NPM`);
    });
  }
});

test('formatted table: the column layout of each version, culture numbers, blank CPU for processes that cannot be opened', () => {
  const ps51 = emitGetProcessTable(sampleState({ powershell: '5.1' }));
  assert.deepEqual([...ps51.subarray(0, 2)], [0xff, 0xfe]);
  const lines51 = ps51.subarray(2).toString('utf16le').split('\r\n');
  assert.equal(lines51[1], 'Handles  NPM(K)    PM(K)      WS(K)     CPU(s)     Id  SI ProcessName');
  assert.equal(lines51[2], '-------  ------    -----      -----     ------     --  -- -----------');
  assert.ok(lines51.includes('    880      29   215040     246272  17,848.02   3120   0 MsMpEng'), lines51.join('\n'));
  assert.ok(lines51.includes('   3120       8      204        152                 4   0 System'));
  const ps7 = emitGetProcessTable(sampleState({ powershell: '7', locale: 'fr-FR' })).toString('utf8').split('\r\n');
  assert.equal(ps7[1], ' NPM(K)    PM(M)      WS(M)     CPU(s)      Id  SI ProcessName');
  assert.ok(ps7.includes('     35 1\u202F531,43     760,20   3\u202F600,50    6120   0 w3wp'), ps7.join('\n'));
});

test('Measure-Object: the exact Σ PM and the count, in both layouts', async () => {
  for (const variant of VARIANTS) {
    const state = sampleState(variant);
    const parsed = await readBack(emitGetProcessMeasure(state));
    assert.equal(parsed.format, 'getprocess-measure');
    assert.equal(parsed.status, 'ok');
    assert.deepEqual(sums(parsed.facts).map((f) => [f.property, f.bytes, f.count]), [['PM', pmSum(state), state.processes.length]]);
  }
  const ps7 = emitGetProcessMeasure(sampleState({ powershell: '7' })).toString('utf8');
  assert.match(ps7, /^\r\nCount {13}: 12\r\nAverage {11}: \r\nSum {15}: \d+\r\n/);
  assert.match(ps7, /StandardDeviation : \r\nProperty {10}: PM\r\n\r\n\r\n$/);
});

test('"{0:N2}MB" one-liner: Σ PM within half a hundredth of a MB, in the culture\'s format', async () => {
  for (const variant of VARIANTS) {
    const state = sampleState(variant);
    const parsed = await readBack(emitGetProcessSum(state));
    assert.equal(parsed.format, 'getprocess-sum', `${variant.locale} ${variant.powershell}`);
    const [sum] = sums(parsed.facts);
    assert.ok(sum && sum.property === 'PM' && Math.abs(sum.bytes - pmSum(state)) <= 0.005 * MiB, `${variant.locale}: ${sum?.bytes}`);
  }
  assert.equal(emitGetProcessSum(sampleState({ powershell: '7', locale: 'ru-RU' })).toString('utf8'), '1\u00A0927,38MB\r\n');
});

test('the same state gives the same bytes, and emitting does not change the state', () => {
  for (const emit of [emitGetProcessCsv, emitGetProcessTable, emitGetProcessMeasure, emitGetProcessSum]) {
    for (const variant of VARIANTS) {
      const state = sampleState(variant);
      const before = JSON.stringify(state);
      assert.ok(emit(state).equals(emit(structuredClone(state))), `${emit.name} ${variant.locale} ${variant.powershell}`);
      assert.equal(JSON.stringify(state), before);
    }
  }
});
