import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyzeParsed } from '../../src/analyze.js';
import type { ParsedFile } from '../../src/ingest/ingest-file.js';
import { GiB, MiB } from '../../src/model/bytes.js';
import type { Fact } from '../../src/model/facts.js';
import { device, guest4g, process, system, vm } from '../helpers/snapshot.js';

const file = (facts: Fact[], path = 'post.txt'): ParsedFile => ({ path, format: 'systeminfo-list', formatTitle: 'test', status: 'ok', messages: [], facts });
const counter = (name: string, value: number, host?: string): Fact => ({
  kind: 'counter', object: 'Memory', counter: name, samples: 1, first: value, last: value, min: value, max: value, mean: value,
  ...(host && { host }), source: { file: 'post.txt', line: 1 },
});

/** Any mix of the partial facts people post: sizes, counters, a few processes, host settings, devices. */
const partialFacts = fc.subarray([
  system('visibleBytes', 4 * GiB),
  system('availableBytes', 900 * MiB),
  system('installedBytes', 4 * GiB),
  system('manufacturer', 'QEMU'),
  counter('Available MBytes', 700),
  counter('Pool Nonpaged Bytes', 300 * MiB),
  counter('Committed Bytes', 2.5 * GiB),
  counter('Commit Limit', 5 * GiB),
  vm('kvm', 'configuredBytes', 4 * GiB),
  vm('kvm', 'balloonEnabled', false),
  vm('hyperv', 'dynamicMemoryEnabled', true),
  vm('hyperv', 'assignedBytes', 3 * GiB),
  device('Microsoft Basic Display Adapter', { deviceClass: 'Display' }),
  process('svchost', 200 * MiB),
  process('sqlservr', 900 * MiB),
  guest4g(0),
  guest4g(1024),
  { kind: 'process-sum', property: 'PM', bytes: 1531 * MiB, source: { file: 'post.txt', line: 2 } },
] as Fact[]);

describe('the verdict', () => {
  test('no report without an in-use figure is ever healthy', () => {
    fc.assert(fc.property(partialFacts, (facts) => {
      const report = analyzeParsed([file(facts)]);
      if (report.summary.inUseBytes === null || report.summary.processPrivateBytes === null) assert.notEqual(report.summary.verdict, 'healthy', JSON.stringify(report.summary));
      if (report.summary.verdict === 'healthy') {
        assert.ok(report.reconciliation.identities.every((i) => i.holds), 'healthy only when every check held');
        assert.ok(report.findings.every((f) => f.severity === 'info'), 'healthy only without a warning');
      }
      if (report.summary.verdict === 'insufficient-evidence') assert.ok(report.summary.nextEvidence, 'insufficient evidence names what would decide');
    }), { numRuns: 300 });
  });

  test('a failed accounting check is never healthy, and the verdict names it', () => {
    // RAMMap says 8 GiB, the OS 4 GiB: two machines or two moments.
    const facts: Fact[] = [guest4g(0), system('visibleBytes', 8 * GiB), process('app', 1400 * MiB)];
    const report = analyzeParsed([file(facts)]);
    assert.notEqual(report.summary.verdict, 'healthy');
    assert.match(report.summary.verdictReason, /RAMMap Total ≈ memory visible to Windows|failed/);
  });

  test('files of two guests are mixed inputs: nothing merged, each machine with its own verdict', () => {
    const a = file([system('hostName', 'WEB-IIS-03'), system('manufacturer', 'VMware, Inc.'), system('visibleBytes', 8 * GiB), system('availableBytes', 5 * GiB)], 'web/systeminfo.txt');
    const b = file([system('hostName', 'SQL-PRD-02'), system('manufacturer', 'Microsoft Corporation'), system('visibleBytes', 16 * GiB), system('availableBytes', 1 * GiB), guest4g(0)], 'sql/systeminfo.txt');
    const report = analyzeParsed([a, b]);
    assert.equal(report.summary.verdict, 'mixed-inputs');
    assert.deepEqual(report.findings, []);
    assert.equal(report.machines.length, 2);
    assert.ok(report.machines.every((m) => m.verdict !== undefined && m.headline));
    assert.match(report.summary.headline, /WEB-IIS-03/);
  });

  test('a host counter log names the host, not another guest: one machine', () => {
    const guest = file([system('hostName', 'APP01'), system('manufacturer', 'Microsoft Corporation')], 'systeminfo.txt');
    const hostLog = file([{ kind: 'counter', host: 'HV-HOST-7', object: 'Hyper-V Dynamic Memory VM', instance: 'APP01', counter: 'Average Pressure', samples: 3, first: 80, last: 90, min: 80, max: 90, mean: 85, source: { file: 'host-counters.csv', line: 1 } }], 'host-counters.csv');
    const vmFile = file([vm('hyperv', 'vmName', 'APP01'), vm('hyperv', 'dynamicMemoryEnabled', true)], 'get-vm.json');
    const report = analyzeParsed([guest, hostLog, vmFile]);
    assert.notEqual(report.summary.verdict, 'mixed-inputs');
    assert.equal(report.machines.length, 1);
  });

  test('a starved guest is under pressure, never healthy (45 MB of 880 MB available)', () => {
    const report = analyzeParsed([file([system('visibleBytes', 880 * MiB), system('availableBytes', 45 * MiB)])]);
    assert.equal(report.summary.verdict, 'pressure');
    assert.equal(report.summary.primaryCause, 'memory-pressure');
  });
});
