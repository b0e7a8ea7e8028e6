import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { GiB, MiB } from '../../src/model/bytes.js';
import { analyzeFacts, device, guest4g, process, system, vm } from '../helpers/snapshot.js';

const causes = (findings: { cause: string }[]) => findings.map((f) => f.cause);
const primary = (findings: { cause: string; severity: string }[]) => findings.find((f) => f.severity !== 'info')?.cause ?? 'none';

describe('missing-driver', () => {
  test('Basic Display Adapter on KVM with ballooning off claims the Driver Locked memory', () => {
    const { findings } = analyzeFacts([guest4g(2048), system('visibleBytes', 4 * GiB), vm('kvm', 'balloonEnabled', false), device('Microsoft Basic Display Adapter', { deviceClass: 'Display' })]);
    const f = findings[0]!;
    assert.equal(f.cause, 'missing-driver');
    assert.equal(f.bytes, 2052 * MiB);
    assert.equal(f.severity, 'critical');
    assert.ok(f.confidence >= 0.75, String(f.confidence));
    assert.ok(f.evidence.every((e) => e.source?.file), 'every evidence line names its file');
    assert.ok(f.checklist.some((s) => s.command?.includes('viogpudo')));
  });

  test('an unmeasured balloon device lowers the confidence', () => {
    const ruledOut = analyzeFacts([guest4g(2048), vm('kvm', 'balloonEnabled', false), device('Microsoft Basic Display Adapter')]).findings[0]!;
    const open = analyzeFacts([guest4g(2048), device('Microsoft Basic Display Adapter'), device('VirtIO Balloon Driver', { instanceId: 'PCI\\VEN_1AF4&DEV_1045&SUBSYS_11001AF4' })]).findings[0]!;
    assert.equal(open.cause, 'missing-driver');
    assert.ok(open.confidence < ruledOut.confidence - 0.1, `${open.confidence} vs ${ruledOut.confidence}`);
    assert.equal(open.alternatives?.[0]?.cause, 'balloon', 'the balloon stays a named alternative');
    assert.match(open.alternatives![0]!.why, /info balloon/);
    assert.equal(open.nextEvidence?.request, 'info-balloon', 'the Basic Display Adapter is seen; what is left to decide is the balloon');
  });

  test('a working paravirtual display rules it out, and driver-less devices alone claim no bytes', () => {
    const { findings } = analyzeFacts([guest4g(), device('Red Hat VirtIO GPU DOD controller', { deviceClass: 'Display' }), device('PCI Device', { problemCode: 28, instanceId: 'PCI\\VEN_1AF4&DEV_1052' })]);
    const f = findings.find((x) => x.cause === 'missing-driver')!;
    assert.equal(f.bytes, 0);
    assert.match(f.title, /1 device/);
  });
});

describe('balloon', () => {
  test('KVM balloon measured by the host claims its size of Driver Locked first', () => {
    const { findings } = analyzeFacts([
      guest4g(2048),
      vm('kvm', 'configuredBytes', 4 * GiB),
      vm('kvm', 'balloonActualBytes', 2 * GiB),
      device('Microsoft Basic Display Adapter'),
    ]);
    assert.equal(primary(findings), 'balloon');
    assert.equal(findings[0]!.bytes, 2 * GiB);
    assert.ok(!causes(findings).includes('missing-driver'), 'the 4 MiB left is too small to blame the display');
  });

  test('VMware balloon from vmware-toolbox-cmd', () => {
    const { findings } = analyzeFacts([guest4g(1024), vm('vmware', 'balloonSizeBytes', 1024 * MiB)]);
    assert.equal(findings[0]!.cause, 'balloon');
    assert.equal(findings[0]!.bytes, 1024 * MiB);
    assert.ok(findings[0]!.checklist.some((s) => s.command?.includes('vmware-toolbox-cmd')));
  });

  test('without RAMMap the balloon is claimed from the gap with lower confidence', () => {
    const withRamMap = analyzeFacts([guest4g(1024), vm('vmware', 'balloonSizeBytes', 1024 * MiB)]).findings[0]!;
    const counter = { kind: 'counter' as const, object: 'Memory', counter: 'Available MBytes', samples: 1, first: 512, last: 512, min: 512, max: 512, mean: 512, source: { file: 'perf.csv', line: 2 } };
    const without = analyzeFacts([system('visibleBytes', 4 * GiB), counter, process('app', 1500), vm('vmware', 'balloonSizeBytes', 1024 * MiB)]).findings[0]!;
    assert.equal(without.cause, 'balloon');
    assert.equal(without.bytes, 1024 * MiB);
    assert.ok(without.confidence < withRamMap.confidence);
  });
});

test('Hyper-V Dynamic Memory claims Driver Locked', () => {
  const { findings } = analyzeFacts([guest4g(1536), vm('hyperv', 'dynamicMemoryEnabled', true), vm('hyperv', 'dmMinimumBytes', GiB), vm('hyperv', 'dmMaximumBytes', 8 * GiB), vm('hyperv', 'dmStartupBytes', 4 * GiB), vm('hyperv', 'assignedBytes', 2560 * MiB), system('visibleBytes', 4 * GiB)]);
  assert.equal(findings[0]!.cause, 'dynamic-memory');
  assert.equal(findings[0]!.bytes, 1540 * MiB);
  assert.ok(findings[0]!.evidence.some((e) => /taken back/.test(e.text)));
});

test('AWE (SQL Server locked pages)', () => {
  const { findings } = analyzeFacts([guest4g(0, { awe: { active: 2048 } }), process('sqlservr', 150, 200)]);
  assert.equal(findings[0]!.cause, 'awe');
  assert.equal(findings[0]!.bytes, 2048 * MiB);
  assert.equal(findings[0]!.severity, 'warn');
  assert.ok(findings[0]!.evidence.some((e) => /sqlservr/.test(e.text)));
});

test('nonpaged pool leak names the dominant tag', () => {
  const pool = (tag: string, mib: number) => ({ kind: 'pool-tag' as const, tag, bytes: mib * MiB, source: { file: 'snapshot.rmp', line: 9 } });
  const { findings } = analyzeFacts([guest4g(0, { nonpagedPool: { active: 1400 } }), pool('Vxfl', 1300), pool('Ntfx', 60)]);
  const f = findings[0]!;
  assert.equal(f.cause, 'nonpaged-pool');
  assert.equal(f.bytes, 1400 * MiB);
  assert.match(f.title, /Vxfl/);
  assert.ok(f.checklist.some((s) => s.text.includes('Vxfl')), 'the step that finds the driver names the tag');
});

test('a healthy guest with a big standby cache has no primary cause', () => {
  const { findings } = analyzeFacts([guest4g(0, { mappedFile: { active: 200, standby: 1800 } })]);
  assert.equal(primary(findings), 'none');
  assert.deepEqual(causes(findings), ['standby-cache']);
  assert.equal(findings[0]!.bytes, 1800 * MiB);
});

test('Driver Locked with no cause is reported as unexplained, never hidden', () => {
  const { findings, unexplainedBytes } = analyzeFacts([guest4g(1024)]);
  assert.equal(primary(findings), 'unexplained');
  assert.equal(unexplainedBytes, 1028 * MiB);
});

test('hardware reserved and memory compression are explained as info', () => {
  // Visible matches the 4 GiB RAMMap total (a snapshot that disagrees with the OS is a conflict, not reserved memory).
  const { findings } = analyzeFacts([guest4g(), system('installedBytes', 4 * GiB + 512 * MiB), system('visibleBytes', 4 * GiB), process('Memory Compression', 0, 300)]);
  const byCause = Object.fromEntries(findings.map((f) => [f.cause, f]));
  assert.equal(byCause['hardware-reserved']!.bytes, 512 * MiB);
  assert.equal(byCause['hardware-reserved']!.severity, 'info');
  assert.equal(byCause['memory-compression']!.bytes, 300 * MiB);
  assert.equal(primary(findings), 'none');
});

test('findings are ranked by severity, then bytes; memory pressure follows the causes that make it, info comes last', () => {
  const { findings } = analyzeFacts([guest4g(1024, { awe: { active: 1024 } }), system('installedBytes', 5 * GiB), system('visibleBytes', 4 * GiB)]);
  const causes = findings.filter((f) => f.severity !== 'info' && f.cause !== 'memory-pressure');
  const ranks = causes.map((f) => ({ critical: 0, warn: 1, info: 2 })[f.severity]);
  assert.deepEqual(ranks, [...ranks].sort());
  const pressure = findings.findIndex((f) => f.cause === 'memory-pressure');
  const lastCause = findings.findLastIndex((f) => f.severity !== 'info' && f.cause !== 'memory-pressure');
  const firstInfo = findings.findIndex((f) => f.severity === 'info');
  if (pressure >= 0) assert.ok(pressure > lastCause && (firstInfo < 0 || pressure < firstInfo), findings.map((f) => f.cause).join(', '));
  assert.ok(findings.slice(firstInfo < 0 ? findings.length : firstInfo).every((f) => f.severity === 'info'));
});
