import assert from 'node:assert/strict';
import { test } from 'node:test';
import { proxmoxQmConfig } from '../../../src/ingest/parsers/proxmox-qm-config.js';
import type { Fact } from '../../../src/model/facts.js';
import { parseFixture, parseWith } from '../../helpers/parse.js';

const MiB = 1024 ** 2;
const DIR = 'exports/proxmox-qm-config';

/** [field, value, line] per hypervisor fact, in emission order. */
function rows(facts: Fact[]): [string, unknown, number | undefined][] {
  return facts.map((f) => {
    assert.equal(f.kind, 'hypervisor');
    assert.ok(f.kind === 'hypervisor' && f.hypervisor === 'kvm');
    return [f.field, f.value, f.source.line];
  });
}

test('qm config with a balloon target and a QXL display', async () => {
  const { facts, messages, sniff } = await parseFixture(proxmoxQmConfig, `${DIR}/qm-config-win11-balloon-qxl.txt`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(rows(facts), [
    ['balloonEnabled', true, 2],
    ['balloonTargetBytes', 2048 * MiB, 2],
    ['configuredBytes', 8192 * MiB, 9],
    ['vmName', 'win11-desk', 11],
    ['guestOsType', 'win11', 14],
    ['display', 'qxl', 20],
  ]);
  assert.deepEqual(facts[2]!.source, { file: `${DIR}/qm-config-win11-balloon-qxl.txt`, line: 9, field: 'memory' });
});

test('raw .conf: comments skipped, memory current=, default balloon on the memory line, snapshot ignored', async () => {
  const { facts, messages, sniff } = await parseFixture(proxmoxQmConfig, `${DIR}/pve-conf-current-no-balloon-snapshot.conf`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(rows(facts), [
    ['configuredBytes', 6144 * MiB, 6],
    ['vmName', 'fs01', 7],
    ['guestOsType', 'win10', 9],
    ['balloonEnabled', true, 6],
    ['balloonTargetBytes', 6144 * MiB, 6],
    ['display', 'std', undefined],
  ]);
});

test('balloon: 0 disables ballooning; vga type= option; CRLF', async () => {
  const { facts, messages, sniff } = await parseFixture(proxmoxQmConfig, `${DIR}/qm-config-balloon-off-crlf.txt`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(rows(facts), [
    ['balloonEnabled', false, 1],
    ['configuredBytes', 4096 * MiB, 4],
    ['vmName', 'win7-legacy', 5],
    ['guestOsType', 'win7', 6],
    ['display', 'std', 7],
  ]);
});

test('values that are not MiB become warnings, the rest is used', async () => {
  const { facts, messages } = await parseFixture(proxmoxQmConfig, `${DIR}/memory-not-a-number.txt`);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [
    ['VALUE_INVALID', 'warning', 3],
    ['VALUE_INVALID', 'warning', 4],
    ['COLUMN_MISSING', 'info', undefined],
  ]);
  assert.deepEqual(rows(facts), [['guestOsType', 'win10', 5], ['display', 'std', undefined]]);
});

test('vga: memory=... alone keeps the std type', async () => {
  const { facts } = await parseWith(proxmoxQmConfig, 'memory: 2048\nvga: memory=64\n');
  assert.deepEqual(rows(facts).filter(([field]) => field === 'display'), [['display', 'std', 2]]);
});

test('sniff does not claim other formats', () => {
  assert.equal(proxmoxQmConfig.sniff('balloon: actual=10140 max_mem=10240 total_mem=2047 free_mem=2047\n'), 0);
  assert.equal(proxmoxQmConfig.sniff('actual 4194304\nswap_in 0\nrss 2101220\n'), 0);
  assert.equal(proxmoxQmConfig.sniff('.encoding = "UTF-8"\nconfig.version = "8"\nmemsize = "4096"\n'), 0);
  assert.equal(proxmoxQmConfig.sniff('Host Name:                 WIN10\nOS Name:                   Microsoft Windows 10 Pro\nTotal Physical Memory:     4,095 MB\n'), 0);
  assert.equal(proxmoxQmConfig.sniff('Count    : 682\nSum      : 1234\nProperty : PM\n'), 0);
});
