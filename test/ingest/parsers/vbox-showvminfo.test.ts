import assert from 'node:assert/strict';
import { test } from 'node:test';
import { vboxShowvminfo } from '../../../src/ingest/parsers/vbox-showvminfo.js';
import type { Fact } from '../../../src/model/facts.js';
import { parseFixture } from '../../helpers/parse.js';

const MiB = 1024 ** 2;
const DIR = 'exports/vbox-showvminfo';

function rows(facts: Fact[]): [string, unknown, number | undefined, string | undefined][] {
  return facts.map((f) => {
    assert.ok(f.kind === 'hypervisor' && f.hypervisor === 'virtualbox');
    return [f.field, f.value, f.source.line, f.source.field];
  });
}

test('machine-readable showvminfo with an inflated balloon', async () => {
  const { facts, messages, sniff } = await parseFixture(vboxShowvminfo, `${DIR}/win10-balloon-1024-vboxsvga.txt`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(rows(facts), [
    ['vmName', 'Win10 Build', 1, 'name'],
    ['guestOsType', 'Windows 10 (64-bit)', 3, 'ostype'],
    ['configuredBytes', 8192 * MiB, 9, 'memory'],
    ['display', 'vboxsvga', 17, 'graphicscontroller'],
    ['balloonEnabled', true, 26, 'GuestMemoryBalloon'],
    ['balloonTargetBytes', 7168 * MiB, 26, 'GuestMemoryBalloon'],
  ]);
});

test('quoted keys, lowercase balloon key, escaped quotes, UTF-16LE with BOM and CRLF', async () => {
  const { facts, messages, sniff } = await parseFixture(vboxShowvminfo, `${DIR}/quoted-keys-lowercase-balloon-utf16le-bom.txt`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(rows(facts), [
    ['vmName', 'Serveur fichiers "prod"', 1, 'name'],
    ['guestOsType', 'Windows2019_64', 2, 'ostype'],
    ['configuredBytes', 4096 * MiB, 5, 'memory'],
    ['display', 'vboxvga', 7, 'graphicscontroller'],
    ['balloonEnabled', false, 8, 'guestmemoryballoon'],
  ]);
});

test('a bad memory value is a warning; the balloon is still reported', async () => {
  const { facts, messages } = await parseFixture(vboxShowvminfo, `${DIR}/memory-not-a-number.txt`);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [['VALUE_INVALID', 'warning', 5]]);
  assert.deepEqual(rows(facts), [
    ['vmName', 'broken', 1, 'name'],
    ['guestOsType', 'Windows11_64', 2, 'ostype'],
    ['balloonEnabled', true, 6, 'GuestMemoryBalloon'],
  ]);
});

test('sniff does not claim other formats', () => {
  assert.equal(vboxShowvminfo.sniff('.encoding = "UTF-8"\nconfig.version = "8"\nmemsize = "4096"\nuuid.bios = "56 4d"\n'), 0);
  assert.equal(vboxShowvminfo.sniff('boot: order=scsi0\ncores: 2\nmemory: 4096\nsmbios1: uuid=1\n'), 0);
  assert.equal(vboxShowvminfo.sniff('balloon: actual=10140 max_mem=10240\n'), 0);
  assert.equal(vboxShowvminfo.sniff('Object          Metric                   Values\nwin10           Guest/RAM/Usage/Total    4193784 kB\n'), 0);
});
