import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Fact } from '../../../src/model/facts.js';
import { getprocessCsv } from '../../../src/ingest/parsers/getprocess-csv.js';
import { parseFixture, parseWith, utf16le } from '../../helpers/parse.js';

const DIR = 'exports/getprocess-csv';

function processes(facts: Fact[]) {
  return facts.map((f) => {
    assert.equal(f.kind, 'process');
    if (f.kind !== 'process') throw new Error('not a process fact');
    const { name, pid, sessionId, pmBytes, wsBytes, npmBytes, source } = f;
    return { name, pid, sessionId, pmBytes, wsBytes, npmBytes, line: source.line };
  });
}

const APP_FRAME_HOST = { name: 'ApplicationFrameHost', pid: 8812, sessionId: 1, pmBytes: 20934656, wsBytes: 35139584, npmBytes: 29504 };
const FOO_AGENT = { name: 'FooAgent', pid: 3172, sessionId: 0, pmBytes: 61399040, wsBytes: 48771072, npmBytes: 18768 };
const IDLE = { name: 'Idle', pid: 0, sessionId: 0, pmBytes: 61440, wsBytes: 8192, npmBytes: 272 };
const MEMORY_COMPRESSION = { name: 'Memory Compression', pid: 2388, sessionId: 0, pmBytes: 1900544, wsBytes: 254955520, npmBytes: 0 };
const ALL = [APP_FRAME_HOST, FOO_AGENT, IDLE, MEMORY_COMPRESSION];
const at = (first: number, rows: object[]) => rows.map((row, i) => ({ ...row, line: first + i }));

test('5.1 Export-Csv with the #TYPE line, ASCII, quoted commas and empty fields', async () => {
  const { facts, messages, sniff } = await parseFixture(getprocessCsv, `${DIR}/ps51-typeinfo-ascii.csv`);
  assert.equal(sniff, 1);
  assert.deepEqual(messages, []);
  assert.deepEqual(processes(facts), at(3, ALL));
  assert.deepEqual(facts[0]!.source, { file: `${DIR}/ps51-typeinfo-ascii.csv`, line: 3 });
});

test('PS 7 Export-Csv without #TYPE, with Parent after Path, UTF-8', async () => {
  const { facts, messages, sniff } = await parseFixture(getprocessCsv, `${DIR}/ps7-parent-utf8.csv`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(processes(facts), at(2, ALL));
});

test('PS 7 -IncludeTypeInformation, LF line ends', async () => {
  const { facts, messages, sniff } = await parseFixture(getprocessCsv, `${DIR}/ps7-include-type-information.csv`);
  assert.equal(sniff, 1);
  assert.deepEqual(messages, []);
  assert.deepEqual(processes(facts), at(3, [IDLE, MEMORY_COMPRESSION]));
});

test('5.1 -NoTypeInformation -UseCulture with a semicolon delimiter', async () => {
  const { facts, messages, sniff } = await parseFixture(getprocessCsv, `${DIR}/ps51-de-semicolon-notype.csv`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(processes(facts), at(2, [APP_FRAME_HOST, FOO_AGENT, IDLE]));
});

test('tab delimiter with a UTF-8 BOM', async () => {
  const { facts, messages, sniff } = await parseFixture(getprocessCsv, `${DIR}/ps7-tab-utf8-bom.csv`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(processes(facts), at(2, [APP_FRAME_HOST, FOO_AGENT]));
});

test('5.1 ConvertTo-Csv redirected with > (UTF-16LE with BOM)', async () => {
  const { facts, messages, sniff } = await parseFixture(getprocessCsv, `${DIR}/ps51-convertto-utf16le-bom.csv`);
  assert.equal(sniff, 1);
  assert.deepEqual(messages, []);
  assert.deepEqual(processes(facts), at(3, [APP_FRAME_HOST, FOO_AGENT]));
});

test('UTF-16LE without a BOM', async () => {
  const text = '"Name","Id","PM","WS"\r\n"svchost","1044","5287936","12697600"\r\n';
  const { facts, messages, sniff } = await parseWith(getprocessCsv, utf16le(text, false));
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(processes(facts), [{ name: 'svchost', pid: 1044, sessionId: undefined, pmBytes: 5287936, wsBytes: 12697600, npmBytes: undefined, line: 2 }]);
});

test('Select Name,Id,PM,WS subset with a Selected.* type line', async () => {
  const { facts, messages, sniff } = await parseFixture(getprocessCsv, `${DIR}/ps51-select-subset.csv`);
  assert.equal(sniff, 1);
  assert.deepEqual(messages, []);
  assert.deepEqual(
    processes(facts),
    at(3, ALL.map(({ name, pid, pmBytes, wsBytes }) => ({ name, pid, sessionId: undefined, pmBytes, wsBytes, npmBytes: undefined }))),
  );
});

test('long property names: ProcessName, SessionId, PagedMemorySize64, WorkingSet64, NonpagedSystemMemorySize64', async () => {
  const { facts, messages, sniff } = await parseFixture(getprocessCsv, `${DIR}/ps7-select-long-names.csv`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(processes(facts), at(2, [APP_FRAME_HOST, FOO_AGENT]));
});

test('PS 2.0 export with __NounName as the first column', async () => {
  const { facts, messages, sniff } = await parseFixture(getprocessCsv, `${DIR}/ps20-nounname-first.csv`);
  assert.equal(sniff, 1);
  assert.deepEqual(messages, []);
  assert.deepEqual(processes(facts), at(3, [FOO_AGENT, IDLE]));
});

test('-IncludeUserName adds a UserName column', async () => {
  const { facts, messages, sniff } = await parseFixture(getprocessCsv, `${DIR}/ps51-include-username.csv`);
  assert.equal(sniff, 1);
  assert.deepEqual(messages, []);
  assert.deepEqual(processes(facts), at(3, [APP_FRAME_HOST, FOO_AGENT]));
});

test('32-bit PagedMemorySize is used only when no better PM column has a value', async () => {
  const text = '"Name","Id","PagedMemorySize","PrivateMemorySize64","WorkingSet"\n"a","1","100","200","300"\n"b","2","400","","500"\n';
  const { facts, messages } = await parseWith(getprocessCsv, text);
  assert.deepEqual(messages, []);
  assert.deepEqual(
    facts.map((f) => f.kind === 'process' && [f.name, f.pmBytes, f.wsBytes]),
    [['a', 200, 300], ['b', 400, 500]],
  );
});

test('a file cut inside a quoted field keeps the earlier rows and says so', async () => {
  const { facts, messages } = await parseFixture(getprocessCsv, `${DIR}/ps51-truncated-mid-quote.csv`);
  assert.deepEqual(processes(facts), at(3, [APP_FRAME_HOST, FOO_AGENT, IDLE]));
  assert.equal(messages.length, 1);
  assert.equal(messages[0]!.severity, 'warning');
  assert.equal(messages[0]!.line, 6);
});

test('a last record cut after a delimiter is reported as truncated', async () => {
  const text = '"Name","Id","PM","WS","NPM"\r\n"a","1","100","200","300"\r\n"b","2","400",';
  const { facts, messages } = await parseWith(getprocessCsv, text);
  assert.deepEqual(facts.map((f) => f.kind === 'process' && f.name), ['a']);
  assert.deepEqual(messages.map((m) => [m.code, m.line]), [['CSV_TRUNCATED', 3]]);
});

test('a bad value skips only its row, with a message naming the column', async () => {
  const text = '"Name","Id","PM","WS"\n"a","1","12kb","200"\n"b","2","400","500"\n';
  const { facts, messages } = await parseWith(getprocessCsv, text);
  assert.deepEqual(facts.map((f) => f.kind === 'process' && f.name), ['b']);
  assert.equal(messages.length, 1);
  assert.equal(messages[0]!.code, 'VALUE_INVALID');
  assert.equal(messages[0]!.line, 2);
  assert.match(messages[0]!.text, /PM value "12kb"/);
});

test('a CSV without memory columns is refused with a message', async () => {
  const text = '"Name","Id","Handles","Path"\n"a","1","2","C:\\a.exe"\n';
  const { facts, messages } = await parseWith(getprocessCsv, text);
  assert.deepEqual(facts, []);
  assert.deepEqual(messages.map((m) => [m.code, m.severity]), [['COLUMN_MISSING', 'error']]);
});

test('does not claim other CSV exports', () => {
  const others = [
    '"(PDH-CSV 4.0) (Eastern Daylight Time)(240)","\\\\SQL01\\Memory\\Pages/sec"\n"09/08/2002 12:35:45.166","11.29"\n',
    '"Host Name","OS Name","OS Version","Total Physical Memory","Available Physical Memory"\n',
    '"Module Name","Display Name","Description","Driver Type","Start Mode","State","Status","Accept Stop","Accept Pause","Paged Pool(bytes)"\n',
    'Process,Session,PID,Private,Standby,Modified,Page Table,Total\n',
    '"Status","Class","FriendlyName","InstanceId","Name"\n',
  ];
  for (const head of others) assert.equal(getprocessCsv.sniff(head), 0, head);
});
