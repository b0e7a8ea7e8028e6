import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { GUEST_SCRIPT_PATH } from '../../src/collect/sources.js';
import { ROOT, runCli } from '../helpers/cli.js';

const script = readFileSync(join(ROOT, GUEST_SCRIPT_PATH), 'utf8');

test('guestram collect prints the guest script with Windows line endings', () => {
  const result = runCli(['collect']);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, script.replace(/\r?\n/g, '\r\n'));
  assert.doesNotMatch(result.stdout, /[^\r]\n/);
});

test('guestram collect --out writes the script to a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guestram-collect-'));
  try {
    const out = join(dir, 'guestram-collect.ps1');
    const result = runCli(['collect', '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.equal(readFileSync(out, 'utf8'), script.replace(/\r?\n/g, '\r\n'));
    assert.match(result.stderr, /ExecutionPolicy Bypass -File/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('guestram collect --host prints the host commands and where their output goes', () => {
  const proxmox = runCli(['collect', '--host', 'proxmox']);
  assert.equal(proxmox.code, 0, proxmox.stderr);
  assert.match(proxmox.stdout, /qm config 100 > qm-config\.txt/);
  assert.match(proxmox.stdout, /^ {2}qm-config\.txt +Proxmox qm config$/m);
  assert.match(proxmox.stdout, /^ {2}info-balloon\.txt +QEMU monitor info balloon$/m);
  assert.doesNotMatch(proxmox.stdout, /guestram-output/);
  const hyperv = runCli(['collect', '--host', 'hyperv']);
  assert.match(hyperv.stdout, /Get-VMMemory -VMName \$vm/);
  assert.match(hyperv.stdout, /get-vmmemory\.json +Hyper-V Get-VM/);
});

test('guestram collect --host with an unknown hypervisor is a usage error', () => {
  const result = runCli(['collect', '--host', 'xen']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /hyperv.*proxmox.*libvirt.*vmware.*virtualbox/s);
});

test('what the guest script and the Proxmox commands write analyzes as one bundle', () => {
  // The samples hold every file the script can write; vmware-balloon.txt only appears in a VMware guest.
  const guest = readdirSync('test/collect/samples/guest').filter((name) => name !== 'vmware-balloon.txt').map((name) => `test/collect/samples/guest/${name}`);
  const result = runCli(['analyze', ...guest, 'test/collect/samples/proxmox', '--format', 'json']);
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout) as { summary: { primaryCause: string; hypervisor: string; verdict: string }; inputs: { path: string; status: string }[] };
  assert.deepEqual(report.inputs.filter((i) => i.status === 'unrecognized' || i.status === 'error').map((i) => i.path), []);
  assert.equal(report.inputs.length, 12);
  assert.equal(report.summary.hypervisor, 'kvm');
  assert.equal(report.summary.primaryCause, 'balloon');
  assert.equal(report.summary.verdict, 'problem');
});

test('VMware Tools output beside a QEMU guest and a Proxmox config is not one guest: mixed inputs, nothing merged', () => {
  const result = runCli(['analyze', 'test/collect/samples/guest', 'test/collect/samples/proxmox', '--format', 'json']);
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout) as { summary: { verdict: string; primaryCause: string }; findings: unknown[]; machines: { label: string; files: string[] }[] };
  assert.equal(report.summary.verdict, 'mixed-inputs');
  assert.equal(report.summary.primaryCause, 'none');
  assert.deepEqual(report.findings, []);
  assert.ok(report.machines.some((m) => m.files.some((f) => f.endsWith('vmware-balloon.txt'))));
});
