import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DeviceFact, DriverFact } from '../../src/model/facts.js';
import { emitDriverqueryCsv } from '../../src/simulate/emit/driverquery-csv.js';
import { emitPnpDeviceCsv } from '../../src/simulate/emit/pnpdevice-csv.js';
import { readBack, sampleState, VARIANTS } from '../helpers/sample-state.js';

test('Get-PnpDevice | Export-Csv: every device back with its class, status, problem code, service and presence', async () => {
  for (const variant of VARIANTS) {
    const state = sampleState(variant);
    const parsed = await readBack(emitPnpDeviceCsv(state));
    assert.equal(parsed.format, 'pnpdevice-csv');
    assert.equal(parsed.status, 'ok');
    const devices = parsed.facts.filter((f): f is DeviceFact => f.kind === 'device');
    assert.deepEqual(
      devices.map((d) => [d.name, d.instanceId, d.deviceClass, d.status, d.problemCode, d.service, d.present]),
      state.devices.map((d) => {
        const hasDriver = d.problemCode !== 28;
        return [d.name, d.instanceId, hasDriver ? d.deviceClass : undefined, d.present ? d.status : 'Unknown', d.problemCode, hasDriver ? d.service : undefined, d.present];
      }),
    );
  }
});

test('Get-PnpDevice | Export-Csv: the 5.1 type line and CM_PROB_ names', () => {
  const text = emitPnpDeviceCsv(sampleState()).toString('latin1').split('\r\n');
  assert.equal(text[0], '#TYPE Microsoft.Management.Infrastructure.CimInstance#ROOT/cimv2/Win32_PnPEntity');
  assert.ok(text[1]!.startsWith('"Class","FriendlyName","InstanceId","Problem","ConfigManagerErrorCode",'));
  assert.ok(text.some((l) => l.startsWith('"","PCI Simple Communications Controller","PCI\\VEN_1AF4&DEV_1003') && l.includes('"CM_PROB_FAILED_INSTALL","28"')));
  assert.ok(!emitPnpDeviceCsv(sampleState({ powershell: '7' })).toString('utf8').startsWith('#TYPE'));
});

test('driverquery /v /fo csv: every driver back in every language, paged pool exact', async () => {
  for (const variant of VARIANTS) {
    const state = sampleState(variant);
    const parsed = await readBack(emitDriverqueryCsv(state));
    const label = `${variant.locale} ${variant.powershell}`;
    assert.equal(parsed.format, 'driverquery-csv', label);
    assert.equal(parsed.status, 'ok', label);
    const drivers = parsed.facts.filter((f): f is DriverFact => f.kind === 'driver');
    assert.deepEqual(
      drivers.map((d) => [d.module, d.displayName, d.path, d.pagedPoolBytes]),
      state.drivers.map((d) => [d.module, d.displayName, d.path, d.pagedPoolBytes]),
      label,
    );
    if (variant.locale === 'en-US') assert.deepEqual(drivers.map((d) => [d.state, d.startMode]), state.drivers.map((d) => [d.state, d.startMode]));
  }
});

test('driverquery: "Kernel " with its trailing space, grouped byte counts, localized words', () => {
  const en = emitDriverqueryCsv(sampleState()).subarray(2).toString('utf16le').split('\r\n');
  assert.equal(en[0], '"Module Name","Display Name","Description","Driver Type","Start Mode","State","Status","Accept Stop","Accept Pause","Paged Pool(bytes)","Code(bytes)","BSS(bytes)","Link Date","Path","Init(bytes)"');
  assert.match(en.find((l) => l.startsWith('"Ntfs"'))!, /^"Ntfs","Ntfs","Ntfs","File System ","Boot","Running","OK","TRUE","FALSE","1,224,704","2,514,944","0","\d+\/\d+\/\d{4} \d+:\d\d:\d\d [AP]M",/);
  const de = emitDriverqueryCsv(sampleState({ locale: 'de-DE', powershell: '7' })).toString('utf8');
  assert.ok(de.includes('"Kernel ","Manuell","Beendet","OK","FALSE","FALSE","0","65.536"'), de);
});

test('the same state gives the same bytes', () => {
  for (const emit of [emitPnpDeviceCsv, emitDriverqueryCsv]) {
    for (const variant of VARIANTS) assert.ok(emit(sampleState(variant)).equals(emit(sampleState(variant))), emit.name);
  }
});
