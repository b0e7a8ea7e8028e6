import assert from 'node:assert/strict';
import { test } from 'node:test';
import { systeminfoList } from '../../../src/ingest/parsers/systeminfo-list.js';
import type { SystemFact } from '../../../src/model/facts.js';
import { parseFixture, parseWith } from '../../helpers/parse.js';

const MiB = 1024 * 1024;
const byField = (facts: unknown[]) => Object.fromEntries((facts as SystemFact[]).map((f) => [f.field, f.value]));

test('English list in UTF-16LE: fields, MB sizes, multi-line values skipped', async () => {
  const file = 'exports/systeminfo-list/en-qemu-utf16le-bom.txt';
  const { facts, messages, sniff } = await parseFixture(systeminfoList, file);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(byField(facts), {
    hostName: 'WIN10-QEMU',
    osName: 'Microsoft Windows 10 Pro',
    osVersion: '10.0.19045 N/A Build 19045',
    manufacturer: 'QEMU',
    model: 'Standard PC (Q35 + ICH9, 2009)',
    osArchitecture: 'x64-based PC',
    biosVersion: 'EFI Development Kit II / OVMF 4.2023.08-4, 2/15/2024',
    visibleBytes: 4095 * MiB,
    availableBytes: 1210 * MiB,
    commitLimitBytes: 5375 * MiB,
    committedBytes: 3411 * MiB,
    hypervisorPresent: true,
  });
  const visible = (facts as SystemFact[]).find((f) => f.field === 'visibleBytes');
  assert.deepEqual(visible!.source, { file, line: 25, field: 'Total Physical Memory' });
  const hyperv = (facts as SystemFact[]).find((f) => f.field === 'hypervisorPresent');
  assert.equal(hyperv!.source.line, 44);
});

test('German in the OEM code page (cp850): dotted grouping, umlaut labels still recognized', async () => {
  const { facts, messages, sniff } = await parseFixture(systeminfoList, 'exports/systeminfo-list/de-hyperv-cp850-oem.txt');
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  const values = byField(facts);
  assert.equal(values.visibleBytes, 4096 * MiB);
  assert.equal(values.availableBytes, 1024 * MiB);
  assert.equal(values.commitLimitBytes, 5504 * MiB);
  assert.equal(values.committedBytes, 3456 * MiB);
  assert.equal(values.manufacturer, 'Microsoft Corporation');
  assert.equal(values.model, 'Virtual Machine');
  assert.equal(values.hypervisorPresent, true);
});

test('French with narrow no-break space grouping and "Mo"', async () => {
  const { facts, messages, sniff } = await parseFixture(systeminfoList, 'exports/systeminfo-list/fr-vmware-utf8-narrow-nbsp.txt');
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  const values = byField(facts);
  assert.equal(values.hostName, 'WIN-FR01');
  assert.equal(values.model, 'VMware7,1');
  assert.equal(values.visibleBytes, 8191 * MiB);
  assert.equal(values.availableBytes, 3512 * MiB);
  assert.equal(values.committedBytes, 5369 * MiB);
  assert.equal(values.hypervisorPresent, true);
});

test('Russian in cp866 is re-decoded; "2 047 МБ"', async () => {
  const { facts, messages, sniff } = await parseFixture(systeminfoList, 'exports/systeminfo-list/ru-kvm-cp866-oem.txt');
  assert.ok(sniff >= 0.9, 'untranslated hallmark values identify garbled legacy text');
  assert.deepEqual(messages, []);
  const values = byField(facts);
  assert.equal(values.hostName, 'WIN-RU01');
  assert.equal(values.osName, 'Майкрософт Windows 10 Pro');
  assert.equal(values.visibleBytes, 2047 * MiB);
  assert.equal(values.availableBytes, 311 * MiB);
  assert.equal(values.commitLimitBytes, 3327 * MiB);
  assert.equal(values.hypervisorPresent, true);
  assert.equal((facts as SystemFact[]).find((f) => f.field === 'visibleBytes')!.source.line, 14);
});

test('Spanish in cp1252, including the "Modelo el sistema" label', async () => {
  const { facts, messages, sniff } = await parseFixture(systeminfoList, 'exports/systeminfo-list/es-virtualbox-cp1252.txt');
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  const values = byField(facts);
  assert.equal(values.manufacturer, 'innotek GmbH');
  assert.equal(values.model, 'VirtualBox');
  assert.equal(values.biosVersion, 'innotek GmbH VirtualBox, 1/12/2006');
  assert.equal(values.visibleBytes, 2048 * MiB);
  assert.equal(values.availableBytes, 733 * MiB);
  assert.equal(values.hypervisorPresent, true);
});

test('a physical host lists the Hyper-V requirements instead: no hypervisor', async () => {
  const text = [
    'Host Name:                 HOST1',
    'OS Name:                   Microsoft Windows 11 Pro',
    'Total Physical Memory:     32,487 MB',
    'Hyper-V Requirements:      VM Monitor Mode Extensions: Yes',
    '                           Virtualization Enabled In Firmware: Yes',
    '                           Second Level Address Translation: Yes',
  ].join('\r\n');
  const { facts } = await parseWith(systeminfoList, text);
  assert.deepEqual(byField(facts), { hostName: 'HOST1', osName: 'Microsoft Windows 11 Pro', visibleBytes: 32487 * MiB, hypervisorPresent: false });
});

test('a bad memory value is a warning; the other fields are used', async () => {
  const text = 'Host Name:                 H\nOS Name:                   Windows\nTotal Physical Memory:     lots\nAvailable Physical Memory: 570 MB\n';
  const { facts, messages } = await parseWith(systeminfoList, text);
  assert.deepEqual(byField(facts), { hostName: 'H', osName: 'Windows', availableBytes: 570 * MiB });
  assert.deepEqual(messages.map((m) => [m.code, m.line]), [['VALUE_INVALID', 3]]);
});

test('text without systeminfo labels gives a message, not a throw', async () => {
  const { facts, messages } = await parseWith(systeminfoList, 'hello\nworld: yes\n');
  assert.deepEqual(facts, []);
  assert.equal(messages[0]!.code, 'NO_DATA');
});

test('does not claim the CSV form or other exports', async () => {
  assert.equal((await parseWith(systeminfoList, '"Host Name","OS Name","OS Version"\n"A","B","C"\n')).sniff, 0);
  assert.equal((await parseWith(systeminfoList, 'Count    : 682\nAverage  :\nSum      : 1234\nProperty : PM\n')).sniff, 0);
  assert.equal((await parseWith(systeminfoList, 'memory: 4096\nballoon: 0\nname: vm\n')).sniff, 0);
});

test('a 64 KiB line full of ": " is sniffed and parsed in linear time (it took 45 s when every colon was tried)', async () => {
  const head = `Host Name: VM1\n${': '.repeat(32 * 1024)}\nTotal Physical Memory: 4,095 MB\n`;
  const started = performance.now();
  systeminfoList.sniff(head);
  const { facts } = await parseWith(systeminfoList, head);
  assert.ok(performance.now() - started < 2_000, `${Math.round(performance.now() - started)} ms`);
  assert.equal(byField(facts).visibleBytes, 4095 * MiB);
});
