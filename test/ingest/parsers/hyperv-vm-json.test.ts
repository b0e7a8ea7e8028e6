import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hypervVmJson } from '../../../src/ingest/parsers/hyperv-vm-json.js';
import type { Fact } from '../../../src/model/facts.js';
import { parseFixture, parseWith } from '../../helpers/parse.js';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const DIR = 'exports/hyperv-vm-json';

function rows(facts: Fact[]): [string, unknown, number | undefined, string | undefined][] {
  return facts.map((f) => {
    assert.ok(f.kind === 'hypervisor' && f.hypervisor === 'hyperv');
    return [f.field, f.value, f.source.line, f.source.field];
  });
}

test('Get-VMMemory from PowerShell 5.1 redirected with > (UTF-16LE BOM, CRLF)', async () => {
  const { facts, messages, sniff } = await parseFixture(hypervVmJson, `${DIR}/getvmmemory-dm-ps51-utf16le-bom.json`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(rows(facts), [
    ['vmName', 'SQL01', 13, 'VMName'],
    ['dynamicMemoryEnabled', true, 4, 'DynamicMemoryEnabled'],
    ['configuredBytes', 2 * GiB, 9, 'Startup'],
    ['dmStartupBytes', 2 * GiB, 9, 'Startup'],
    ['dmMinimumBytes', 512 * MiB, 7, 'Minimum'],
    ['dmMaximumBytes', 16 * GiB, 5, 'Maximum'],
    ['dmBufferPercent', 20, 3, 'Buffer'],
    ['dmPriority', 50, 8, 'Priority'],
  ]);
  assert.equal(facts[0]!.source.file, `${DIR}/getvmmemory-dm-ps51-utf16le-bom.json`);
});

test('Get-VM array of two VMs (PowerShell 7); the VM that is off gives no assigned/demand', async () => {
  const { facts, messages, sniff } = await parseFixture(hypervVmJson, `${DIR}/getvm-two-vms-ps7.json`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [['NO_DATA', 'info', 38]]);
  assert.deepEqual(rows(facts), [
    ['vmName', 'WEB01', 3, 'VMName'],
    ['dynamicMemoryEnabled', true, 20, 'DynamicMemoryEnabled'],
    ['configuredBytes', 2 * GiB, 23, 'MemoryStartup'],
    ['dmStartupBytes', 2 * GiB, 23, 'MemoryStartup'],
    ['dmMinimumBytes', 1 * GiB, 22, 'MemoryMinimum'],
    ['dmMaximumBytes', 8 * GiB, 21, 'MemoryMaximum'],
    ['assignedBytes', 3 * GiB, 9, 'MemoryAssigned'],
    ['demandBytes', 2560 * MiB, 10, 'MemoryDemand'],
    ['vmName', 'LAB-OFF', 33, 'VMName'],
    ['dynamicMemoryEnabled', false, 40, 'DynamicMemoryEnabled'],
    ['configuredBytes', 4 * GiB, 43, 'MemoryStartup'],
    ['dmStartupBytes', 4 * GiB, 43, 'MemoryStartup'],
    ['dmMinimumBytes', 512 * MiB, 42, 'MemoryMinimum'],
    ['dmMaximumBytes', 1024 * GiB, 41, 'MemoryMaximum'],
  ]);
});

test('5.1 {value, Count} wrapper, lowercase keys, numbers and booleans as strings, State as a name', async () => {
  const { facts, messages, sniff } = await parseFixture(hypervVmJson, `${DIR}/getvm-strings-enums-value-wrapper.json`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(rows(facts), [
    ['vmName', 'FS02', 4, 'name'],
    ['dynamicMemoryEnabled', true, 9, 'dynamicmemoryenabled'],
    ['configuredBytes', 4 * GiB, 8, 'memorystartup'],
    ['dmStartupBytes', 4 * GiB, 8, 'memorystartup'],
    ['assignedBytes', 6 * GiB, 6, 'memoryassigned'],
    ['demandBytes', 5 * GiB, 7, 'memorydemand'],
  ]);
});

test('a truncated export is reported, not thrown', async () => {
  const { facts, messages, sniff } = await parseFixture(hypervVmJson, `${DIR}/truncated.json`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(facts, []);
  assert.deepEqual(messages.map((m) => [m.code, m.severity]), [['PAYLOAD_TRUNCATED', 'error']]);
});

test('bad values are warnings with their lines; good values are kept', async () => {
  const { facts, messages } = await parseFixture(hypervVmJson, `${DIR}/bad-values.json`);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [
    ['VALUE_INVALID', 'warning', 3],
    ['VALUE_INVALID', 'warning', 4],
    ['VALUE_INVALID', 'warning', 6],
    ['VALUE_INVALID', 'warning', 7],
  ]);
  assert.deepEqual(rows(facts), [
    ['vmName', 'BROKEN', 2, 'VMName'],
    ['dmMinimumBytes', 512 * MiB, 5, 'Minimum'],
    ['dmPriority', 80, 8, 'Priority'],
  ]);
});

test('a VM entry of the wrong shape is skipped with SCHEMA_MISMATCH; the other VM is used', async () => {
  const json = '[\n{"VMName":"A","MemoryAssigned":{"Value":1}},\n{"VMName":"B","MemoryAssigned":1073741824}\n]\n';
  const { facts, messages } = await parseWith(hypervVmJson, json);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [['SCHEMA_MISMATCH', 'error', 2]]);
  assert.match(messages[0]!.text, /entry number 1/);
  assert.deepEqual(rows(facts), [['vmName', 'B', 3, 'VMName'], ['assignedBytes', 1 * GiB, 3, 'MemoryAssigned']]);
});

test('not JSON of VMs: a bare number, an empty list, broken syntax', async () => {
  assert.deepEqual((await parseWith(hypervVmJson, '42')).messages.map((m) => m.code), ['SCHEMA_MISMATCH']);
  assert.deepEqual((await parseWith(hypervVmJson, '[]')).messages.map((m) => m.code), ['NO_DATA']);
  const broken = await parseWith(hypervVmJson, '{\n  "VMName": "X",\n  "MemoryAssigned" 5\n}');
  assert.deepEqual(broken.messages.map((m) => [m.code, m.line]), [['SCHEMA_MISMATCH', 3]]);
});

test('sniff does not claim other formats', () => {
  assert.equal(hypervVmJson.sniff('[{"Caption":"Microsoft Windows 10 Pro","TotalVisibleMemorySize":4193784,"Name":"x"}]'), 0);
  assert.equal(hypervVmJson.sniff('"VMName","DynamicMemoryEnabled","MemoryAssigned"\n"A","True","1"\n'), 0);
  assert.equal(hypervVmJson.sniff('{"Response":{"InstanceName":"test","MemoryAssigned":0}}'), 0);
  assert.equal(hypervVmJson.sniff('name="win10"\nmemory=4096\n'), 0);
});

test('a JSON object without any VM memory property says what was expected', async () => {
  const { facts, messages } = await parseWith(hypervVmJson, '{"Name":"HV01","LogicalProcessorCount":16}');
  assert.deepEqual(facts, []);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [['SCHEMA_MISMATCH', 'error', 1]]);
  assert.match(messages[0]!.text, /MemoryAssigned/);
});
