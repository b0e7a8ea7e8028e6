import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cimJson } from '../../../src/ingest/parsers/cim-json.js';
import type { DeviceFact, SystemFact } from '../../../src/model/facts.js';
import { parseFixture, parseWith } from '../../helpers/parse.js';

const systems = (facts: unknown[]) => (facts as (SystemFact | DeviceFact)[]).filter((f): f is SystemFact => f.kind === 'system');
const devices = (facts: unknown[]) => (facts as (SystemFact | DeviceFact)[]).filter((f): f is DeviceFact => f.kind === 'device');
const byField = (facts: unknown[]) => Object.fromEntries(systems(facts).map((f) => [f.field, f.value]));

test('PS 5.1 Win32_OperatingSystem in UTF-16LE, CimClass as a nested object: KB sizes to bytes', async () => {
  const file = 'exports/cim-json/os-ps51-utf16le-bom.json';
  const { facts, messages, sniff } = await parseFixture(cimJson, file);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(byField(facts), {
    hostName: 'WIN10-QEMU',
    osName: 'Microsoft Windows 10 Pro',
    osVersion: '10.0.19045',
    osArchitecture: '64-bit',
    visibleBytes: 4193332 * 1024,
    availableBytes: 1239040 * 1024,
    commitLimitBytes: 5504000 * 1024,
    committedBytes: (5504000 - 2011136) * 1024,
  });
  assert.deepEqual(systems(facts).find((f) => f.field === 'visibleBytes')!.source, { file, line: 1, field: 'TotalVisibleMemorySize' });
});

test('concatenated values: ComputerSystem, PhysicalMemory summed, video controllers as devices', async () => {
  const file = 'exports/cim-json/concatenated-ps7-computer-memory-video.json';
  const { facts, messages, sniff } = await parseFixture(cimJson, file);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(byField(facts), {
    hostName: 'pve-win11',
    manufacturer: 'QEMU',
    model: 'Standard PC (Q35 + ICH9, 2009)',
    visibleBytes: 8588746752,
    hypervisorPresent: true,
    installedBytes: 8 * 1024 ** 3,
  });
  assert.deepEqual(systems(facts).find((f) => f.field === 'installedBytes')!.source, { file, line: 14, field: 'Capacity' });
  assert.deepEqual(devices(facts), [
    {
      kind: 'device',
      name: 'Red Hat QXL controller',
      deviceClass: 'Display',
      status: 'OK',
      instanceId: 'PCI\\VEN_1B36&DEV_0100&SUBSYS_11001AF4&REV_05\\3&267A616A&0&08',
      problemCode: 0,
      adapterRamBytes: 0,
      source: { file, line: 34 },
    },
    {
      kind: 'device',
      name: 'Microsoft Basic Display Adapter',
      deviceClass: 'Display',
      status: 'OK',
      instanceId: 'PCI\\VEN_1234&DEV_1111&SUBSYS_11001AF4&REV_02\\3&267A616A&0&10',
      problemCode: 0,
      adapterRamBytes: 268435456,
      source: { file, line: 45 },
    },
  ]);
});

test('object keyed by class (Get-WmiObject with __CLASS), numbers as strings', async () => {
  const file = 'exports/cim-json/wrapper-by-class-wmiobject.json';
  const { facts, messages, sniff } = await parseFixture(cimJson, file);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  const os = systems(facts).find((f) => f.field === 'visibleBytes' && f.source.field === 'TotalVisibleMemorySize')!;
  assert.deepEqual([os.value, os.source.line], [2096696 * 1024, 2]);
  const cs = systems(facts).find((f) => f.source.field === 'TotalPhysicalMemory')!;
  assert.deepEqual([cs.value, cs.source.line], [2147016704, 19]);
  assert.equal(byField(facts).hypervisorPresent, true);
  assert.equal(byField(facts).availableBytes, 512000 * 1024);
  assert.deepEqual(
    devices(facts).map((d) => [d.name, d.deviceClass, d.service, d.problemCode, d.source.line]),
    [
      ['Microsoft Hyper-V Video', 'Display', 'HyperVideo', 0, 28],
      ['Microsoft Hyper-V Dynamic Memory', 'System', 'dmvsc', 0, 37],
    ],
  );
});

test('a truncated Get-PnpDevice array keeps its complete objects', async () => {
  const file = 'exports/cim-json/pnpdevice-truncated.json';
  const { facts, messages, sniff } = await parseFixture(cimJson, file);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages.map((m) => [m.code, m.line]), [['PAYLOAD_TRUNCATED', 1]]);
  assert.deepEqual(devices(facts), [
    {
      kind: 'device',
      name: 'VirtIO Balloon Driver',
      deviceClass: 'System',
      status: 'OK',
      instanceId: 'PCI\\VEN_1AF4&DEV_1002&SUBSYS_00051AF4&REV_00\\3&267A616A&0&28',
      problemCode: 0,
      service: 'BALLOON',
      present: true,
      source: { file, line: 2 },
    },
    {
      kind: 'device',
      name: 'PCI Device',
      status: 'Error',
      instanceId: 'PCI\\VEN_1AF4&DEV_1045&SUBSYS_11001AF4&REV_01\\3&267A616A&0&38',
      problemCode: 28,
      present: true,
      source: { file, line: 13 },
    },
  ]);
});

test('class from hallmark properties alone; bad values and bad objects are reported', async () => {
  const text = '[\n{"TotalVisibleMemorySize": 2096696, "FreePhysicalMemory": "lots"},\n{"Capacity": "x", "DeviceLocator": "DIMM 0"},\n{"Capacity": 1073741824, "DeviceLocator": "DIMM 1"},\n{"__CLASS": "Win32_ComputerSystem", "Model": 5}\n]';
  const { facts, messages } = await parseWith(cimJson, text);
  assert.deepEqual(byField(facts), { visibleBytes: 2096696 * 1024, installedBytes: 1073741824 });
  assert.deepEqual(messages.map((m) => [m.code, m.line]), [['VALUE_INVALID', 2], ['VALUE_INVALID', 3], ['SCHEMA_MISMATCH', 5]]);
});

test('invalid JSON is a message, not a throw', async () => {
  const { facts, messages } = await parseWith(cimJson, '{\n  "TotalVisibleMemorySize": 12,,\n}\n');
  assert.deepEqual(facts, []);
  assert.equal(messages[0]!.code, 'VALUE_INVALID');
  assert.equal(messages[0]!.line, 2);
});

test('does not claim Hyper-V VM objects or other JSON', async () => {
  assert.equal((await parseWith(cimJson, '{"VMName":"web01","DynamicMemoryEnabled":true,"MemoryStartup":4294967296}')).sniff, 0);
  assert.equal((await parseWith(cimJson, '[{"Name":"x","Id":4,"WorkingSet64":1}]')).sniff, 0);
  assert.equal((await parseWith(cimJson, '"Host Name","OS Name"\n')).sniff, 0);
});

test('invalid JSON is described in plain words, without V8 quoting the input back', async () => {
  const { messages } = await parseWith(cimJson, '{\n  "TotalVisibleMemorySize":  NaN,\n  "FreePhysicalMemory":  1\n}\n');
  const message = messages.find((m) => m.code === 'VALUE_INVALID');
  assert.ok(message, JSON.stringify(messages));
  assert.equal(message.text, "This is not valid JSON (unexpected character 'N'); it was not used.");
});
