import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Fact, UseCountsFact } from '../../src/model/facts.js';
import { RAMMAP_LISTS, RAMMAP_USES } from '../../src/model/rammap.js';
import { rammapRmp } from '../../src/ingest/parsers/rammap-rmp.js';
import { emitRmp, type RmpSnapshot } from '../../src/simulate/emit/rammap-rmp.js';
import { parseWith, utf16le } from '../helpers/parse.js';

const PAGE = 4096;

const snapshot: RmpSnapshot = {
  matrix: {
    processPrivate: { active: 1200, standby: 30, modified: 4 },
    mappedFile: { standby: 900, modifiedNoWrite: 2 },
    nonpagedPool: { active: 77 },
    driverLocked: { active: 512, transition: 1 },
    largePage: { active: 3 },
    unused: { zeroed: 4000, free: 90, bad: 1 },
  },
  processes: [
    { name: 'System', pid: 4, sessionId: 0, privatePages: 5 },
    { name: 'a "quoted" <name> & more.exe', pid: 123456, sessionId: 3, privatePages: 2 },
    { name: 'no-session.exe', pid: 88, privatePages: 0 },
  ],
  pools: [
    { tag: 'Ntfx', bytes: 1000, allocations: 3 },
    { tag: 'Io', bytes: 4096, allocations: 1 },
  ],
  pfnRecords: 10,
};

/** Reads facts back into the emitter's input shape. */
function backToSnapshot(facts: Fact[]): Omit<RmpSnapshot, 'pfnRecords'> {
  const counts = facts.find((f): f is UseCountsFact => f.kind === 'use-counts')!;
  const matrix: RmpSnapshot['matrix'] = {};
  for (const [use] of RAMMAP_USES) {
    for (const [list] of RAMMAP_LISTS) {
      const pages = (counts.cells[use]?.[list] ?? 0) / PAGE;
      if (pages !== 0) (matrix[use] ??= {})[list] = pages;
    }
  }
  const processes = facts.flatMap((f) =>
    f.kind === 'rammap-process' ? [{ name: f.name, pid: f.pid, ...(f.sessionId !== undefined && { sessionId: f.sessionId }), privatePages: f.privateBytes / PAGE }] : [],
  );
  const pools = facts.flatMap((f) => (f.kind === 'pool-tag' ? [{ tag: f.tag, bytes: f.bytes, allocations: f.allocations ?? 0 }] : []));
  return { matrix, processes, pools };
}

test('parse(emit(x)) == x', async () => {
  const { facts, messages, sniff } = await parseWith(rammapRmp, emitRmp(snapshot));
  assert.ok(sniff >= 0.9);
  assert.deepEqual(messages, []);
  const { pfnRecords: _, ...expected } = snapshot;
  const back = backToSnapshot(facts);
  assert.deepEqual(back.matrix, expected.matrix);
  assert.deepEqual(back.processes, expected.processes);
  assert.deepEqual([...back.pools].sort((a, b) => a.tag.localeCompare(b.tag)), [...expected.pools].sort((a, b) => a.tag.localeCompare(b.tag)));
});

test('every layout variant reads back to the same snapshot', async () => {
  const plain = backToSnapshot((await parseWith(rammapRmp, emitRmp(snapshot))).facts);
  const variants = [
    emitRmp(snapshot, { reverse: true }),
    emitRmp(snapshot, { hexLineWidth: 32, newline: '\n' }),
    emitRmp(snapshot, { rootTag: 'RAMMAP Version="2.0" Application="RamMap"' }),
    utf16le(emitRmp(snapshot, { declaration: '<?xml version="1.0" encoding="UTF-16"?>' })),
  ];
  for (const variant of variants) assert.deepEqual(backToSnapshot((await parseWith(rammapRmp, variant)).facts), plain);
});

test('writes the root, lowercase hex and a PfnDatabase of u64 triples', () => {
  const xml = emitRmp(snapshot);
  assert.ok(xml.startsWith('<root Application="RamMap" Version="1.0" Architecture="amd64">\r\n<PageUseCounts>'));
  const pfn = /<PfnDatabase>([0-9a-f]*)<\/PfnDatabase>/.exec(xml);
  assert.ok(pfn);
  assert.equal(pfn[1]!.length, (32 + 10 * 3) * 16);
  assert.doesNotMatch(xml, /<(PageUseCounts|ListCounts|PoolInfo)>[^<]*[A-F]/);
});
