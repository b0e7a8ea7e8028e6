import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'guestram-sim-'));
const small = ['--set', 'memoryMiB=1536', '--set', 'basicDisplayLockedMiB=512', '--set', 'processes.privateMiB=300'];

test('scenarios lists every built-in scenario with its expected cause', () => {
  const { code, stdout } = runCli(['scenarios']);
  assert.equal(code, 0);
  for (const name of ['proxmox-basic-display', 'kvm-balloon', 'hyperv-dynamic-memory', 'sql-awe', 'healthy-standby']) assert.match(stdout, new RegExp(`^${name} `, 'm'));
});

test('simulate: same scenario and seed → byte-identical bundle; the bundle analyzes to the scenario', () => {
  const [a, b] = [join(tmp(), 'a'), join(tmp(), 'b')];
  for (const out of [a, b]) assert.equal(runCli(['simulate', '--scenario', 'proxmox-basic-display', '--seed', '5', ...small, '--out', out]).code, 0);
  const names = readdirSync(a).sort();
  assert.deepEqual(names, readdirSync(b).sort());
  for (const name of names) assert.ok(readFileSync(join(a, name)).equals(readFileSync(join(b, name))), name);
  const expected = JSON.parse(readFileSync(`${a}.expected.json`, 'utf8')) as { primaryCause: string };
  const report = JSON.parse(runCli(['analyze', a, '--format', 'json']).stdout) as { summary: { primaryCause: string } };
  assert.equal(report.summary.primaryCause, expected.primaryCause);
});

test('a bad scenario names the setting and what was expected (exit 2, one line)', () => {
  const cases: [string[], RegExp][] = [
    [['--scenario', 'nope'], /no built-in scenario "nope"/],
    [['--scenario', 'kvm-balloon', '--set', 'memoryMiB="lots"'], /memoryMiB must be number/],
    [['--scenario', 'kvm-balloon', '--set', 'display="vga"'], /display must be one of basic, virtio-gpu/],
    [['--scenario', 'kvm-balloon', '--set', 'colour=1'], /unknown setting "colour"/],
    [['--scenario', 'kvm-balloon', '--set', 'memoryMiB=512'], /more memory than the guest has/],
  ];
  for (const [args, message] of cases) {
    const { code, stderr } = runCli(['simulate', ...args, '--out', join(tmp(), 'x')]);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, message);
    assert.doesNotMatch(stderr, /\n\s+at /);
  }
});

test('--model reads a scenario file and validates it', () => {
  const dir = tmp();
  const file = join(dir, 'mine.json');
  writeFileSync(file, JSON.stringify({ name: 'mine', description: 'x', expect: { primaryCause: 'balloon' }, hypervisor: 'vmware', memoryMiB: 2048, balloon: { device: true, enabled: true, sizeMiB: 512 } }));
  assert.equal(runCli(['simulate', '--model', file, '--out', join(dir, 'out')]).code, 0);
  writeFileSync(file, '{"name": "mine", "hypervisor": "xen"}');
  const bad = runCli(['simulate', '--model', file, '--out', join(dir, 'out2')]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /hypervisor must be one of hyperv, kvm, vmware, virtualbox/);
  assert.match(bad.stderr, /needs "description"/);
});

test('schema scenario is a JSON Schema', () => {
  const { code, stdout } = runCli(['schema', 'scenario']);
  assert.equal(code, 0);
  assert.equal((JSON.parse(stdout) as { title: string }).title, 'guestram scenario');
});

test('whatif: installing the display driver gives back the Driver Locked memory', () => {
  const { code, stdout } = runCli(['whatif', 'fixtures/bundles/proxmox-basic-display', '--change', 'install-display-driver']);
  assert.equal(code, 0);
  assert.match(stdout, /Available memory: 178 MB → 2\.2 GB \(\+2\.0 GB\)/);
  assert.match(stdout, /Driver Locked \/ Active\s+2\.0 GB →\s+4\.0 MB/);
  const needsValue = runCli(['whatif', 'fixtures/bundles/sql-server-awe', '--change', 'cap-sql-memory']);
  assert.equal(needsValue.code, 2);
  assert.match(needsValue.stderr, /needs --value MB/);
});
