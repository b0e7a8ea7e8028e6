import assert from 'node:assert/strict';
import { test } from 'node:test';
import { driverqueryCsv } from '../../../src/ingest/parsers/driverquery-csv.js';
import type { DriverFact } from '../../../src/model/facts.js';
import { parseFixture, parseWith } from '../../helpers/parse.js';

test('driverquery /v /fo csv: state, start mode, path and grouped paged pool bytes', async () => {
  const file = 'exports/driverquery-csv/verbose-en.csv';
  const { facts, messages, sniff } = await parseFixture(driverqueryCsv, file);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.equal(facts.length, 5);
  assert.deepEqual(facts[0], {
    kind: 'driver',
    module: 'ACPI',
    displayName: 'Microsoft ACPI Driver',
    state: 'Running',
    startMode: 'Boot',
    path: 'C:\\Windows\\system32\\drivers\\ACPI.sys',
    pagedPoolBytes: 20480,
    source: { file, line: 2 },
  });
  const drivers = facts as DriverFact[];
  assert.equal(drivers[1]!.module, 'BALLOON');
  assert.equal(drivers[3]!.pagedPoolBytes, 1224704);
  assert.equal(drivers[4]!.state, 'Stopped');
  assert.equal(drivers[4]!.pagedPoolBytes, 0);
});

test('plain driverquery /fo csv: module and display name only', async () => {
  const file = 'exports/driverquery-csv/plain-en.csv';
  const { facts, messages, sniff } = await parseFixture(driverqueryCsv, file);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(facts[1], { kind: 'driver', module: 'qxldod', displayName: 'Red Hat QXL controller', source: { file, line: 3 } });
});

test('German header: 15 columns read by position, "20.480" grouping', async () => {
  const file = 'exports/driverquery-csv/verbose-de-utf16le-positional.csv';
  const { facts, messages, sniff } = await parseFixture(driverqueryCsv, file);
  assert.ok(sniff >= 0.5);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [['COLUMN_MISSING', 'info', 1]]);
  assert.deepEqual(facts[1], {
    kind: 'driver',
    module: 'vmmemctl',
    displayName: 'Memory Control Driver',
    state: 'Wird ausgeführt',
    startMode: 'Automatisch',
    path: 'C:\\Program Files\\Common Files\\VMware\\Drivers\\memctl\\vmmemctl.sys',
    pagedPoolBytes: 8192,
    source: { file, line: 3 },
  });
});

test('bad paged pool value and a row without module are warnings; an unknown header is an error', async () => {
  const text = '"Module Name","Display Name","Paged Pool(bytes)"\n"A","Alpha","lots"\n"","Nameless","0"\n"B","Beta","1 024"\n';
  const { facts, messages } = await parseWith(driverqueryCsv, text);
  assert.deepEqual((facts as DriverFact[]).map((f) => [f.module, f.pagedPoolBytes]), [['A', undefined], ['B', 1024]]);
  assert.deepEqual(messages.map((m) => [m.code, m.line]), [['VALUE_INVALID', 2], ['VALUE_INVALID', 3]]);

  const unknown = await parseWith(driverqueryCsv, '"x","y","z"\n"1","2","3"\n');
  assert.deepEqual(unknown.facts, []);
  assert.equal(unknown.messages[0]!.code, 'COLUMN_MISSING');
  assert.equal(unknown.messages[0]!.severity, 'error');
});

test('does not claim systeminfo CSV, Get-Process CSV or PDH-CSV', async () => {
  assert.equal((await parseWith(driverqueryCsv, '"Host Name","OS Name","OS Version"\n"A","B","C"\n')).sniff, 0);
  assert.equal((await parseWith(driverqueryCsv, '"Name","SI","Handles","VM","WS","PM","NPM","Path"\n')).sniff, 0);
  assert.equal((await parseWith(driverqueryCsv, '"(PDH-CSV 4.0) (UTC)(0)","\\\\H\\Memory\\Available Bytes"\n')).sniff, 0);
});
