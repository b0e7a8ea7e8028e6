import assert from 'node:assert/strict';
import { test } from 'node:test';
import { virshDommemstat } from '../../../src/ingest/parsers/virsh-dommemstat.js';
import { parseFixture, parseWith } from '../../helpers/parse.js';

test('reads the balloon actual size in KiB as bytes', async () => {
  const { facts, messages, sniff } = await parseFixture(virshDommemstat, 'exports/virsh-dommemstat/balloon-full.txt');
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(facts, [
    { kind: 'hypervisor', hypervisor: 'kvm', field: 'balloonActualBytes', value: 4 * 1024 ** 3, source: { file: 'exports/virsh-dommemstat/balloon-full.txt', line: 1, field: 'actual' } },
  ]);
});

test('CRLF output of an inflated balloon', async () => {
  const { facts } = await parseFixture(virshDommemstat, 'exports/virsh-dommemstat/balloon-inflated-crlf.txt');
  assert.equal(facts.length, 1);
  assert.equal(facts[0]!.kind === 'hypervisor' && facts[0]!.value, 2 * 1024 ** 3);
});

test('does not claim other key-value text', async () => {
  const { sniff } = await parseWith(virshDommemstat, 'memory: 4096\nballoon: 0\n');
  assert.equal(sniff, 0);
});
