import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createInput } from '../../../src/ingest/input.js';
import type { Fact } from '../../../src/model/facts.js';
import { rammapRmp } from '../../../src/ingest/parsers/rammap-rmp.js';
import { PfnDatabaseCounter, pfnFlagsByte } from '../../../src/ingest/parsers/rammap-pfn-database.js';
import { inputFromBuffer } from '../../../src/ingest/read.js';
import { emitRmp, type RmpSnapshot } from '../../../src/simulate/emit/rammap-rmp.js';
import { utf16le } from '../../helpers/parse.js';

const snapshot: RmpSnapshot = {
  matrix: {
    processPrivate: { active: 1200, standby: 30, modified: 4 },
    mappedFile: { standby: 900, modifiedNoWrite: 2 },
    driverLocked: { active: 512, transition: 1 },
    unused: { zeroed: 4000, free: 90, bad: 1 },
  },
  processes: [{ name: 'System', pid: 4, sessionId: 0, privatePages: 5 }],
  pools: [{ tag: 'Ntfx', bytes: 1000, allocations: 3 }],
  pfnRecords: 'all',
};
const PAGES = 1200 + 30 + 4 + 900 + 2 + 512 + 1 + 4000 + 90 + 1;

interface Outcome {
  facts: Fact[];
  messages: { code: string; severity: string; text: string; line?: number }[];
}

async function parse(content: string | Uint8Array, deep: boolean, chunkSize?: number): Promise<Outcome> {
  const opened = inputFromBuffer('snapshot.rmp', content);
  if (!opened.ok) throw new Error(opened.message.text);
  let input = opened.input;
  if (chunkSize) {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    input = createInput(input.file, input.size, input.encoding, input.bomLength, input.head, async function* () {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
    });
  }
  const outcome: Outcome = { facts: [], messages: [] };
  await rammapRmp.parse(input, { fact: (f) => outcome.facts.push(f), message: (code, severity, text, line) => outcome.messages.push({ code, severity, text, ...(line !== undefined && { line }) }) }, { deep });
  return outcome;
}

const deepChecks = (o: Outcome) => o.messages.filter((m) => m.code === 'DEEP_CHECK');

test('--deep: a PFN database with one record per page matches the Use Counts, in every layout and chunking', async () => {
  const agree = new RegExp(`holds ${PAGES.toLocaleString('en-US')} page records after a 256-byte header; .*match the Use Counts exactly`);
  const variants: [string, string | Uint8Array, number?][] = [
    ['plain', emitRmp(snapshot)],
    ['reversed', emitRmp(snapshot, { reverse: true })],
    ['hex in lines of 50', emitRmp(snapshot, { hexLineWidth: 50, newline: '\n' })],
    ['UTF-16LE', utf16le(emitRmp(snapshot))],
    ['7-byte chunks', emitRmp(snapshot), 7],
    ['13-byte chunks, lines of 47', emitRmp(snapshot, { hexLineWidth: 47 }), 13],
  ];
  for (const [name, content, chunk] of variants) {
    const outcome = await parse(content, true, chunk);
    assert.deepEqual(deepChecks(outcome).map((m) => m.severity), ['info'], name);
    assert.match(deepChecks(outcome)[0]!.text, agree, name);
    assert.deepEqual(outcome.messages.filter((m) => m.code !== 'DEEP_CHECK'), [], name);
  }
});

test('without --deep the PFN database is skipped and nothing is said about it', async () => {
  const outcome = await parse(emitRmp(snapshot), false);
  assert.deepEqual(outcome.messages, []);
});

test('--deep: a database that does not follow the matrix is reported cell by cell, largest difference first', async () => {
  const outcome = await parse(emitRmp({ ...snapshot, pfnRecords: 1000 }), true);
  const [check] = deepChecks(outcome);
  assert.equal(check?.severity, 'warning');
  assert.match(check!.text, /holds 1,000 page records/);
  assert.match(check!.text, /disagree with the Use Counts in \d+ cell\(s\) \(Unused \/ Zeroed: 0 B \(0 pages\) in the database, 15.6 MB \(4,000 pages\) in the Use Counts; /);
  assert.match(check!.text, /, and \d+ more\)/);
  assert.match(check!.text, /not confirmed/);
  assert.ok(check!.line! > 1, 'points at the <PfnDatabase> line');
});

test('--deep: a snapshot cut inside the PFN database says the check was not made', async () => {
  const xml = emitRmp(snapshot);
  const cut = xml.slice(0, xml.indexOf('<PfnDatabase>') + 5000);
  const outcome = await parse(cut, true);
  assert.deepEqual(outcome.messages.map((m) => [m.code, m.severity]), [['PAYLOAD_TRUNCATED', 'warning'], ['DEEP_CHECK', 'info']]);
  assert.match(deepChecks(outcome)[0]!.text, /cut short/);
});

test('--deep: no PfnDatabase, or one without a run of rising page numbers', async () => {
  const none = await parse(emitRmp(snapshot).replace(/<PfnDatabase>[^<]*<\/PfnDatabase>/, ''), true);
  assert.match(deepChecks(none)[0]!.text, /has no <PfnDatabase>/);
  const junk = await parse(emitRmp(snapshot).replace(/<PfnDatabase>[^<]*<\/PfnDatabase>/, `<PfnDatabase>${'ab'.repeat(5000)}</PfnDatabase>`), true);
  assert.deepEqual(deepChecks(junk).map((m) => m.severity), ['warning']);
  assert.match(deepChecks(junk)[0]!.text, /no run of page records/);
});

/** A PfnDatabase payload: `headerWords` u64 of header, then records with rising PFNs. */
function payload(headerWords: number, flags: number[], firstPfn = 7): Buffer {
  const bytes = Buffer.alloc(headerWords * 8 + flags.length * 24);
  for (let i = 0; i < headerWords; i++) bytes.writeUInt32LE(1000 + i * 3, i * 8);
  flags.forEach((f, k) => {
    const at = headerWords * 8 + k * 24;
    bytes[at] = f;
    bytes.writeUInt32LE(firstPfn + k, at + 8);
    bytes.writeUInt32LE(0xdead, at + 16);
  });
  return bytes;
}

test('the record run is found after a header of any length, and records are counted per use and list', () => {
  const flags = Array.from({ length: 5000 }, (_, k) => pfnFlagsByte(k % 3, k % 5 === 0 ? 6 : 1));
  for (const headerWords of [0, 1, 5, 31, 2900]) {
    const hex = payload(headerWords, flags).toString('hex');
    const counter = new PfnDatabaseCounter();
    for (let i = 0; i < hex.length; i += 4093) counter.feed(hex, i, Math.min(hex.length, i + 4093));
    const count = counter.finish();
    assert.equal(count.headerBytes, headerWords * 8, `header of ${headerWords} words`);
    assert.equal(count.records, 5000);
    assert.equal(count.trailingDigits, 0);
    const expected = new Array<number>(128).fill(0);
    for (const f of flags) expected[(f & 15) * 8 + ((f >> 4) & 7)]!++;
    assert.deepEqual(count.cells, expected);
  }
});

test('a cut last record, and flags that are not hex, are counted as damage', () => {
  const hex = payload(3, Array.from({ length: 40 }, () => pfnFlagsByte(10, 6))).toString('hex');
  const damaged = `${hex.slice(0, 48 + 48 * 20)}zz${hex.slice(48 + 48 * 20 + 2, -10)}`;
  const counter = new PfnDatabaseCounter();
  counter.feed(Buffer.from(damaged, 'latin1'), 0, damaged.length);
  const count = counter.finish();
  assert.equal(count.records, 40);
  assert.equal(count.unreadable, 1);
  assert.equal(count.cells[10 * 8 + 6], 39);
  assert.equal(count.trailingDigits, 48 - 10);
  const spaced = damaged.replace(/(.{100})/g, '$1\r\n');
  const again = new PfnDatabaseCounter();
  for (let i = 0; i < spaced.length; i += 999) again.feed(spaced, i, Math.min(spaced.length, i + 999));
  assert.deepEqual(again.finish(), count, 'line breaks change nothing');
});
