import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Fact } from '../../../src/model/facts.js';
import { getprocessTable } from '../../../src/ingest/parsers/getprocess-table.js';
import { parseFixture, parseWith, readFixture, utf16le } from '../../helpers/parse.js';

const DIR = 'exports/getprocess-table';
const K = 1024;
const mb = (amount: number) => Math.round(amount * 1024 * 1024);

function processes(facts: Fact[]) {
  return facts.map((f) => {
    if (f.kind !== 'process') throw new Error(`not a process fact: ${f.kind}`);
    const { name, pid, sessionId, pmBytes, wsBytes, npmBytes, source } = f;
    return { name, pid, sessionId, pmBytes, wsBytes, npmBytes, line: source.line };
  });
}

const PS51 = [
  { name: 'dns', pid: 3404, sessionId: 0, pmBytes: 69092 * K, wsBytes: 68004 * K, npmBytes: 3699 * K, line: 4 },
  { name: 'chrome', pid: 13624, sessionId: 1, pmBytes: 157956 * K, wsBytes: 84980 * K, npmBytes: 19 * K, line: 5 },
  { name: 'Idle', pid: 0, sessionId: 0, pmBytes: 60 * K, wsBytes: 8 * K, npmBytes: 0, line: 6 },
  { name: 'Memory Compression', pid: 2388, sessionId: 0, pmBytes: 1856 * K, wsBytes: 248980 * K, npmBytes: 0, line: 7 },
  { name: 'System', pid: 4, sessionId: 0, pmBytes: 196 * K, wsBytes: 144 * K, npmBytes: 0, line: 8 },
];

const PS7 = [
  { name: 'AggregatorHost', pid: 5676, sessionId: 1, pmBytes: mb(2.38), wsBytes: mb(9.64), npmBytes: 11 * K, line: 4 },
  { name: 'Idle', pid: 0, sessionId: 0, pmBytes: mb(0.06), wsBytes: mb(0.01), npmBytes: 0, line: 5 },
  { name: 'Memory Compression', pid: 2388, sessionId: 0, pmBytes: mb(1.81), wsBytes: mb(243.15), npmBytes: 0, line: 6 },
  { name: 'sqlservr', pid: 13624, sessionId: 1, pmBytes: mb(1531.43), wsBytes: mb(1234.56), npmBytes: 84 * K, line: 7 },
];

test('5.1 table in UTF-16LE: K columns, blank CPU(s), grouped CPU(s), a name with a space', async () => {
  const { facts, messages, sniff } = await parseFixture(getprocessTable, `${DIR}/ps51-en-utf16le-bom.txt`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(processes(facts), PS51);
  assert.deepEqual(facts[0]!.source, { file: `${DIR}/ps51-en-utf16le-bom.txt`, line: 4 });
});

test('5.1 table with decimal commas (es)', async () => {
  const { facts, messages } = await parseFixture(getprocessTable, `${DIR}/ps51-es-decimal-comma-utf16le-bom.txt`);
  assert.deepEqual(messages, []);
  assert.deepEqual(processes(facts), PS51);
});

test('PS 2-4 table with VM(M) and without SI', async () => {
  const { facts, messages, sniff } = await parseFixture(getprocessTable, `${DIR}/ps2-vm-column-utf16le-bom.txt`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(processes(facts), [
    { name: 'AcroRd32', pid: 3364, sessionId: undefined, pmBytes: 4608 * K, wsBytes: 11676 * K, npmBytes: 16 * K, line: 4 },
    { name: 'Idle', pid: 0, sessionId: undefined, pmBytes: 0, wsBytes: 24 * K, npmBytes: 0, line: 5 },
    { name: 'explorer', pid: 1920, sessionId: undefined, pmBytes: 52244 * K, wsBytes: 63376 * K, npmBytes: 59 * K, line: 6 },
  ]);
});

for (const [file, what] of [
  ['ps7-en-utf8.txt', 'en grouping, UTF-8, LF'],
  ['ps7-de-decimal-comma.txt', 'de: 1.531,43'],
  ['ps7-fr-narrow-nbsp.txt', 'fr: narrow no-break space grouping'],
  ['ps7-ru-nbsp.txt', 'ru: no-break space grouping'],
] as const) {
  test(`PS 7 table with PM(M)/WS(M) in MB, ${what}`, async () => {
    const { facts, messages, sniff } = await parseFixture(getprocessTable, `${DIR}/${file}`);
    assert.ok(sniff >= 0.9);
    assert.deepEqual(messages, []);
    assert.deepEqual(processes(facts), PS7);
  });
}

test('5.1 -IncludeUserName view: UserName with spaces, blank user and CPU', async () => {
  const { facts, messages, sniff } = await parseFixture(getprocessTable, `${DIR}/ps51-include-username-utf16le-bom.txt`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(processes(facts), [
    { name: 'ApplicationFrameHost', pid: 7552, sessionId: undefined, pmBytes: undefined, wsBytes: 21700 * K, npmBytes: undefined, line: 4 },
    { name: 'Memory Compression', pid: 2388, sessionId: undefined, pmBytes: undefined, wsBytes: 248980 * K, npmBytes: undefined, line: 5 },
    { name: 'FooAgent', pid: 3172, sessionId: undefined, pmBytes: undefined, wsBytes: 18420 * K, npmBytes: undefined, line: 6 },
  ]);
});

test('PS 7 -IncludeUserName view', async () => {
  const { facts, messages, sniff } = await parseFixture(getprocessTable, `${DIR}/ps7-include-username.txt`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  assert.deepEqual(
    processes(facts).map(({ name, pid, wsBytes }) => ({ name, pid, wsBytes })),
    [
      { name: 'ApplicationFrameHost', pid: 7552, wsBytes: mb(21.19) },
      { name: 'Memory Compression', pid: 2388, wsBytes: mb(243.15) },
      { name: 'FooAgent', pid: 3172, wsBytes: mb(17.99) },
    ],
  );
});

test('the decimal separator is taken from the file: 1.234,56 beside a value without grouping', async () => {
  const text = [
    ' NPM(K)    PM(M)      WS(M)     CPU(s)      Id  SI ProcessName',
    ' ------    -----      -----     ------      --  -- -----------',
    '     84     1,50   1.234,56      12,00   13624   1 sqlservr',
  ].join('\r\n');
  const { facts, messages } = await parseWith(getprocessTable, utf16le(text));
  assert.deepEqual(messages, []);
  assert.deepEqual(processes(facts).map(({ pmBytes, wsBytes }) => ({ pmBytes, wsBytes })), [{ pmBytes: mb(1.5), wsBytes: mb(1234.56) }]);
});

test('tolerates extra spacing in the header and a table without the dash line', async () => {
  const text = 'Handles   NPM(K)    PM(K)      WS(K)     CPU(s)     Id  SI  ProcessName\n' +
    '    333       19   157956      84980  17,848.02  13624   1  chrome\n';
  const { facts, messages, sniff } = await parseWith(getprocessTable, text);
  assert.ok(sniff >= 0.5);
  assert.deepEqual(messages, []);
  assert.deepEqual(processes(facts), [{ name: 'chrome', pid: 13624, sessionId: 1, pmBytes: 157956 * K, wsBytes: 84980 * K, npmBytes: 19 * K, line: 2 }]);
});

test('a garbled row is skipped with a message, the other rows are kept', async () => {
  const lines = readFixture(`${DIR}/ps7-en-utf8.txt`).toString('utf8').split('\n');
  lines.splice(4, 0, '     11     x.yz       9.64       0.00    5677   1 broken', 'PS C:\\Users\\admin>');
  const { facts, messages } = await parseWith(getprocessTable, lines.join('\n'));
  assert.equal(facts.length, 4);
  assert.deepEqual(messages.map((m) => [m.code, m.line]), [['VALUE_INVALID', 5], ['VALUE_INVALID', 6]]);
  assert.match(messages[0]!.text, /PM\(M\) should be a number, not "x\.yz"/);
});

test('a file without a Get-Process header says so', async () => {
  const { facts, messages } = await parseWith(getprocessTable, 'Name  Id\n----  --\nfoo    1\n');
  assert.deepEqual(facts, []);
  assert.deepEqual(messages.map((m) => m.code), ['COLUMN_MISSING']);
});

test('does not claim other formats', () => {
  const others = [
    readFixture('exports/virsh-dommemstat/balloon-full.txt').toString('utf8'),
    '#TYPE System.Diagnostics.Process\n"Name","SI","Handles","VM","WS","PM","NPM","Id"\n',
    '\nCount    : 123\nAverage  :\nSum      : 1605439488\nMaximum  :\nMinimum  :\nProperty : PM\n',
    'Host Name:                 WIN10VM\nTotal Physical Memory:     2,045 MB\n',
    '| Use | Total | Active | Standby |\n| Process Private | 16.157 | 15.123 | 0.936 |\n',
  ];
  for (const head of others) assert.equal(getprocessTable.sniff(head), 0, head);
});
