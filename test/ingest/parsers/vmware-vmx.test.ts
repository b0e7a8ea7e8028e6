import assert from 'node:assert/strict';
import { test } from 'node:test';
import { vmwareVmx } from '../../../src/ingest/parsers/vmware-vmx.js';
import type { Fact } from '../../../src/model/facts.js';
import { parseFixture } from '../../helpers/parse.js';

const MiB = 1024 ** 2;
const DIR = 'exports/vmware-vmx';

function rows(facts: Fact[]): [string, unknown, number | undefined, string | undefined][] {
  return facts.map((f) => {
    assert.ok(f.kind === 'hypervisor' && f.hypervisor === 'vmware');
    return [f.field, f.value, f.source.line, f.source.field];
  });
}

test('Workstation .vmx with ballooning turned off', async () => {
  const { facts, messages, sniff } = await parseFixture(vmwareVmx, `${DIR}/win10-balloon-off.vmx`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(rows(facts), [
    ['vmName', 'Windows 10 x64', 10, 'displayName'],
    ['guestOsType', 'windows9-64', 11, 'guestOS'],
    ['configuredBytes', 8192 * MiB, 12, 'memsize'],
    ['balloonEnabled', false, 14, 'sched.mem.maxmemctl'],
    ['display', 'svga', 18, 'svga.present'],
  ]);
});

test('cp1252, CRLF, other key case, |22 escapes, a balloon cap, svga without svga.present', async () => {
  const { facts, messages, sniff } = await parseFixture(vmwareVmx, `${DIR}/cp1252-esx-balloon-cap-crlf.vmx`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(rows(facts), [
    ['vmName', 'Café "prod"', 2, 'displayName'],
    ['guestOsType', 'windows2019srv-64', 3, 'guestos'],
    ['configuredBytes', 16384 * MiB, 4, 'MemSize'],
    ['balloonEnabled', true, 5, 'sched.mem.maxmemctl'],
    ['display', 'svga', 6, 'svga.vramSize'],
  ]);
});

test('bad sizes become warnings, the rest is used', async () => {
  const { facts, messages } = await parseFixture(vmwareVmx, `${DIR}/memsize-not-a-number.vmx`);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [
    ['VALUE_INVALID', 'warning', 4],
    ['VALUE_INVALID', 'warning', 5],
  ]);
  assert.deepEqual(rows(facts), [
    ['vmName', 'broken', 3, 'displayName'],
    ['guestOsType', 'windows11-64', 6, 'guestOS'],
  ]);
});

test('sniff does not claim other formats', () => {
  assert.equal(vmwareVmx.sniff('name="win10"\nostype="Windows10_64"\nUUID="1"\nCfgFile="/x.vbox"\nmemory=4096\n'), 0);
  assert.equal(vmwareVmx.sniff('boot: order=scsi0\ncores: 2\nmemory: 4096\nostype: win10\n'), 0);
  assert.equal(vmwareVmx.sniff('{"VMName":"x","memsize":"4096","DynamicMemoryEnabled":true}'), 0);
  assert.equal(vmwareVmx.sniff('Count    : 682\nSum      : 1234\n'), 0);
});
