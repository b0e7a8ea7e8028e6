import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Fact, PoolTagFact, RamMapProcessFact, UseCountsFact } from '../../../src/model/facts.js';
import { createInput } from '../../../src/ingest/input.js';
import { rammapRmp } from '../../../src/ingest/parsers/rammap-rmp.js';
import { parseFixture, parseWith, readFixture, type ParseOutcome } from '../../helpers/parse.js';

const DIR = 'exports/rammap-rmp/';
const PAGE = 4096;
const MiB = 1024 * 1024;

const useCounts = (facts: Fact[]) => facts.filter((f): f is UseCountsFact => f.kind === 'use-counts');
const processes = (facts: Fact[]) => facts.filter((f): f is RamMapProcessFact => f.kind === 'rammap-process');
const pools = (facts: Fact[]) => facts.filter((f): f is PoolTagFact => f.kind === 'pool-tag');
/** Facts without line numbers, to compare the same data laid out differently. */
const withoutLines = (facts: Fact[]) =>
  facts.map((f) => ({ ...f, source: { ...f.source, file: '', line: 0 } })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/** Sixteen hex digits of a little-endian u64. */
function u64(value: number): string {
  return Buffer.from(new BigUint64Array([BigInt(value)]).buffer).toString('hex');
}

/** A PageUseCounts payload from [use, list-in-file-order, pages] triples. */
function pageUseHex(cells: [number, number, number][]): string {
  const values = new Array<number>(128).fill(0);
  for (const [use, list, pages] of cells) values[use * 8 + list] = pages;
  return values.map(u64).join('');
}

test('healthy 256 MB guest: Use Counts, processes and pool tags in bytes', async () => {
  const { facts, messages, sniff } = await parseFixture(rammapRmp, `${DIR}healthy-256mb.rmp`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  const [counts, ...others] = useCounts(facts);
  assert.equal(others.length, 0);
  assert.equal(counts!.origin, 'rmp');
  assert.deepEqual(counts!.source, { file: `${DIR}healthy-256mb.rmp`, line: 2, field: 'PageUseCounts' });
  assert.deepEqual(counts!.cells.processPrivate, { zeroed: 0, free: 0, standby: 600 * PAGE, modified: 150 * PAGE, modifiedNoWrite: 0, bad: 0, active: 9000 * PAGE, transition: 0 });
  assert.equal(counts!.cells.mappedFile!.modifiedNoWrite, 10 * PAGE);
  assert.equal(counts!.cells.kernelStack!.transition, 2 * PAGE);
  assert.equal(counts!.cells.unused!.zeroed, 23800 * PAGE);
  assert.equal(counts!.cells.largePage!.active, 0);
  assert.equal(Object.keys(counts!.cells).length, 14);
  assert.equal(counts!.rowTotals.mappedFile, 17210 * PAGE);
  assert.equal(counts!.total, 65312 * PAGE);
  assert.deepEqual(counts!.listTotals, {
    zeroed: 23800 * PAGE, free: 2300 * PAGE, standby: 16830 * PAGE, modified: 420 * PAGE,
    modifiedNoWrite: 10 * PAGE, bad: 0, active: 21950 * PAGE, transition: 2 * PAGE,
  });

  const procs = processes(facts);
  assert.equal(procs.length, 11);
  assert.deepEqual(procs[0], { kind: 'rammap-process', name: 'System', pid: 4, sessionId: 0, privateBytes: 30 * PAGE, source: { file: `${DIR}healthy-256mb.rmp`, line: 5, field: 'Process' } });
  assert.equal(procs[1]!.name, 'smss.exe');
  assert.equal(procs[1]!.sessionId, undefined, 'SessionId 0xFFFFFFFF means no session');
  assert.deepEqual(procs.find((p) => p.pid === 4100), { kind: 'rammap-process', name: 'R&D Tool.exe', pid: 4100, sessionId: 1, privateBytes: 300 * PAGE, source: { file: `${DIR}healthy-256mb.rmp`, line: 15, field: 'Process' } });

  const tags = pools(facts);
  assert.deepEqual(tags.map((t) => [t.tag, t.bytes, t.allocations]), [
    ['CM31', 3 * MiB, 40], ['MmSt', 2621440, 60], ['Ntfx', 1258291, 80], ['File', 819200, 100], ['Ntff', 614400, 70], ['Io', 409600, 30], ['Vi54', 204800, 10],
  ]);
  assert.deepEqual(tags[0]!.source, { file: `${DIR}healthy-256mb.rmp`, line: 23, field: 'PoolInfo' });
});

test('elements in reverse order give the same facts', async () => {
  const normal = await parseFixture(rammapRmp, `${DIR}healthy-256mb.rmp`);
  const reversed = await parseFixture(rammapRmp, `${DIR}reversed-order.rmp`);
  assert.deepEqual(reversed.messages, []);
  assert.deepEqual(withoutLines(reversed.facts), withoutLines(normal.facts));
  assert.equal(useCounts(reversed.facts)[0]!.source.line, 24);
  assert.equal(pools(reversed.facts)[0]!.source.line, 3);
});

test('UTF-16LE, hex broken into LF lines, and another root name/version all read alike', async () => {
  const utf16 = await parseFixture(rammapRmp, `${DIR}utf16le-bom.rmp`);
  const wrapped = await parseFixture(rammapRmp, `${DIR}hex-line-breaks-lf.rmp`);
  const otherRoot = await parseFixture(rammapRmp, `${DIR}other-root-version.rmp`);
  assert.ok(utf16.sniff >= 0.9 && wrapped.sniff >= 0.9 && otherRoot.sniff >= 0.9);
  assert.deepEqual(utf16.messages, []);
  assert.deepEqual(wrapped.messages, []);
  assert.deepEqual(otherRoot.messages, [
    { code: 'VALUE_INVALID', severity: 'info', line: 1, text: 'This snapshot says RAMMap file version "1.2"; only version 1.0 has been seen, so it was read the same way.' },
  ]);
  assert.deepEqual(withoutLines(wrapped.facts), withoutLines(utf16.facts));
  assert.deepEqual(withoutLines(otherRoot.facts), withoutLines(utf16.facts));
  assert.deepEqual(processes(utf16.facts).map((p) => [p.name, p.pid, p.sessionId, p.privateBytes, p.source.line]), [
    ['System', 4, 0, 6 * PAGE, 6],
    ['Überwachung.exe', 2216, 1, 10 * PAGE, 7],
  ]);
  assert.equal(useCounts(utf16.facts)[0]!.source.line, 3);
  assert.equal(useCounts(wrapped.facts)[0]!.source.line, 2);
  assert.equal(processes(wrapped.facts)[0]!.source.line, 36);
  assert.equal(useCounts(wrapped.facts)[0]!.total, (5300 + 9000 + 900 + 128 + 50100) * PAGE);
});

test('a guest with 2 GB Driver Locked', async () => {
  const { facts, messages } = await parseFixture(rammapRmp, `${DIR}driver-locked-2gb.rmp`);
  assert.deepEqual(messages, []);
  const counts = useCounts(facts)[0]!;
  assert.equal(counts.cells.driverLocked!.active, 2 * 1024 * MiB);
  assert.equal(counts.rowTotals.driverLocked, 2 * 1024 * MiB);
  assert.equal(counts.total, 1051588 * PAGE);
});

test('a pool leak shows as one dominant tag', async () => {
  const { facts, messages } = await parseFixture(rammapRmp, `${DIR}pool-leak-nonpaged.rmp`);
  assert.deepEqual(messages, []);
  assert.deepEqual(pools(facts).map((t) => [t.tag, t.bytes, t.allocations]), [['NDnd', 1500 * MiB, 1500], ['Ntfx', 8 * MiB, 40], ['Irp', 3 * MiB, 60]]);
  assert.equal(useCounts(facts)[0]!.cells.nonpagedPool!.active, 400000 * PAGE);
});

test('cut inside PfnDatabase: every table before the cut is used', async () => {
  const { facts, messages } = await parseFixture(rammapRmp, `${DIR}truncated-in-pfndatabase.rmp`);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [['PAYLOAD_TRUNCATED', 'warning', 24]]);
  assert.match(messages[0]!.text, /<PfnDatabase>.*line 24.*cut short/);
  assert.equal(useCounts(facts).length, 1);
  assert.equal(processes(facts).length, 11);
  assert.equal(pools(facts).length, 7);
});

test('cut inside PoolInfo: Use Counts and processes kept, the partial pool table is not used', async () => {
  const { facts, messages } = await parseFixture(rammapRmp, `${DIR}truncated-in-poolinfo.rmp`);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [['PAYLOAD_TRUNCATED', 'warning', 23]]);
  assert.match(messages[0]!.text, /<PoolInfo>/);
  assert.equal(useCounts(facts)[0]!.total, 65312 * PAGE);
  assert.equal(processes(facts).length, 11);
  assert.equal(pools(facts).length, 0);
});

test('chunks that split tags, attributes, hex runs and CRLF anywhere give the same result', async () => {
  for (const [name, size] of [['healthy-256mb.rmp', 997], ['utf16le-bom.rmp', 3], ['hex-line-breaks-lf.rmp', 1]] as const) {
    const bytes = readFixture(`${DIR}${name}`);
    const whole = await parseFixture(rammapRmp, `${DIR}${name}`);
    const isUtf16 = name.startsWith('utf16');
    const input = createInput(name, bytes.length, isUtf16 ? 'utf-16le' : 'utf-8', isUtf16 ? 2 : 0, '', async function* () {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    });
    const facts: Fact[] = [];
    const messages: unknown[] = [];
    await rammapRmp.parse(input, { fact: (f) => facts.push(f), message: (...m) => messages.push(m) });
    assert.deepEqual(messages, []);
    assert.deepEqual(facts.map((f) => ({ ...f, source: { ...f.source, file: '' } })), whole.facts.map((f) => ({ ...f, source: { ...f.source, file: '' } })), name);
  }
});

test('any attribute order and quoting, Key as PID, hex session, entities, self-closing File and Process', async () => {
  const xml = [
    `<?xml version="1.0"?>`,
    `<!-- saved by RAMMap -->`,
    `<Snapshot Version='1.0' Application='RAMMap'>`,
    `<FileList><File Path="C:\\a&gt;b.sys" Key="1"/><File Key="2" Path="x>y"/></FileList>`,
    `<ProcessList>`,
    `<Process SessionId="0x2" Key="77" Name='Tom &amp; Jerry&#x2122;.exe'>`,
    `<PFNs>`,
    `01000000 02000000`,
    `03000000</PFNs></Process>`,
    `<Process ProcessId="8" Name="Idle"/>`,
    `</ProcessList>`,
    `</Snapshot>`,
  ].join('\r\n');
  const { facts, messages } = await parseWith(rammapRmp, xml);
  assert.deepEqual(facts.filter((f) => f.kind !== 'use-counts'), [
    { kind: 'rammap-process', name: 'Tom & Jerry\u2122.exe', pid: 77, sessionId: 2, privateBytes: 3 * PAGE, source: { file: 'input', line: 6, field: 'Process' } },
    { kind: 'rammap-process', name: 'Idle', pid: 8, privateBytes: 0, source: { file: 'input', line: 10, field: 'Process' } },
  ]);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [['NO_DATA', 'warning', 3]]);
});

test('ListCounts that disagree with the matrix, and pages in the hidden rows 15-16, are reported', async () => {
  const matrix = pageUseHex([[0, 6, 100], [10, 6, 50], [14, 0, 7]]);
  const lists = [0, 0, 0, 0, 0, 0, 999, 0].map(u64).join('');
  const { facts, messages } = await parseWith(rammapRmp, `<root Application="RamMap">\n<ListCounts>${lists}</ListCounts>\n<PageUseCounts>${matrix}</PageUseCounts>\n</root>\n`);
  const counts = useCounts(facts)[0]!;
  assert.equal(counts.total, 150 * PAGE);
  assert.equal(counts.cells.driverLocked!.active, 50 * PAGE);
  assert.equal(counts.listTotals.active, 999 * PAGE);
  assert.equal(counts.source.line, 3);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [['VALUE_INVALID', 'warning', 3], ['VALUE_INVALID', 'warning', 2]]);
  assert.match(messages[0]!.text, /rows 15-16/);
  assert.match(messages[1]!.text, /ListCounts.*Zeroed.*Active/);
});

test('odd hex, a short PageUseCounts and a pool count larger than its records produce messages, not throws', async () => {
  const tag = (text: string) => Buffer.from(text, 'latin1').toString('hex');
  const record = (addr: number, size: number, t: string) => u64(addr) + u64(size) + tag(t) + '00000000';
  const poolHex = u64(5) + record(0x1000, 100, 'Ab  ') + record(0x2000, 50, 'Ab\0\0') + record(0, 999, 'Zero') + record(0x3000, 8, 'X\x01y ');
  const xml = [
    '<root Application="RamMap" Version="1.0">',
    `<PageUseCounts>${u64(1).repeat(127)}</PageUseCounts>`,
    `<ListCounts>${u64(0).repeat(8)}f</ListCounts>`,
    `<PoolInfo>${poolHex}</PoolInfo>`,
    '<PfnDatabase>00112233',
    '44556677</PfnDatabase>',
    '</root>',
  ].join('\n');
  const { facts, messages } = await parseWith(rammapRmp, xml);
  assert.deepEqual(facts, [
    { kind: 'pool-tag', tag: 'Ab', bytes: 150, allocations: 2, source: { file: 'input', line: 4, field: 'PoolInfo' } },
    { kind: 'pool-tag', tag: 'X?y', bytes: 8, allocations: 1, source: { file: 'input', line: 4, field: 'PoolInfo' } },
  ]);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [
    ['VALUE_INVALID', 'warning', 2],
    ['VALUE_INVALID', 'warning', 3],
    ['PAYLOAD_TRUNCATED', 'warning', 4],
    ['NO_DATA', 'warning', 1],
  ]);
  assert.match(messages[0]!.text, /holds 127 numbers where 128 were expected/);
  assert.match(messages[1]!.text, /odd number of hex digits/);
  assert.match(messages[2]!.text, /5 pool allocations but only 4/);
});

test('a file cut in the middle of a tag reports that tag', async () => {
  const { facts, messages } = await parseWith(rammapRmp, `<root Application="RamMap">\n<PageUseCounts>${pageUseHex([[0, 6, 1]])}</PageUseCounts>\n<ProcessList>\n<Process Name="a.exe" Proc`);
  assert.equal(useCounts(facts)[0]!.total, PAGE);
  assert.deepEqual(messages.map((m) => [m.code, m.line]), [['PAYLOAD_TRUNCATED', 3]]);
  assert.match(messages[0]!.text, /<ProcessList>/);
});

test('sniff: sure of RAMMap XML, 0 for other formats', async () => {
  assert.ok(rammapRmp.sniff('<?xml version="1.0" encoding="UTF-16"?>\r\n<root Architecture="amd64" Application="RamMap">') >= 0.9);
  assert.ok(rammapRmp.sniff('<RamMap>\r\n<PageUseCounts>0000') >= 0.9);
  const others: ParseOutcome['sniff'][] = [
    rammapRmp.sniff('actual 4194304\nswap_in 0\nrss 4194304\n'),
    rammapRmp.sniff('#TYPE System.Diagnostics.Process\n"Name","Id","PM"\n"svchost","700","1000"\n'),
    rammapRmp.sniff('| Use | Total | Active | Standby |\n| Process Private | 16.157 | 15.123 | 0.936 |\n'),
    rammapRmp.sniff('<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04"><Obj RefId="0">'),
    rammapRmp.sniff('{ "Name": "vm1", "MemoryStartup": 4294967296 }'),
  ];
  assert.deepEqual(others, [0, 0, 0, 0, 0]);
});
