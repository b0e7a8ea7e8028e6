import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseNumber, parsePlainNumber } from '../../src/ingest/numbers.js';
import { parseSize } from '../../src/ingest/sizes.js';

test('parses numbers in the locales Windows writes', () => {
  const cases: [string, number | undefined, (',' | '.')?][] = [
    ['1,234.5', 1234.5],
    ['1 234,5', 1234.5],
    ['1\u00A0234,5', 1234.5],
    ['1\u202F234,5', 1234.5],
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ["1'234.5", 1234.5],
    ['1,234', 1234],
    ['1,234', 1.234, ','],
    ['1.234', 1.234],
    ['1.234', 1234, ','],
    ['0,08', 0.08],
    ['17,848.02', 17848.02],
    ['1.5E+09', 1.5e9],
    ['7.0625001143654654e-1', 0.70625001143654654],
    ['-5', -5],
    ['', undefined],
    ['abc', undefined],
    ['0x10', undefined],
    ['NaN', undefined],
    ['1e309', undefined],
    ['1,2,3', undefined],
  ];
  for (const [text, expected, decimal] of cases) {
    assert.equal(parseNumber(text, decimal ? { decimal } : {}), expected, `${JSON.stringify(text)} with decimal ${decimal}`);
  }
});

test('parses sizes with units as binary multiples', () => {
  assert.equal(parseSize('1,234,567 K'), 1234567 * 1024);
  assert.equal(parseSize('1 234 K'), 1234 * 1024);
  assert.equal(parseSize('2.1 GB'), Math.round(2.1 * 1024 ** 3));
  assert.equal(parseSize('2,045 MB'), 2045 * 1024 ** 2);
  assert.equal(parseSize('2 045 МБ'), 2045 * 1024 ** 2);
  assert.equal(parseSize('512', 1024), 512 * 1024);
  assert.equal(parseSize('512'), undefined);
  assert.equal(parseSize('-1 MB'), undefined);
});

test('plain numbers read the same through the fast path as through the general one', () => {
  const samples = ['0', '-0', '7', '0012', '-5', '1.234', '12.5', '-0.75', '2441084928', '11.296813511113458', '1234567.25', '123456789012345678901234567890', '-', '1.', '.5', '1.2.3', '0.000000000000001234', '999999999999999.9', '0.1', '0.3', '123456789012345'];
  const numbers = [...samples, ...Array.from({ length: 300 }, (_, i) => String(Math.sin(i) * 10 ** (i % 12)))];
  // With a decimal comma as the files of a German or French Windows write them, too.
  for (const raw of [...numbers, ...numbers.map((n) => n.replace('.', ','))]) {
    for (const decimal of [undefined, '.', ','] as const) {
      // A leading space sends the value down the general path, which trims it.
      assert.equal(Object.is(parseNumber(raw, { decimal }), parseNumber(` ${raw}`, { decimal })), true, `${raw} ${decimal}`);
    }
  }
  assert.equal(parseNumber('1.234', { decimal: ',' }), 1234);
});

test('a plain number is read from its range of a longer text, the characters around it left alone', () => {
  const samples = ['0', '-0', '12.5', '-0.75', '2441084928', '11.296813511113458', '123456789012345678901234567890', '1.', '.5', '-', '', '1.2.3', '1e5', ' 7', '12,5', '-0,75', '11,296813511113458', '1,234', '1,', ',5'];
  for (const raw of samples) {
    for (const [before, after] of [['', ''], ['"', '"'], ['12', '34'], ['-', '.5'], ['1.', '9']] as const) {
      const text = `${before}${raw}${after}`;
      for (const decimalComma of [false, true]) {
        const expected = parsePlainNumber(raw, 0, raw.length, decimalComma);
        assert.equal(Object.is(parsePlainNumber(text, before.length, before.length + raw.length, decimalComma), expected), true, `${text} ${decimalComma}`);
        if (expected !== undefined) assert.equal(Object.is(expected, parseNumber(raw, { decimal: decimalComma ? ',' : '.' })), true, raw);
      }
    }
  }
});
