import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pnpdeviceCsv, problemCodeOf } from '../../../src/ingest/parsers/pnpdevice-csv.js';
import { parseFixture, parseWith } from '../../helpers/parse.js';

test('5.1 Export-Csv with #TYPE line: devices with class, status, problem code, service, presence', async () => {
  const file = 'exports/pnpdevice-csv/ps51-type-line.csv';
  const { facts, messages, sniff } = await parseFixture(pnpdeviceCsv, file);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(facts, [
    {
      kind: 'device',
      name: 'VirtIO Balloon Driver',
      deviceClass: 'System',
      status: 'OK',
      instanceId: 'PCI\\VEN_1AF4&DEV_1002&SUBSYS_00051AF4&REV_00\\3&267A616A&0&28',
      problemCode: 0,
      service: 'BALLOON',
      present: true,
      source: { file, line: 3 },
    },
    {
      kind: 'device',
      name: 'Microsoft Basic Display Adapter',
      deviceClass: 'Display',
      status: 'OK',
      instanceId: 'PCI\\VEN_1234&DEV_1111&SUBSYS_11001AF4&REV_02\\3&267A616A&0&10',
      problemCode: 0,
      service: 'BasicDisplay',
      present: true,
      source: { file, line: 4 },
    },
    {
      kind: 'device',
      name: 'PCI Device',
      status: 'Error',
      instanceId: 'PCI\\VEN_1AF4&DEV_1045&SUBSYS_11001AF4&REV_01\\3&267A616A&0&38',
      problemCode: 28,
      present: true,
      source: { file, line: 5 },
    },
    {
      kind: 'device',
      name: 'Red Hat QXL controller',
      deviceClass: 'Display',
      status: 'Unknown',
      instanceId: 'PCI\\VEN_1B36&DEV_0100&SUBSYS_11001AF4&REV_05\\3&267A616A&0&08',
      problemCode: 45,
      service: 'qxldod',
      present: false,
      source: { file, line: 6 },
    },
  ]);
});

test('PS7 selected columns, semicolon delimiter, CM_PROB_ names', async () => {
  const file = 'exports/pnpdevice-csv/ps7-select-semicolon-enum-names.csv';
  const { facts, messages, sniff } = await parseFixture(pnpdeviceCsv, file);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.equal(facts.length, 3);
  assert.deepEqual(facts[1], {
    kind: 'device',
    name: 'VirtIO Balloon Driver',
    deviceClass: 'System',
    status: 'Error',
    instanceId: 'PCI\\VEN_1AF4&DEV_1045&SUBSYS_11001AF4&REV_01\\3&13C0B0C5&0&30',
    problemCode: 28,
    present: true,
    source: { file, line: 3 },
  });
  assert.equal(facts[0]!.kind === 'device' && facts[0]!.name, 'Microsoft Hyper-V Video');
  assert.equal(facts[2]!.kind === 'device' && facts[2]!.service, 'vm3dmp_loader');
});

test('default table in UTF-16LE, read by dash-line column extents', async () => {
  const file = 'exports/pnpdevice-csv/ps51-default-table-utf16le.txt';
  const { facts, messages, sniff } = await parseFixture(pnpdeviceCsv, file);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(facts[0], {
    kind: 'device',
    name: 'VirtIO Balloon Driver',
    deviceClass: 'System',
    status: 'OK',
    instanceId: 'PCI\\VEN_1AF4&DEV_1002&SUBSYS_00051AF4&REV_00\\3&267A616A&0&28',
    source: { file, line: 4 },
  });
  assert.deepEqual(facts[2], {
    kind: 'device',
    name: 'PCI Simple Communications Controller',
    status: 'Error',
    instanceId: 'PCI\\VEN_1AF4&DEV_1003&SUBSYS_00031AF4&REV_00\\3&267A616A&0&30',
    source: { file, line: 6 },
  });
  assert.deepEqual(
    facts.map((f) => f.kind === 'device' && [f.name, f.status]),
    [
      ['VirtIO Balloon Driver', 'OK'],
      ['Red Hat VirtIO GPU DOD controller', 'OK'],
      ['PCI Simple Communications Controller', 'Error'],
      ['Microsoft Basic Display Adapter', 'Unknown'],
      ['VirtualBox Graphics Adapter (WDDM)', 'OK'],
    ],
  );
});

test('bad problem code and nameless rows give warnings, the rest is used', async () => {
  const text = '"Status","Class","FriendlyName","InstanceId","ConfigManagerErrorCode"\n"OK","System","A","ROOT\\A\\0000","CM_PROB_BOGUS"\n"OK","System","","",""\n"OK","Net","B","ROOT\\B\\0000","0"\n"OK","Net","C';
  const { facts, messages } = await parseWith(pnpdeviceCsv, text);
  assert.deepEqual(facts.map((f) => f.kind === 'device' && [f.name, f.problemCode]), [['A', undefined], ['B', 0]]);
  assert.deepEqual(messages.map((m) => [m.code, m.line]), [['VALUE_INVALID', 2], ['VALUE_INVALID', 3], ['CSV_TRUNCATED', 5]]);
});

test('problem codes from numbers and CM_PROB_ names', () => {
  assert.equal(problemCodeOf('CM_PROB_FAILED_INSTALL'), 28);
  assert.equal(problemCodeOf('cm_prob_disabled'), 22);
  assert.equal(problemCodeOf('CM_PROB_NONE'), 0);
  assert.equal(problemCodeOf('43'), 43);
  assert.equal(problemCodeOf(10), 10);
  assert.equal(problemCodeOf('FAILED_INSTALL'), undefined);
});

test('does not claim Get-Process CSV, driverquery or systeminfo', async () => {
  assert.equal((await parseWith(pnpdeviceCsv, '#TYPE System.Diagnostics.Process\n"Name","SI","Handles","VM","WS","PM","NPM","Path","Company","CPU","Id"\n')).sniff, 0);
  assert.equal((await parseWith(pnpdeviceCsv, '"Module Name","Display Name","Description","Driver Type","Start Mode","State","Status"\n')).sniff, 0);
  assert.equal((await parseWith(pnpdeviceCsv, '"Host Name","OS Name","OS Version","System Type"\n')).sniff, 0);
  assert.equal((await parseWith(pnpdeviceCsv, 'Handles  NPM(K)    PM(K)      WS(K)     CPU(s)     Id  SI ProcessName\n-------  ------    -----      -----     ------     --  -- -----------\n')).sniff, 0);
});

test('a run of blank lines does not make the table-header pattern backtrack (it took 2 s on 30 KB)', () => {
  const head = `${'\n'.repeat(60 * 1024)}Status Class FriendlyName InstanceId\n------ ----- ------------ ----------\n`;
  const started = performance.now();
  assert.ok(pnpdeviceCsv.sniff(head) >= 0.9);
  assert.ok(performance.now() - started < 1_000, `${Math.round(performance.now() - started)} ms`);
});
