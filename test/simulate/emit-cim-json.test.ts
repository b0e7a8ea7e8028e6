import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DeviceFact, Fact, SystemField } from '../../src/model/facts.js';
import { emitCimComputerSystem, emitCimOperatingSystem, emitCimPhysicalMemory, emitCimVideoController } from '../../src/simulate/emit/cim-json.js';
import { convertToJson } from '../../src/simulate/emit/ps-json.js';
import { availableBytes, commitLimitBytes, committedBytes } from '../../src/simulate/emit/readings.js';
import { readBack, sampleState, VARIANTS } from '../helpers/sample-state.js';

const GiB = 1024 ** 3;
const floorKiB = (bytes: number) => Math.floor(bytes / 1024) * 1024;

function systemValues(facts: Fact[]): Partial<Record<SystemField, string | number | boolean>> {
  return Object.fromEntries(facts.flatMap((f) => (f.kind === 'system' ? [[f.field, f.value]] : [])));
}

test('Win32_OperatingSystem: KB sizes read back exactly (to the KB), host and OS', async () => {
  for (const variant of VARIANTS) {
    const state = sampleState(variant);
    const parsed = await readBack(emitCimOperatingSystem(state));
    assert.equal(parsed.format, 'cim-json');
    assert.equal(parsed.status, 'ok', JSON.stringify(parsed.messages));
    const limit = floorKiB(commitLimitBytes(state));
    assert.deepEqual(systemValues(parsed.facts), {
      hostName: state.hostName,
      osName: state.windows.caption,
      osVersion: state.windows.version,
      osArchitecture: '64-bit',
      visibleBytes: state.visibleBytes,
      availableBytes: availableBytes(state),
      commitLimitBytes: limit,
      committedBytes: limit - floorKiB(commitLimitBytes(state) - committedBytes(state)),
    });
  }
});

test('Win32_ComputerSystem: visible bytes, platform and the hypervisor flag', async () => {
  for (const hypervisor of ['kvm', 'hyperv', 'vmware', 'virtualbox'] as const) {
    for (const powershell of ['5.1', '7'] as const) {
      const state = sampleState({ hypervisor, powershell });
      const parsed = await readBack(emitCimComputerSystem(state));
      assert.equal(parsed.format, 'cim-json');
      assert.equal(parsed.status, 'ok');
      const values = systemValues(parsed.facts);
      assert.equal(values.visibleBytes, state.visibleBytes);
      assert.equal(values.hypervisorPresent, true);
      assert.equal(values.hostName, state.hostName.toLowerCase());
      assert.equal(values.manufacturer, { kvm: 'QEMU', hyperv: 'Microsoft Corporation', vmware: 'VMware, Inc.', virtualbox: 'innotek GmbH' }[hypervisor]);
    }
  }
});

test('Win32_PhysicalMemory: the DIMMs add up to the installed memory', async () => {
  for (const powershell of ['5.1', '7'] as const) {
    const state = sampleState({ powershell });
    const parsed = await readBack(emitCimPhysicalMemory(state));
    assert.equal(parsed.status, 'ok');
    assert.equal(systemValues(parsed.facts).installedBytes, state.installedBytes);
    const big = { ...state, installedBytes: 40 * GiB + 6 * 1024 * 1024 };
    const dimms = await readBack(emitCimPhysicalMemory(big));
    assert.equal(systemValues(dimms.facts).installedBytes, big.installedBytes);
    assert.equal((JSON.parse(emitCimPhysicalMemory({ ...big, powershell: '7' }).toString('utf8')) as unknown[]).length, 3);
  }
});

test('Win32_VideoController: the adapter as a Display device with its RAM and PnP id', async () => {
  for (const hypervisor of ['kvm', 'hyperv', 'vmware', 'virtualbox'] as const) {
    for (const powershell of ['5.1', '7'] as const) {
      const state = sampleState({ hypervisor, powershell });
      const parsed = await readBack(emitCimVideoController(state));
      assert.equal(parsed.status, 'ok');
      const devices = parsed.facts.filter((f): f is DeviceFact => f.kind === 'device');
      assert.deepEqual(
        devices.map((d) => [d.name, d.deviceClass, d.instanceId, d.adapterRamBytes, d.problemCode, d.status]),
        [[state.video.name, 'Display', state.video.pnpDeviceId, state.video.adapterRamBytes, 0, 'OK']],
      );
    }
  }
});

test('5.1 and 7 lay JSON out as each ConvertTo-Json does', () => {
  const value = { A: 1, B: { C: 'x&y', D: [1, 2] }, E: null };
  assert.equal(
    convertToJson(value, '5.1'),
    '{\r\n    "A":  1,\r\n    "B":  {\r\n              "C":  "x\\u0026y",\r\n              "D":  [\r\n                        1,\r\n                        2\r\n                    ]\r\n          },\r\n    "E":  null\r\n}',
  );
  assert.equal(convertToJson(value, '7'), '{\r\n  "A": 1,\r\n  "B": {\r\n    "C": "x&y",\r\n    "D": [\r\n      1,\r\n      2\r\n    ]\r\n  },\r\n  "E": null\r\n}');
  const ps51 = emitCimOperatingSystem(sampleState({ powershell: '5.1' }));
  assert.deepEqual([...ps51.subarray(0, 2)], [0xff, 0xfe]);
  const text51 = ps51.subarray(2).toString('utf16le');
  assert.match(text51, /"LastBootUpTime":  "\\\/Date\(\d+\)\\\/",/);
  assert.match(text51, /"CimClass":  \{\r\n {21}"CimSuperClassName":  "CIM_OperatingSystem",/);
  const text7 = emitCimOperatingSystem(sampleState({ powershell: '7' })).toString('utf8');
  assert.match(text7, /"LastBootUpTime": "2026-11-01T\d\d:\d\d:\d\d\.25\+01:00",/);
  assert.match(text7, /"CimClass": "root\/cimv2:Win32_OperatingSystem",/);
});

test('the same state gives the same bytes', () => {
  for (const emit of [emitCimOperatingSystem, emitCimComputerSystem, emitCimPhysicalMemory, emitCimVideoController]) {
    for (const variant of VARIANTS) assert.ok(emit(sampleState(variant)).equals(emit(sampleState(variant))), emit.name);
  }
});
