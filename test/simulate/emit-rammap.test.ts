import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { UseCountsFact } from '../../src/model/facts.js';
import { RAMMAP_LISTS, RAMMAP_USES } from '../../src/model/rammap.js';
import { emitRmpFromState } from '../../src/simulate/emit/rammap-rmp.js';
import { emitRammapTable } from '../../src/simulate/emit/rammap-table.js';
import type { GuestState } from '../../src/simulate/state.js';
import { readBack, sampleState, VARIANTS } from '../helpers/sample-state.js';

const PAGE = 4096;

function cellsOf(state: GuestState): UseCountsFact['cells'] {
  return Object.fromEntries(RAMMAP_USES.map(([use]) => [use, Object.fromEntries(RAMMAP_LISTS.map(([list]) => [list, state.pages[use][list] * PAGE]))]));
}

/** Cells as a fact holds them, with absent cells read as 0 (a typed table leaves zeros blank). */
function filled(cells: UseCountsFact['cells']): UseCountsFact['cells'] {
  return Object.fromEntries(RAMMAP_USES.map(([use]) => [use, Object.fromEntries(RAMMAP_LISTS.map(([list]) => [list, cells[use]?.[list] ?? 0]))]));
}

test('.rmp from the state: every Use Counts cell, the resident private pages of each process and the pool tags', async () => {
  for (const hypervisor of ['kvm', 'hyperv'] as const) {
    const state = sampleState({ hypervisor });
    const parsed = await readBack(emitRmpFromState(state));
    assert.equal(parsed.format, 'rammap-rmp');
    assert.equal(parsed.status, 'ok');
    const counts = parsed.facts.find((f): f is UseCountsFact => f.kind === 'use-counts')!;
    assert.deepEqual(filled(counts.cells), cellsOf(state));
    assert.equal(counts.total ?? Object.values(counts.listTotals).reduce((a, b) => a + (b ?? 0), 0), state.visibleBytes);
    const processes = parsed.facts.flatMap((f) => (f.kind === 'rammap-process' ? [[f.name, f.pid, f.sessionId, f.privateBytes]] : []));
    assert.deepEqual(processes, state.processes.map((p) => [p.name, p.pid, p.sessionId, p.residentPrivatePages * PAGE]));
    const pools = parsed.facts.flatMap((f) => (f.kind === 'pool-tag' ? [[f.tag, f.bytes, f.allocations]] : [])).sort();
    // The parser trims the space that pads short tags ("Irp ").
    assert.deepEqual(pools, state.pools.map((p) => [p.tag.trimEnd(), p.bytes, p.allocations]).sort());
  }
});

test('typed Use Counts table: every cell back to the byte in every culture, zeros blank, a Total row', async () => {
  for (const variant of VARIANTS) {
    const state = sampleState(variant);
    const content = emitRammapTable(state);
    const parsed = await readBack(content);
    const label = `${variant.locale}`;
    assert.equal(parsed.format, 'rammap-table', label);
    assert.equal(parsed.status, 'ok', `${label}: ${JSON.stringify(parsed.messages)}`);
    const counts = parsed.facts.find((f): f is UseCountsFact => f.kind === 'use-counts')!;
    assert.deepEqual(filled(counts.cells), cellsOf(state), label);
    assert.equal(counts.total, state.visibleBytes, label);
  }
  const lines = emitRammapTable(sampleState()).toString('utf8').split('\r\n');
  assert.equal(lines[0], '| Usage | Total | Active | Standby | Modified | Modified no write | Transition | Zeroed | Free | Bad |');
  assert.equal(lines.find((l) => l.startsWith('| AWE ')), '| AWE |  |  |  |  |  |  |  |  |  |');
  assert.match(lines.at(-2)!, /^\| Total \| 4,193,280 K \|/);
});

test('the same state gives the same bytes', () => {
  assert.ok(emitRmpFromState(sampleState()).equals(emitRmpFromState(sampleState())));
  for (const variant of VARIANTS) assert.ok(emitRammapTable(sampleState(variant)).equals(emitRammapTable(sampleState(variant))));
});
