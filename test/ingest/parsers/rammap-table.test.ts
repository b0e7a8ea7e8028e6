import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UseCountsFact } from '../../../src/model/facts.js';
import { RAMMAP_LISTS, type RamMapList, type RamMapUse } from '../../../src/model/rammap.js';
import { rammapTable } from '../../../src/ingest/parsers/rammap-table.js';
import { parseFixture, parseWith, readFixture } from '../../helpers/parse.js';

const DIR = 'exports/rammap-table/';
const K = 1024;
const MiB = 1024 * K;
const GiB = 1024 * MiB;
const LISTS = RAMMAP_LISTS.map(([id]) => id);

/** The 8 GB guest every K fixture shows, in KiB per list in UI order. */
const ROWS: [RamMapUse, number[]][] = [
  ['processPrivate', [2101220, 12040, 32072, 0, 0, 0, 0, 0]],
  ['mappedFile', [402112, 1098224, 12096, 16, 0, 0, 0, 0]],
  ['shareable', [210400, 35360, 0, 0, 0, 0, 0, 0]],
  ['pageTable', [61440, 0, 0, 0, 0, 0, 0, 0]],
  ['pagedPool', [408204, 4096, 0, 0, 0, 0, 0, 0]],
  ['nonpagedPool', [182004, 0, 0, 0, 0, 0, 0, 0]],
  ['systemPte', [40960, 0, 0, 0, 0, 0, 0, 0]],
  ['sessionPrivate', [30720, 0, 0, 0, 0, 0, 0, 0]],
  ['metafile', [20000, 100000, 0, 0, 0, 0, 0, 0]],
  ['awe', [0, 0, 0, 0, 0, 0, 0, 0]],
  ['driverLocked', [2097152, 0, 0, 0, 0, 0, 0, 0]],
  ['kernelStack', [20472, 0, 0, 0, 8, 0, 0, 0]],
  ['unused', [0, 0, 0, 0, 0, 1450000, 50000, 0]],
  ['largePage', [0, 0, 0, 0, 0, 0, 0, 0]],
];

function expectedFullTable(file: string, line: number, lists: readonly RamMapList[] = LISTS): UseCountsFact {
  const cells: UseCountsFact['cells'] = {};
  const rowTotals: UseCountsFact['rowTotals'] = {};
  const listTotals: UseCountsFact['listTotals'] = {};
  let total = 0;
  for (const [use, kib] of ROWS) {
    cells[use] = Object.fromEntries(lists.map((list) => [list, kib[LISTS.indexOf(list)]! * K]));
    const sum = kib.reduce((a, b) => a + b, 0);
    if (sum > 0) rowTotals[use] = sum * K;
    total += sum * K;
  }
  for (const list of lists) listTotals[list] = ROWS.reduce((a, [, kib]) => a + kib[LISTS.indexOf(list)]!, 0) * K;
  return { kind: 'use-counts', origin: 'table', cells, rowTotals, listTotals, total, source: { file, line } };
}

for (const [name, line] of [
  ['markdown-k-shared-memory.md', 1],
  ['en-comma-quoted.csv', 1],
  ['de-semicolon.csv', 1],
  ['fr-tab-nbsp.tsv', 1],
  ['unquoted-comma-groups.csv', 1],
  ['forum-aligned-blanks.txt', 3],
] as const) {
  test(`full K table: ${name}`, async () => {
    const { facts, messages, sniff } = await parseFixture(rammapTable, `${DIR}${name}`);
    assert.ok(sniff >= 0.9);
    assert.deepEqual(messages, []);
    assert.deepEqual(facts, [expectedFullTable(`${DIR}${name}`, line)]);
  });
}

test('single-space separated values with space grouping; columns not in the table stay unknown', async () => {
  const { facts, messages } = await parseFixture(rammapTable, `${DIR}aligned-single-space-groups.txt`);
  assert.deepEqual(messages, []);
  const expected = expectedFullTable(`${DIR}aligned-single-space-groups.txt`, 1, ['active', 'standby', 'modified']);
  // This table writes zero totals as "0 K" rather than leaving them blank.
  for (const [use] of ROWS) expected.rowTotals[use] ??= 0;
  assert.deepEqual(facts, [expected]);
  assert.equal('zeroed' in (facts[0] as UseCountsFact).cells.unused!, false);
});

test('the bare-number sample from formats.md is GiB, with an info message', async () => {
  const { facts, messages, sniff } = await parseFixture(rammapTable, `${DIR}gib-markdown-no-separator.md`);
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [['VALUE_INVALID', 'info', 1]]);
  assert.match(messages[0]!.text, /read as GB/);
  assert.deepEqual(facts, [
    {
      kind: 'use-counts',
      origin: 'table',
      cells: {
        processPrivate: { active: Math.round(15.123 * GiB), standby: Math.round(0.936 * GiB) },
        pageTable: { active: Math.round(3.522 * GiB), standby: 0 },
        driverLocked: { active: Math.round(0.387 * GiB), standby: 0 },
      },
      rowTotals: { processPrivate: Math.round(16.157 * GiB), pageTable: Math.round(3.522 * GiB), driverLocked: Math.round(0.387 * GiB) },
      listTotals: {},
      source: { file: `${DIR}gib-markdown-no-separator.md`, line: 1 },
    },
  ]);
});

test('units from the header and caption, and cells with their own unit', async () => {
  const { facts, messages } = await parseFixture(rammapTable, `${DIR}total-gb-header-mixed-units.md`);
  assert.deepEqual(messages, []);
  assert.deepEqual(facts, [
    {
      kind: 'use-counts',
      origin: 'table',
      cells: {
        processPrivate: { active: 2 * GiB, standby: 100 * MiB },
        mappedFile: { active: Math.round(0.4 * GiB), standby: Math.round(1.1 * GiB) },
        nonpagedPool: { active: 512 * MiB, standby: 0 },
        driverLocked: { active: 2 * GiB, standby: 0 },
      },
      rowTotals: { processPrivate: Math.round(2.1 * GiB), mappedFile: Math.round(1.5 * GiB), nonpagedPool: 512 * MiB, driverLocked: 2 * GiB },
      listTotals: { active: Math.round(4.9 * GiB), standby: Math.round(1.2 * GiB) },
      total: Math.round(6.1 * GiB),
      source: { file: `${DIR}total-gb-header-mixed-units.md`, line: 3 },
    },
  ]);
});

test('bad values, unknown and duplicate rows, extra cells and a cut-off last line give messages, the rest is used', async () => {
  const { facts, messages } = await parseFixture(rammapTable, `${DIR}broken-values.csv`);
  assert.deepEqual(messages.map((m) => [m.code, m.severity, m.line]), [
    ['VALUE_INVALID', 'warning', 5],
    ['CSV_TRUNCATED', 'warning', 7],
    ['VALUE_INVALID', 'warning', 3],
    ['VALUE_INVALID', 'warning', 4],
    ['VALUE_INVALID', 'warning', 6],
  ]);
  assert.match(messages[2]!.text, /Active cell "lots"/);
  assert.match(messages[3]!.text, /"Hiberfil" is not a RAMMap use type/);
  assert.deepEqual(facts, [
    {
      kind: 'use-counts',
      origin: 'table',
      cells: { processPrivate: { active: 2101220 * K, standby: 12040 * K }, mappedFile: { standby: 1098224 * K } },
      rowTotals: { processPrivate: 2145332 * K, mappedFile: 1512448 * K },
      listTotals: {},
      source: { file: `${DIR}broken-values.csv`, line: 1 },
    },
  ]);
});

test('locale numbers: comma decimals with narrow NBSP grouping, and a de table in GiB', async () => {
  const fr = await parseWith(rammapTable, 'Usage\tTotal\tActive\nProcess Private\t1\u202F234,5 K\t1\u202F000 K\nMapped File\t2,5 MB\t\nDriver Locked\t0 K\t0 K\n');
  assert.deepEqual(fr.messages, []);
  const frCounts = fr.facts[0] as UseCountsFact;
  assert.equal(frCounts.rowTotals.processPrivate, Math.round(1234.5 * K));
  assert.equal(frCounts.cells.processPrivate!.active, 1000 * K);
  assert.equal(frCounts.rowTotals.mappedFile, Math.round(2.5 * MiB));
  assert.equal(frCounts.cells.mappedFile!.active, 0);

  const de = await parseWith(rammapTable, 'Use;Total;Active\nProcess Private;16,157;15,123\nPage Table;3,522;3,522\nDriver Locked;0,387;0,387\n');
  assert.equal((de.facts[0] as UseCountsFact).rowTotals.processPrivate, Math.round(16.157 * GiB));
  assert.deepEqual(de.messages.map((m) => m.severity), ['info']);
});

test('no header row: an error message, not a throw', async () => {
  const { facts, messages } = await parseWith(rammapTable, 'Process Private 1,234 K\nMapped File 5 K\n');
  assert.deepEqual(facts, []);
  assert.deepEqual(messages.map((m) => [m.code, m.severity]), [['COLUMN_MISSING', 'error']]);
});

test('sniff: sure of Use Counts tables, 0 for other formats', async () => {
  const head = (name: string) => readFixture(`${DIR}${name}`).toString('utf8').replace(/^\uFEFF/, '');
  assert.ok(rammapTable.sniff(head('forum-aligned-blanks.txt')) >= 0.9);
  assert.equal(rammapTable.sniff('| Use | Total | Active |\n| Process Private | 1 | 1 |\n| Page Table | 1 | 1 |\n'), 0, 'two use rows are not enough');
  const others = [
    '<root Application="RamMap" Version="1.0" Architecture="amd64">\r\n<PageUseCounts>00</PageUseCounts>',
    'Handles  NPM(K)    PM(K)      WS(K)     CPU(s)     Id  SI ProcessName\n-------  ------    -----      -----     ------     --  -- -----------\n    223      14     2456       9876       0.05   1234   0 svchost\n',
    '"(PDH-CSV 4.0) (Pacific Standard Time)(480)","\\\\VM1\\Memory\\Available MBytes","\\\\VM1\\Memory\\Pool Nonpaged Bytes"\n"01/02/2024 10:00:00.000","1024","123456"\n',
    'Path,Total,Standby,Modified,Modified No-Write,Active\nC:\\pagefile.sys,"1,024 K","512 K",,,"512 K"\nC:\\Windows\\System32\\ntdll.dll,"2,000 K","1,000 K",,,"1,000 K"\n',
    'Host Name:                 VM1\nTotal Physical Memory:     4,095 MB\nAvailable Physical Memory: 1,024 MB\n',
    'actual 4194304\nrss 4194304\n',
  ];
  assert.deepEqual(others.map((text) => rammapTable.sniff(text)), [0, 0, 0, 0, 0, 0]);
});
