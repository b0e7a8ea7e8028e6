import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CounterFact, Fact, HypervisorField } from '../../src/model/facts.js';
import { emitGetVmJson, emitGetVmMemoryJson } from '../../src/simulate/emit/hyperv-vm-json.js';
import { emitQmConfig } from '../../src/simulate/emit/proxmox-qm-config.js';
import { emitInfoBalloon } from '../../src/simulate/emit/qemu-info-balloon.js';
import { availableBytes } from '../../src/simulate/emit/readings.js';
import { emitVboxMetrics } from '../../src/simulate/emit/vbox-metrics.js';
import { emitShowvminfo } from '../../src/simulate/emit/vbox-showvminfo.js';
import { emitVirshDommemstat } from '../../src/simulate/emit/virsh-dommemstat.js';
import { emitToolboxBalloon } from '../../src/simulate/emit/vmware-toolbox-balloon.js';
import { emitVmx } from '../../src/simulate/emit/vmware-vmx.js';
import type { GuestState } from '../../src/simulate/state.js';
import { readBack, sampleState } from '../helpers/sample-state.js';

const MiB = 1024 * 1024;
type Fields = Partial<Record<HypervisorField, string | number | boolean>>;

async function vmFields(content: Buffer, format: string): Promise<Fields> {
  const parsed = await readBack(content);
  assert.equal(parsed.format, format);
  assert.equal(parsed.status, 'ok', JSON.stringify(parsed.messages));
  return Object.fromEntries(parsed.facts.flatMap((f: Fact) => (f.kind === 'hypervisor' ? [[f.field, f.value]] : [])));
}

function withBalloon(state: GuestState, balloon: GuestState['vm']['balloon']): GuestState {
  const vm = { ...state.vm };
  if (balloon) vm.balloon = balloon;
  else delete vm.balloon;
  return { ...state, vm };
}

test('Hyper-V Get-VMMemory and Get-VM: the Dynamic Memory settings and the assignment, in bytes', async () => {
  const state = sampleState({ hypervisor: 'hyperv' });
  const dm = state.vm.dynamicMemory!;
  const common = { vmName: state.vmName, dynamicMemoryEnabled: true, configuredBytes: dm.startupBytes, dmStartupBytes: dm.startupBytes, dmMinimumBytes: dm.minimumBytes, dmMaximumBytes: dm.maximumBytes };
  assert.deepEqual(await vmFields(emitGetVmMemoryJson(state), 'hyperv-vm-json'), { ...common, dmBufferPercent: 20, dmPriority: 50 });
  assert.deepEqual(await vmFields(emitGetVmJson(state), 'hyperv-vm-json'), { ...common, assignedBytes: dm.assignedBytes, demandBytes: dm.demandBytes });
  const off = { ...state, vm: { ...state.vm, dynamicMemory: { ...dm, enabled: false, assignedBytes: dm.startupBytes } } };
  assert.equal((await vmFields(emitGetVmJson(off), 'hyperv-vm-json')).dynamicMemoryEnabled, false);
  const text = emitGetVmMemoryJson(state);
  assert.deepEqual([...text.subarray(0, 2)], [0xff, 0xfe]);
  assert.match(text.subarray(2).toString('utf16le'), /^\{\r\n    "ResourcePoolName":  "Primordial",\r\n    "Buffer":  20,/);
});

test('Proxmox qm config: memory, balloon target, display, sorted keys; balloon: 0 and the no-balloon default', async () => {
  const state = sampleState({ hypervisor: 'kvm' });
  assert.deepEqual(await vmFields(emitQmConfig(state), 'proxmox-qm-config'), {
    configuredBytes: 4096 * MiB, balloonEnabled: true, balloonTargetBytes: 2048 * MiB, display: 'virtio', guestOsType: 'win10', vmName: state.vmName,
  });
  const off = await vmFields(emitQmConfig(withBalloon(state, { enabled: false, targetMiB: 0, sizeMiB: 0 })), 'proxmox-qm-config');
  assert.equal(off.balloonEnabled, false);
  const unset = await vmFields(emitQmConfig(withBalloon(state, undefined)), 'proxmox-qm-config');
  assert.deepEqual([unset.balloonEnabled, unset.balloonTargetBytes], [true, 4096 * MiB]);
  const keys = emitQmConfig(state).toString('utf8').trimEnd().split('\n').map((l) => l.split(':')[0]!);
  assert.deepEqual(keys, [...keys].sort());
});

test('QEMU info balloon: actual = memory − balloon, with the guest statistics; no device when the balloon is off', async () => {
  const state = sampleState({ hypervisor: 'kvm' });
  assert.deepEqual(await vmFields(emitInfoBalloon(state), 'qemu-info-balloon'), { balloonActualBytes: 3072 * MiB, configuredBytes: 4096 * MiB, balloonSizeBytes: 1024 * MiB });
  assert.match(emitInfoBalloon(state).toString('utf8'), new RegExp(`free_mem=${Math.floor(availableBytes(state) / MiB)} `));
  assert.deepEqual(await vmFields(emitInfoBalloon(withBalloon(state, { enabled: false, targetMiB: 0, sizeMiB: 0 })), 'qemu-info-balloon'), { balloonEnabled: false });
});

test('virsh dommemstat: actual in KiB', async () => {
  const state = sampleState({ hypervisor: 'kvm' });
  assert.deepEqual(await vmFields(emitVirshDommemstat(state), 'virsh-dommemstat'), { balloonActualBytes: 3072 * MiB });
});

test('VMware .vmx and toolbox: memsize, guest OS, SVGA, maxmemctl 0 when ballooning is off; the balloon size', async () => {
  const state = sampleState({ hypervisor: 'vmware' });
  assert.deepEqual(await vmFields(emitVmx(state), 'vmware-vmx'), { vmName: state.vmName, guestOsType: 'windows2019srv-64', configuredBytes: 4096 * MiB, display: 'svga' });
  const off = withBalloon(state, { enabled: false, targetMiB: 0, sizeMiB: 0 });
  assert.equal((await vmFields(emitVmx(off), 'vmware-vmx')).balloonEnabled, false);
  for (const powershell of ['5.1', '7'] as const) {
    assert.deepEqual(await vmFields(emitToolboxBalloon({ ...state, powershell }), 'vmware-toolbox-balloon'), { balloonSizeBytes: 768 * MiB });
    assert.deepEqual(await vmFields(emitToolboxBalloon({ ...off, powershell }), 'vmware-toolbox-balloon'), { balloonSizeBytes: 0 });
  }
  assert.equal(emitToolboxBalloon({ ...state, powershell: '7' }).toString('utf8'), '768 MB\r\n');
  const quoted = emitVmx({ ...state, vmName: 'Café "prod"' }).toString('utf8');
  assert.ok(quoted.includes('displayName = "Café |22prod|22"'));
});

test('VirtualBox showvminfo and metrics: memory, balloon request, graphics; Guest/RAM/Usage in kB', async () => {
  const state = sampleState({ hypervisor: 'virtualbox' });
  assert.deepEqual(await vmFields(emitShowvminfo(state), 'vbox-showvminfo'), {
    vmName: state.vmName, guestOsType: 'Windows2019_64', configuredBytes: 4096 * MiB, display: 'vboxsvga', balloonEnabled: true, balloonTargetBytes: (4096 - 512) * MiB,
  });
  const parsed = await readBack(emitVboxMetrics(state));
  assert.equal(parsed.format, 'vbox-metrics');
  assert.equal(parsed.status, 'ok');
  const counters = parsed.facts.filter((f): f is CounterFact => f.kind === 'counter');
  assert.deepEqual(
    counters.map((c) => [c.instance, c.counter, c.samples, c.last]),
    [
      [state.vmName, 'Total kB', 5, state.visibleBytes / 1024],
      [state.vmName, 'Free kB', 5, availableBytes(state) / 1024],
      [state.vmName, 'Balloon kB', 5, 512 * 1024],
      [state.vmName, 'Shared kB', 5, 0],
      [state.vmName, 'Cache kB', 5, counters[4]!.last],
    ],
  );
  assert.ok(parsed.facts.some((f) => f.kind === 'hypervisor' && f.field === 'balloonSizeBytes' && f.value === 512 * MiB));
});

test('the same state gives the same bytes', () => {
  const emitters = [emitGetVmMemoryJson, emitGetVmJson, emitQmConfig, emitInfoBalloon, emitVirshDommemstat, emitVmx, emitToolboxBalloon, emitShowvminfo, emitVboxMetrics];
  for (const hypervisor of ['kvm', 'hyperv', 'vmware', 'virtualbox'] as const) {
    for (const emit of emitters) assert.ok(emit(sampleState({ hypervisor })).equals(emit(sampleState({ hypervisor }))), `${emit.name} ${hypervisor}`);
  }
});
