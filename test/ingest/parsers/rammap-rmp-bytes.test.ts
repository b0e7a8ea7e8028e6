import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createInput } from '../../../src/ingest/input.js';
import type { Fact } from '../../../src/model/facts.js';
import { rammapRmp } from '../../../src/ingest/parsers/rammap-rmp.js';
import { RmpReader } from '../../../src/ingest/parsers/rammap-rmp-reader.js';
import { XmlScanner } from '../../../src/ingest/parsers/rammap-xml-scanner.js';
import { emitRmp, type RmpSnapshot } from '../../../src/simulate/emit/rammap-rmp.js';

const snapshot: RmpSnapshot = {
  matrix: { processPrivate: { active: 300 }, unused: { zeroed: 100 } },
  processes: [
    { name: 'Überwachung.exe', pid: 2216, sessionId: 1, privatePages: 200 },
    { name: 'Диспетчер.exe', pid: 3000, sessionId: 1, privatePages: 100 },
  ],
  pools: [],
};

interface Outcome {
  facts: Fact[];
  messages: unknown[];
}

/** Parses bytes through the parser (the byte scanner for UTF-8/cp1252), in chunks of `size`. */
async function viaBytes(bytes: Buffer, encoding: 'utf-8' | 'windows-1252', bomLength: number, size: number): Promise<Outcome> {
  const input = createInput('x.rmp', bytes.length, encoding, bomLength, '', async function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  });
  const outcome: Outcome = { facts: [], messages: [] };
  await rammapRmp.parse(input, { fact: (f) => outcome.facts.push(f), message: (...m) => outcome.messages.push(m) });
  return outcome;
}

/** The same through the text scanner, from the decoded string. */
function viaText(text: string): Outcome {
  const outcome: Outcome = { facts: [], messages: [] };
  const reader = new RmpReader('x.rmp', { fact: (f) => outcome.facts.push(f), message: (...m) => outcome.messages.push(m) });
  const scanner = new XmlScanner(reader);
  scanner.feed(text);
  reader.finish(scanner.end());
  return outcome;
}

test('UTF-8 with a BOM, split at every byte (inside multi-byte names too), reads like the decoded text', async () => {
  const xml = emitRmp(snapshot, { hexLineWidth: 40 });
  const expected = viaText(xml);
  assert.deepEqual(expected.facts.filter((f) => f.kind === 'rammap-process').map((f) => f.kind === 'rammap-process' && f.name), ['Überwachung.exe', 'Диспетчер.exe']);
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml, 'utf8')]);
  for (const size of [1, 2, 3, 5, 4096]) assert.deepEqual(await viaBytes(bytes, 'utf-8', 3, size), expected, `chunks of ${size}`);
});

test('an ANSI (cp1252) snapshot: tags are decoded with the file\'s encoding, as the text path would', async () => {
  const xml = emitRmp({ ...snapshot, processes: [snapshot.processes[0]!, { name: 'Gerät.exe', pid: 12, privatePages: 100 }] });
  const bytes = Buffer.from(xml, 'latin1');
  const outcome = await viaBytes(bytes, 'windows-1252', 0, 7);
  assert.deepEqual(outcome.facts.flatMap((f) => (f.kind === 'rammap-process' ? [f.name] : [])), ['Überwachung.exe', 'Gerät.exe']);
  assert.deepEqual(outcome, viaText(new TextDecoder('windows-1252').decode(bytes)));
});
