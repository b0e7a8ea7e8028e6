import assert from 'node:assert/strict';
import { test } from 'node:test';
import { vmwareToolboxBalloon } from '../../../src/ingest/parsers/vmware-toolbox-balloon.js';
import { parseFixture, parseWith } from '../../helpers/parse.js';

const MiB = 1024 ** 2;
const DIR = 'exports/vmware-toolbox-balloon';

async function balloon(name: string) {
  const { facts, messages, sniff } = await parseFixture(vmwareToolboxBalloon, `${DIR}/${name}`);
  return { sniff, messages, facts: facts.map((f) => (f.kind === 'hypervisor' ? [f.hypervisor, f.field, f.value, f.source.line] : f)) };
}

test('bare "0 MB" is a zero balloon, with a moderate sniff', async () => {
  const { facts, messages, sniff } = await balloon('zero-mb.txt');
  assert.equal(sniff, 0.6);
  assert.deepEqual(messages, []);
  assert.deepEqual(facts, [['vmware', 'balloonSizeBytes', 0, 1]]);
});

test('"1024MB" without a space, CRLF', async () => {
  const { facts, sniff } = await balloon('no-space-crlf.txt');
  assert.equal(sniff, 0.6);
  assert.deepEqual(facts, [['vmware', 'balloonSizeBytes', 1024 * MiB, 1]]);
});

test('"Balloon: 2048 MB" is claimed with confidence', async () => {
  const { facts, sniff } = await balloon('labelled.txt');
  assert.ok(sniff >= 0.9);
  assert.deepEqual(facts, [['vmware', 'balloonSizeBytes', 2048 * MiB, 1]]);
});

test('French grouping with a no-break space and "Mo"', async () => {
  const { facts, sniff } = await balloon('fr-nbsp-grouping.txt');
  assert.equal(sniff, 0.6);
  assert.deepEqual(facts, [['vmware', 'balloonSizeBytes', 1024 * MiB, 1]]);
});

test('PowerShell 5.1 redirect: UTF-16LE with BOM', async () => {
  const { facts, sniff } = await balloon('ps51-redirect-utf16le-bom.txt');
  assert.equal(sniff, 0.6);
  assert.deepEqual(facts, [['vmware', 'balloonSizeBytes', 512 * MiB, 1]]);
});

test('a German "1.024 MB" is a thousand and twenty-four MB; a pasted command line raises the sniff', async () => {
  const { facts, sniff } = await parseWith(vmwareToolboxBalloon, 'PS C:\\> VMwareToolboxCmd.exe stat balloon\n1.024 MB\n');
  assert.ok(sniff >= 0.9);
  assert.deepEqual(facts.map((f) => f.kind === 'hypervisor' && [f.value, f.source.line]), [[1024 * MiB, 2]]);
});

test('a balloon line without a number is a warning, not a throw', async () => {
  const { facts, messages } = await balloon('no-number.txt');
  assert.deepEqual(facts, []);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [
    ['VALUE_INVALID', 'warning', 1],
    ['NO_DATA', 'error', undefined],
  ]);
});

test('sniff leaves the Get-Process sum one-liner and tool errors alone', () => {
  assert.equal(vmwareToolboxBalloon.sniff('1,531.43MB\n'), 0);
  assert.equal(vmwareToolboxBalloon.sniff('1 531,43 MB\r\n'), 0);
  assert.equal(vmwareToolboxBalloon.sniff('UpdateInfo failed\n'), 0);
  assert.equal(vmwareToolboxBalloon.sniff('actual 4194304\nrss 2101220\n'), 0);
  assert.equal(vmwareToolboxBalloon.sniff('Total Physical Memory:     4,095 MB\n'), 0);
});
