import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GiB, MiB } from '../../src/model/bytes.js';
import { analyzeFacts, guest4g, process, system, useCounts } from '../helpers/snapshot.js';

test('RAMMap basis: in use, process private and the gap follow from the matrix', () => {
  const { reconciliation: r } = analyzeFacts([guest4g(2048), system('visibleBytes', 4 * GiB), system('installedBytes', 4 * GiB)]);
  assert.equal(r.basis, 'rammap');
  assert.equal(r.inUseBytes, (1536 + 200 + 40 + 180 + 120 + 20 + 12 + 4 + 2048) * MiB);
  assert.equal(r.processPrivateBytes, 1536 * MiB);
  assert.equal(r.gapBytes, r.inUseBytes! - 1536 * MiB);
  assert.equal(r.standbyBytes, 150 * MiB);
  assert.equal(r.modifiedBytes, 16 * MiB);
  assert.equal(r.gapBuckets.driverLocked, 2052 * MiB);
  assert.equal(r.hardwareReservedBytes, 0);
  const byId = Object.fromEntries(r.identities.map((i) => [i.id, i]));
  assert.equal(byId['rammap-total-equals-categories']!.holds, true);
  assert.equal(byId['rammap-total-equals-visible']!.holds, true);
  assert.equal(byId['installed-equals-visible-plus-reserved']!.holds, true);
});

test('an identity that does not hold says so, with both sides', () => {
  const { reconciliation: r } = analyzeFacts([guest4g(), system('visibleBytes', 8 * GiB)]);
  const visible = r.identities.find((i) => i.id === 'rammap-total-equals-visible')!;
  assert.equal(visible.holds, false);
  assert.equal(visible.lhs, 4 * GiB);
  assert.equal(visible.rhs, 8 * GiB);
  assert.match(visible.note!, /different/);
});

test('without RAMMap: in use from available memory, the gap split by the kernel counters', () => {
  const counter = (counterName: string, last: number) => ({
    kind: 'counter' as const, object: 'Memory', counter: counterName, samples: 1, first: last, last, min: last, max: last, mean: last, source: { file: 'perf.csv', line: 1 },
  });
  const { reconciliation: r } = analyzeFacts([
    system('visibleBytes', 4 * GiB),
    counter('Available MBytes', 1024),
    counter('Pool Nonpaged Bytes', 200 * MiB),
    process('a', 1000),
    process('b', 500),
  ]);
  assert.equal(r.basis, 'counters');
  assert.equal(r.inUseBytes, 3 * GiB);
  assert.equal(r.processPrivateBytes, 1500 * MiB);
  assert.equal(r.gapBytes, 3 * GiB - 1500 * MiB);
  assert.equal(r.gapBuckets.nonpagedPool, 200 * MiB);
  assert.equal(r.gapBuckets.unattributed, 3 * GiB - 1500 * MiB - 200 * MiB);
});

test('stated PM sum is checked against the process list', () => {
  const { reconciliation: r } = analyzeFacts([
    useCounts({ processPrivate: { active: 100 } }),
    process('a', 100),
    { kind: 'process-sum', property: 'PM', bytes: 900 * MiB, source: { file: 'pm-sum.txt', line: 3 } },
  ]);
  const stated = r.identities.find((i) => i.id === 'stated-pm-sum-equals-listed')!;
  assert.equal(stated.holds, false);
  assert.equal(stated.lhs, 900 * MiB);
  assert.equal(stated.rhs, 100 * MiB);
});
