import assert from 'node:assert/strict';
import { test } from 'node:test';
import { systeminfoCsv } from '../../../src/ingest/parsers/systeminfo-csv.js';
import type { SystemFact } from '../../../src/model/facts.js';
import { parseFixture, parseWith, readFixture } from '../../helpers/parse.js';

const MiB = 1024 * 1024;
const byField = (facts: unknown[]) => Object.fromEntries((facts as SystemFact[]).map((f) => [f.field, f.value]));

test('English header (VirtualBox capture): named columns, "1,024 MB"', async () => {
  const file = 'exports/systeminfo-csv/en-virtualbox.csv';
  const { facts, messages, sniff } = await parseFixture(systeminfoCsv, file);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(byField(facts), {
    hostName: 'WIN81-VBOX',
    osName: 'Microsoft Windows 8.1 Pro',
    osVersion: '6.3.9600 N/A Build 9600',
    manufacturer: 'innotek GmbH',
    model: 'VirtualBox',
    osArchitecture: 'x64-based PC',
    biosVersion: 'innotek GmbH VirtualBox, 12/1/2006',
    visibleBytes: 1024 * MiB,
    availableBytes: 423 * MiB,
    commitLimitBytes: 2752 * MiB,
    committedBytes: 984 * MiB,
    hypervisorPresent: true,
  });
  assert.deepEqual((facts as SystemFact[])[7]!.source, { file, line: 3, field: 'Total Physical Memory' });
});

test('German header in the OEM code page, dotted grouping', async () => {
  const { facts, messages, sniff } = await parseFixture(systeminfoCsv, 'exports/systeminfo-csv/de-kvm-cp850-oem.csv');
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  const values = byField(facts);
  assert.equal(values.manufacturer, 'QEMU');
  assert.equal(values.visibleBytes, 8191 * MiB);
  assert.equal(values.availableBytes, 1302 * MiB);
  assert.equal(values.committedBytes, 7460 * MiB);
  assert.equal(values.hypervisorPresent, true);
});

test('French header in UTF-16LE with no-break space grouping', async () => {
  const { facts, messages, sniff } = await parseFixture(systeminfoCsv, 'exports/systeminfo-csv/fr-hyperv-utf16le-bom.csv');
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  const values = byField(facts);
  assert.equal(values.hostName, 'AZ-FR01');
  assert.equal(values.biosVersion, 'American Megatrends Inc. 090007 , 20/06/2019');
  assert.equal(values.visibleBytes, 16383 * MiB);
  assert.equal(values.availableBytes, 9100 * MiB);
  assert.equal(values.hypervisorPresent, true);
});

test('/nh output cannot be mapped and says so', async () => {
  const { facts, messages, sniff } = await parseFixture(systeminfoCsv, 'exports/systeminfo-csv/en-nh-no-header.csv');
  assert.ok(sniff >= 0.5);
  assert.deepEqual(facts, []);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [['COLUMN_MISSING', 'error', 2]]);
  assert.match(messages[0]!.text, /\/nh/);
});

test('an Italian header is read by its labels (Italian is known since the real wesng output)', async () => {
  const { facts, messages, sniff } = await parseFixture(systeminfoCsv, 'exports/systeminfo-csv/it-header-positional.csv');
  assert.ok(sniff >= 0.5);
  assert.deepEqual(messages, []);
  const values = byField(facts);
  assert.equal(values.hostName, 'WIN-IT01');
  assert.equal(values.visibleBytes, 2048 * MiB);
  assert.equal(values.availableBytes, 512 * MiB);
  const visible = (facts as SystemFact[]).find((f) => f.field === 'visibleBytes')!;
  assert.equal(visible.source.field, 'Memoria fisica totale');
});

test('a header in a language guestram does not know, with the 33 systeminfo columns, is read by position', async () => {
  const original = readFixture('exports/systeminfo-csv/it-header-positional.csv').toString('utf8');
  const [header, ...rest] = original.replace(/^\s+/, '').split(/\r?\n/);
  const unknownHeader = header!.split('","').map((_, i) => `Pole ${i + 1}`).join('","');
  const { facts, messages } = await parseWith(systeminfoCsv, [`"${unknownHeader}"`, ...rest].join('\r\n'));
  assert.deepEqual(messages.map((m) => [m.code, m.severity]), [['COLUMN_MISSING', 'info']]);
  assert.equal(byField(facts).visibleBytes, 2048 * MiB);
});

test('bad size value is a warning and a truncated record is reported', async () => {
  const text = '"Host Name","Total Physical Memory","Available Physical Memory"\n"H","many","570 MB"\n"H2","1,024 MB","4';
  const { facts, messages } = await parseWith(systeminfoCsv, text);
  assert.deepEqual(byField(facts), { hostName: 'H', availableBytes: 570 * MiB });
  assert.deepEqual(messages.map((m) => [m.code, m.line]), [['VALUE_INVALID', 2], ['CSV_TRUNCATED', 3]]);
});

test('does not claim the list form, Get-Process CSV or driverquery', async () => {
  assert.equal((await parseWith(systeminfoCsv, 'Host Name:                 H\nOS Name:                   W\nTotal Physical Memory:     1 MB\n')).sniff, 0);
  assert.equal((await parseWith(systeminfoCsv, '#TYPE System.Diagnostics.Process\n"Name","SI","Handles","VM","WS","PM","NPM","Path"\n')).sniff, 0);
  assert.equal((await parseWith(systeminfoCsv, '"Module Name","Display Name","Driver Type","Link Date"\n"ACPI","Microsoft ACPI Driver","Kernel ","12/10/2024"\n')).sniff, 0);
});
