import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultReserveMiB, runBalancer, type BalancedVm } from '../../src/simulate/balancer.js';

const vm = (extra: Partial<BalancedVm>): BalancedVm => ({ name: 'vm', startupMiB: 2048, minimumMiB: 512, maximumMiB: 8192, bufferPercent: 20, priority: 50, demandMiB: [1000], ...extra });
const AMPLE = { totalMiB: 65536 };

test('host reserve: 400 MB + 30 MB per GB of host memory', () => {
  assert.equal(defaultReserveMiB(65536), 400 + 30 * 64);
  assert.equal(runBalancer(AMPLE, [vm({})]).reserveMiB, 2320);
});

test('low pressure: memory above committed + buffer is ballooned out; what the guest sees stays', () => {
  // committed 1000 → target 1200; pressure 1000/2048 = 48.8 % < 0.9 × 100/1.2 → remove 848 at once.
  const run = runBalancer(AMPLE, [vm({ demandMiB: [1000, 1000, 1000] })]);
  assert.deepEqual(run.steps[0]![0], { assignedMiB: 1200, visibleMiB: 2048, pressure: 83, averagePressure: 49, addedMiB: 0, removedMiB: 848 });
  // Average pressure moves a quarter of the way each step: 48.8 → 57.4 → 63.9.
  assert.deepEqual(run.steps[2]![0], { assignedMiB: 1200, visibleMiB: 2048, pressure: 83, averagePressure: 64, addedMiB: 0, removedMiB: 848 });
});

test('high pressure: memory is hot-added at once, up to the maximum, and the guest sees it', () => {
  const run = runBalancer(AMPLE, [vm({ demandMiB: [1000, 3000, 9000] })]);
  assert.equal(run.steps[1]![0]!.assignedMiB, 3600);
  assert.equal(run.steps[1]![0]!.visibleMiB, 3600);
  assert.equal(run.steps[1]![0]!.addedMiB, 2400);
  assert.equal(run.steps[2]![0]!.assignedMiB, 8192, 'capped at the maximum');
  assert.equal(run.steps[2]![0]!.pressure, 110);
});

test('the minimum is kept however idle the guest is', () => {
  assert.equal(runBalancer(AMPLE, [vm({ demandMiB: [100] })]).steps[0]![0]!.assignedMiB, 512);
});

test('a 32-bit guest never gets more than 4 GiB', () => {
  assert.equal(runBalancer(AMPLE, [vm({ bits: 32, demandMiB: [5000] })]).steps[0]![0]!.assignedMiB, 4096);
});

test('a short host shares what is left in proportion to want × priority', () => {
  // 8192 − 1024 reserve = 7168 for VMs; 4096 + 2048 assigned → 1024 free. Both commit 4000 → target 4800.
  // want: A 704, B 2752; weights 704×80 = 56320 and 2752×20 = 55040 → A gets 517, B 506.
  const run = runBalancer({ totalMiB: 8192, reserveMiB: 1024 }, [
    vm({ name: 'A', startupMiB: 4096, priority: 80, demandMiB: [4000] }),
    vm({ name: 'B', startupMiB: 2048, priority: 20, demandMiB: [4000] }),
  ]);
  assert.deepEqual(run.steps[0]!.map((s) => s.assignedMiB), [4613, 2554]);
  assert.equal(run.hostAvailableMiB[0], 1);
});

test('on a short host, a VM above its target gives memory back to one that needs it', () => {
  // A idles at 1000 committed (target 1200) holding 4096; B needs 4800. Free: 7168 − 6144 = 1024; A returns 2896.
  const run = runBalancer({ totalMiB: 8192, reserveMiB: 1024 }, [
    vm({ name: 'A', startupMiB: 4096, demandMiB: [1000] }),
    vm({ name: 'B', startupMiB: 2048, demandMiB: [4000] }),
  ]);
  const [a, b] = run.steps[0]!;
  assert.equal(a!.assignedMiB, 1200);
  assert.equal(a!.removedMiB, 2896);
  assert.equal(b!.assignedMiB, 4800);
});
