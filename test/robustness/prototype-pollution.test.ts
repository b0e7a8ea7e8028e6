import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ingestOpened, type ParsedFile } from '../../src/ingest/ingest-file.js';
import { PARSERS } from '../../src/ingest/parsers/index.js';
import { inputFromBuffer } from '../../src/ingest/read.js';
import { parseSize } from '../../src/ingest/sizes.js';
import { unitFactor } from '../../src/model/bytes.js';
import { parseUseLabel } from '../../src/model/rammap.js';
import { readFixture } from '../helpers/parse.js';

/** Keys that, assigned naively, reach Object.prototype; and a key an attacker would look for afterwards. */
const POISON = '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"},';

const ingest = (name: string, content: string | Buffer) => ingestOpened(inputFromBuffer(name, content), PARSERS);
const withoutSources = (parsed: ParsedFile) => parsed.facts.map((f) => ({ ...f, source: { ...f.source, line: undefined } }));

function assertClean(): void {
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined, 'Object.prototype was polluted');
  assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
}

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>)['polluted'];
});

for (const fixture of ['exports/hyperv-vm-json/getvm-two-vms-ps7.json', 'exports/cim-json/wrapper-by-class-wmiobject.json']) {
  test(`JSON with __proto__ and constructor.prototype keys in every object: ${fixture}`, async () => {
    const clean = readFixture(fixture).toString('utf8').replace(/^\uFEFF/, '');
    const poisoned = clean.replace(/\{(\s*")/g, `{${POISON}$1`);
    const before = await ingest(fixture, clean);
    const after = await ingest(fixture, poisoned);
    assertClean();
    assert.equal(after.format, before.format);
    assert.ok(before.facts.length > 0);
    // The poison keys are dropped: the same facts come out (lines shift, since every object grew).
    assert.deepEqual(withoutSources(after), withoutSources(before));
  });
}

test('a CSV whose header names __proto__ and constructor columns', async () => {
  const csv = '"Name","__proto__","constructor","Id","PM","WS"\r\n"svc","x","y","42","1048576","2097152"\r\n';
  const parsed = await ingest('processes.csv', csv);
  assertClean();
  assert.equal(parsed.format, 'getprocess-csv');
  const process = parsed.facts.find((f) => f.kind === 'process');
  assert.deepEqual(process && { name: process.name, pid: process.pid, pm: process.pmBytes }, { name: 'svc', pid: 42, pm: 1048576 });
});

test('unit words and row labels named like Object properties are not units or rows', () => {
  for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
    assert.equal(unitFactor(word), undefined, word);
    assert.equal(parseUseLabel(word), undefined, word);
    assert.equal(parseSize(`245,760 ${word}`), undefined, word);
  }
});

test('a RAMMap table with "constructor" for a unit gives a message, never a NaN size', async () => {
  const table = readFixture('exports/rammap-table/markdown-k-shared-memory.md').toString('utf8').replace('| 245,760 K |', '| 245,760 constructor |');
  const parsed = await ingest('use-counts.md', table);
  assert.equal(parsed.format, 'rammap-table');
  assert.ok(parsed.facts.length === 1, JSON.stringify(parsed.messages));
  assert.ok(parsed.messages.some((m) => /constructor/.test(m.text)), JSON.stringify(parsed.messages));
  assert.ok(!parsed.messages.some((m) => /NaN|not a finite/.test(m.text)), JSON.stringify(parsed.messages));
});

test('key-value and table formats ignore keys and headers named like Object properties', async () => {
  const virsh = await ingest('dommemstat.txt', 'actual 4194304\nswap_in 0\nswap_out 0\nmajor_fault 1\nminor_fault 2\nconstructor 1024\nrss 4000000\n');
  assert.equal(virsh.format, 'virsh-dommemstat');
  assert.deepEqual(virsh.facts.map((f) => f.kind === 'hypervisor' && f.field), ['balloonActualBytes']);

  // Renaming a column the parser does not use changes nothing.
  for (const [fixture, from, to] of [
    ['exports/getprocess-table/ps7-en-utf8.txt', 'CPU(s)', 'constructor'],
    ['exports/driverquery-csv/plain-en.csv', '"Driver Type"', '"constructor"'],
    ['exports/driverquery-csv/plain-en.csv', '"Link Date"', '"__proto__"'],
  ] as const) {
    const original = readFixture(fixture).toString('utf8');
    const [clean, renamed] = [await ingest(fixture, original), await ingest(fixture, original.replace(from, to))];
    assert.ok(clean.facts.length > 0);
    assert.deepEqual(renamed.facts, clean.facts, `${fixture} with ${to}`);
  }
  assertClean();
});
