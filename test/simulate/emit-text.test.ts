import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CULTURES,
  divideRoundHalfAway,
  divideRoundHalfEven,
  encodeText,
  formatDateTime,
  formatN2,
  formatTable,
  groupDigits,
  localTime,
  quotedCsvLine,
} from '../../src/simulate/emit/text.js';
import type { Locale } from '../../src/simulate/state.js';

const MiB = 1024 * 1024;

test('culture symbols are the ones Intl gives for each locale (NBSP for ru, narrow NBSP for fr, "." for de)', () => {
  for (const locale of Object.keys(CULTURES) as Locale[]) {
    const parts = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, useGrouping: 'always' } as Intl.NumberFormatOptions).formatToParts(1234567.5);
    assert.equal(CULTURES[locale].group, parts.find((p) => p.type === 'group')?.value, `${locale} group`);
    assert.equal(CULTURES[locale].decimal, parts.find((p) => p.type === 'decimal')?.value, `${locale} decimal`);
  }
  assert.equal(CULTURES['ru-RU'].group, '\u00A0');
  assert.equal(CULTURES['fr-FR'].group, '\u202F');
});

test('grouping always groups, as .NET does (es-ES 1.234 where CLDR would leave 1234)', () => {
  assert.equal(groupDigits(1234, 'es-ES'), '1.234');
  assert.equal(groupDigits(999, 'en-US'), '999');
  assert.equal(groupDigits(1234567, 'en-US'), '1,234,567');
  assert.equal(groupDigits(8191, 'fr-FR'), '8\u202F191');
  assert.equal(groupDigits(0, 'de-DE'), '0');
});

test('"N2" of a size rounds the exact quotient half away from zero', () => {
  assert.equal(formatN2(1_605_820_744, MiB, 'en-US'), '1,531.43');
  assert.equal(formatN2(1_605_820_744, MiB, 'de-DE'), '1.531,43');
  assert.equal(formatN2(MiB * 0.125, MiB, 'en-US'), '0.13'); // 12.5 hundredths: half goes up
  assert.equal(formatN2(0, MiB, 'ru-RU'), '0,00');
  assert.equal(divideRoundHalfAway(5, 2), 3);
  assert.equal(divideRoundHalfEven(5, 2), 2);
  assert.equal(divideRoundHalfEven(7, 2), 4);
  assert.equal(divideRoundHalfEven(1536, 1024), 2);
  assert.equal(divideRoundHalfEven(2559, 1024), 2);
});

test('encodings: UTF-16LE with BOM, UTF-8 with and without BOM, ASCII with ? for anything else', () => {
  assert.deepEqual([...encodeText('Aé', 'utf16le-bom')], [0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00]);
  assert.deepEqual([...encodeText('Aé', 'utf8')], [0x41, 0xc3, 0xa9]);
  assert.deepEqual([...encodeText('A', 'utf8-bom')], [0xef, 0xbb, 0xbf, 0x41]);
  assert.equal(encodeText('Café®', 'ascii').toString('latin1'), 'Caf??');
});

test('CSV fields are always quoted and quotes doubled', () => {
  assert.equal(quotedCsvLine(['a', 'Foo "Guest" Agent', ''], ';'), '"a";"Foo ""Guest"" Agent";""');
});

test('Format-Table pads to widths, cuts what does not fit with the version\'s ellipsis, trims the last column', () => {
  const columns = [
    { label: 'PM(M)', width: 8, align: 'right' as const },
    { label: 'Name', align: 'left' as const },
  ];
  assert.deepEqual(formatTable(columns, [['1.00', 'a'], ['12,345.67', 'b']], '7'), ['', '   PM(M) Name', '   ----- ----', '    1.00 a', '12,345.\u2026 b', '', '']);
  assert.equal(formatTable(columns, [['12,345.67', 'b']], '5.1')[3], '12,34... b');
});

test('local time comes from the bias alone, and dates follow the culture', () => {
  const t = localTime('2026-11-02T08:00:00.250Z', 3600 * 5, -60);
  assert.deepEqual(t, { year: 2026, month: 11, day: 2, hour: 14, minute: 0, second: 0, millisecond: 250 });
  assert.equal(formatDateTime(t, 'en-US', ', '), '11/2/2026, 2:00:00 PM');
  assert.equal(formatDateTime(t, 'de-DE'), '02.11.2026 14:00:00');
  assert.equal(formatDateTime({ ...t, hour: 0 }, 'en-US'), '11/2/2026 12:00:00 AM');
});
