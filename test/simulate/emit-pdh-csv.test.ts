import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CounterFact } from '../../src/model/facts.js';
import { emitPdhCsv } from '../../src/simulate/emit/pdh-csv.js';
import { hypervisorHostName } from '../../src/simulate/emit/readings.js';
import { readBack, sampleState, VARIANTS } from '../helpers/sample-state.js';

const counters = (facts: { kind: string }[]) => facts.filter((f): f is CounterFact => f.kind === 'counter');

test('guest log: every counter back with its path, sample count, first and last value, local times with the offset', async () => {
  for (const variant of VARIANTS) {
    const state = sampleState({ ...variant, hypervisor: 'hyperv' });
    const content = emitPdhCsv(state);
    assert.ok(content);
    const parsed = await readBack(content);
    assert.equal(parsed.format, 'pdh-csv');
    assert.equal(parsed.status, 'ok');
    const guest = state.counters.filter((c) => !c.onHost);
    assert.deepEqual(
      counters(parsed.facts).map((f) => [f.host, f.object, f.instance, f.counter, f.samples, f.first, f.last, f.firstTime, f.lastTime]),
      guest.map((c) => [state.hostName, c.object, c.instance, c.counter, c.values.length, c.values[0], c.values.at(-1), '2026-11-02T09:00:00.250+01:00', '2026-11-02T09:01:00.250+01:00']),
    );
  }
});

test('host log: the Hyper-V host counters under the host name, none for a guest without them', async () => {
  const state = sampleState({ hypervisor: 'hyperv' });
  const content = emitPdhCsv(state, { host: true });
  assert.ok(content);
  const parsed = await readBack(content);
  assert.equal(parsed.status, 'ok');
  const facts = counters(parsed.facts);
  assert.deepEqual(facts.map((f) => [f.host, f.object, f.instance, f.counter, f.last]), state.counters.filter((c) => c.onHost).map((c) => [hypervisorHostName(state), c.object, state.vmName, c.counter, c.values.at(-1)]));
  assert.equal(emitPdhCsv(sampleState({ hypervisor: 'kvm' }), { host: true }), undefined);
});

test('the header cell, quoted values and PDH\'s " " for a sample a late counter does not have', () => {
  const state = sampleState();
  state.counters.push({ object: 'Memory', counter: 'Cache Bytes', values: [10, 20] });
  const lines = emitPdhCsv(state)!.toString('utf8').split('\r\n');
  assert.ok(lines[0]!.startsWith('"(PDH-CSV 4.0) (W. Europe Standard Time)(-60)","\\\\APP-VM07\\Memory\\Available MBytes",'));
  assert.ok(lines[1]!.startsWith('"11/02/2026 09:00:00.250",'));
  assert.ok(lines[1]!.endsWith('," "'));
  assert.ok(lines[2]!.includes('"11.296813511113458"'));
  assert.ok(lines[5]!.endsWith(',"20"'));
});

test('the same state gives the same bytes', () => {
  for (const host of [false, true]) assert.ok(emitPdhCsv(sampleState({ hypervisor: 'hyperv' }), { host })!.equals(emitPdhCsv(sampleState({ hypervisor: 'hyperv' }), { host })!));
});
