import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Fact, SystemField } from '../../src/model/facts.js';
import { availableBytes, commitLimitBytes, committedBytes } from '../../src/simulate/emit/readings.js';
import { emitSysteminfoCsv } from '../../src/simulate/emit/systeminfo-csv.js';
import { emitSysteminfoList } from '../../src/simulate/emit/systeminfo-list.js';
import type { GuestState } from '../../src/simulate/state.js';
import { readBack, sampleState, VARIANTS } from '../helpers/sample-state.js';

const MiB = 1024 * 1024;
const floorMiB = (bytes: number) => Math.floor(bytes / MiB) * MiB;

function systemValues(facts: Fact[]): Partial<Record<SystemField, string | number | boolean>> {
  return Object.fromEntries(facts.flatMap((f) => (f.kind === 'system' ? [[f.field, f.value]] : [])));
}

/** What systeminfo states, truncated to whole MB as it prints them. */
function expected(state: GuestState): Partial<Record<SystemField, string | number | boolean>> {
  return {
    hostName: state.hostName,
    osName: state.windows.caption,
    manufacturer: 'QEMU',
    model: 'Standard PC (Q35 + ICH9, 2009)',
    osArchitecture: 'x64-based PC',
    visibleBytes: floorMiB(state.visibleBytes),
    availableBytes: floorMiB(availableBytes(state)),
    commitLimitBytes: floorMiB(commitLimitBytes(state)),
    committedBytes: floorMiB(committedBytes(state)),
    hypervisorPresent: true,
  };
}

for (const [format, emit] of [
  ['systeminfo-list', emitSysteminfoList],
  ['systeminfo-csv', emitSysteminfoCsv],
] as const) {
  test(`${format}: detected in every language and PowerShell, memory read back to the MB`, async () => {
    for (const variant of VARIANTS) {
      const state = sampleState(variant);
      const parsed = await readBack(emit(state));
      const label = `${variant.locale} ${variant.powershell}`;
      assert.equal(parsed.format, format, label);
      assert.equal(parsed.status, 'ok', `${label}: ${JSON.stringify(parsed.messages)}`);
      const values = systemValues(parsed.facts);
      for (const [field, value] of Object.entries(expected(state))) assert.equal(values[field as SystemField], value, `${label} ${field}`);
      assert.ok(String(values.osVersion).startsWith('10.0.17763 '), label);
    }
  });

  test(`${format}: the same state gives the same bytes`, () => {
    for (const variant of VARIANTS) assert.ok(emit(sampleState(variant)).equals(emit(sampleState(variant))));
  });
}

test('list form: labels padded to one value column per language, multi-line values continued under it', () => {
  const en = emitSysteminfoList(sampleState()).subarray(2).toString('utf16le').split('\r\n');
  assert.equal(en[0], '');
  assert.equal(en[1], 'Host Name:                 APP-VM07');
  assert.ok(en.includes('Registered Organization:'));
  assert.ok(en.includes('Total Physical Memory:     4,095 MB'));
  assert.ok(en.includes('Virtual Memory: Available: ' + en.find((l) => l.startsWith('Virtual Memory: Available:'))!.slice(27)));
  const processor = en.findIndex((l) => l.startsWith('Processor(s):'));
  assert.match(en[processor + 1]!, /^ {27}\[01\]: AMD64 Family/);
  const de = emitSysteminfoList(sampleState({ locale: 'de-DE', powershell: '7' })).toString('utf8').split('\r\n');
  assert.ok(de.includes('Gesamter physischer Speicher:                  4.095 MB'), de.join('\n'));
  assert.ok(de.includes('Zeitzone:                                      (UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien'));
  const fr = emitSysteminfoList(sampleState({ locale: 'fr-FR', powershell: '7' })).toString('utf8');
  assert.ok(fr.includes('Mémoire physique totale:') && fr.includes('4\u202F095 Mo'));
});

test('CSV form: a blank line, the localized header, one row; multi-line values joined with commas', () => {
  const lines = emitSysteminfoCsv(sampleState({ locale: 'ru-RU', powershell: '7' })).toString('utf8').split('\r\n');
  assert.equal(lines[0], '');
  assert.ok(lines[1]!.startsWith('"Имя узла","Название ОС","Версия ОС",'));
  assert.ok(lines[2]!.includes('"4\u00A0095 МБ"'));
  assert.ok(lines[2]!.includes('"Число процессоров - 1.,[01]: AMD64 Family'));
  assert.equal(lines.length, 4);
});
