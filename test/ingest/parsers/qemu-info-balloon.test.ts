import assert from 'node:assert/strict';
import { test } from 'node:test';
import { qemuInfoBalloon } from '../../../src/ingest/parsers/qemu-info-balloon.js';
import type { Fact } from '../../../src/model/facts.js';
import { parseFixture, parseWith, utf16le } from '../../helpers/parse.js';

const MiB = 1024 ** 2;
const DIR = 'exports/qemu-info-balloon';

function rows(facts: Fact[]): [string, unknown, number | undefined, string | undefined][] {
  return facts.map((f) => {
    assert.ok(f.kind === 'hypervisor' && f.hypervisor === 'kvm');
    return [f.field, f.value, f.source.line, f.source.field];
  });
}

test('Proxmox guest stats: actual, max_mem and the balloon size between them', async () => {
  const { facts, messages, sniff } = await parseFixture(qemuInfoBalloon, `${DIR}/proxmox-guest-stats.txt`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(rows(facts), [
    ['balloonActualBytes', 10140 * MiB, 1, 'actual'],
    ['configuredBytes', 10240 * MiB, 1, 'max_mem'],
    ['balloonSizeBytes', 100 * MiB, 1, 'max_mem - actual'],
  ]);
});

test('plain QEMU inside a qm monitor session', async () => {
  const { facts, messages, sniff } = await parseFixture(qemuInfoBalloon, `${DIR}/qm-monitor-session-plain-qemu.txt`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(rows(facts), [['balloonActualBytes', 3072 * MiB, 3, 'actual']]);
});

test('output on the prompt line, CRLF', async () => {
  const { facts, sniff } = await parseFixture(qemuInfoBalloon, `${DIR}/prompt-on-same-line-crlf.txt`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(rows(facts), [
    ['balloonActualBytes', 6144 * MiB, 2, 'actual'],
    ['configuredBytes', 8192 * MiB, 2, 'max_mem'],
    ['balloonSizeBytes', 2048 * MiB, 2, 'max_mem - actual'],
  ]);
});

test('no balloon device: ballooning is off', async () => {
  const { facts, messages, sniff } = await parseFixture(qemuInfoBalloon, `${DIR}/balloon-not-activated.txt`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(rows(facts), [['balloonEnabled', false, 3, 'balloon']]);
});

test('a bad actual value is a warning; max_mem is still used', async () => {
  const { facts, messages } = await parseFixture(qemuInfoBalloon, `${DIR}/bad-actual-value.txt`);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [['VALUE_INVALID', 'warning', 3]]);
  assert.deepEqual(rows(facts), [['configuredBytes', 8192 * MiB, 3, 'max_mem']]);
});

test('UTF-16LE copy (saved from a Windows console) and an empty monitor session', async () => {
  const { facts } = await parseWith(qemuInfoBalloon, utf16le('balloon: actual=2048\r\n'));
  assert.deepEqual(rows(facts), [['balloonActualBytes', 2048 * MiB, 1, 'actual']]);
  const empty = await parseWith(qemuInfoBalloon, "Entering QEMU Monitor for VM 100 - type 'help' for help\nqm> quit\n");
  assert.deepEqual(empty.messages.map((m) => m.code), ['NO_DATA']);
  assert.equal(empty.sniff, 0);
});

test('sniff does not claim other formats', () => {
  assert.equal(qemuInfoBalloon.sniff('actual 4194304\nswap_in 0\nrss 2101220\n'), 0);
  assert.equal(qemuInfoBalloon.sniff('balloon: 2048\ncores: 4\nmemory: 8192\nostype: win11\n'), 0);
  assert.equal(qemuInfoBalloon.sniff('1024 MB\n'), 0);
});
