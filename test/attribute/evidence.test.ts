import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { confidenceOf, contradicts, INDIRECT_CEILING, supports, type EvidenceItem, type Weight } from '../../src/attribute/evidence.js';

const WEIGHTS: Weight[] = ['weak', 'moderate', 'strong', 'decisive'];
const anyItem = fc.record({
  key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  direction: fc.constantFrom('supports' as const, 'contradicts' as const),
  weight: fc.constantFrom(...WEIGHTS),
  direct: fc.boolean(),
}).map((i): EvidenceItem => ({ ...i, text: `${i.direction} ${i.key}` }));
const prior = fc.double({ min: 0.05, max: 0.95, noNaN: true });

describe('the evidence rule', () => {
  test('table: each case gives the confidence the documented rule gives', () => {
    const cases: [string, number, EvidenceItem[], number][] = [
      ['nothing read: the prior', 0.35, [], 0.35],
      ['one strong direct item from an even prior', 0.5, [supports('x', 'strong', 'x', undefined, true)], 0.8],
      ['indirect clues alone stop at 70 %', 0.5, [supports('x', 'decisive', 'x'), supports('y', 'strong', 'y')], INDIRECT_CEILING],
      ['a decisive contradiction sinks it', 0.5, [supports('x', 'moderate', 'x', undefined, true), contradicts('y', 'decisive', 'y')], 0.16],
      ['never above 95 %', 0.9, [supports('x', 'decisive', 'x', undefined, true), supports('y', 'decisive', 'y', undefined, true)], 0.95],
      ['never below 5 %', 0.1, [contradicts('x', 'decisive', 'x'), contradicts('y', 'decisive', 'y')], 0.05],
    ];
    for (const [what, p, items, expected] of cases) assert.equal(confidenceOf(p, items), expected, what);
  });

  test('a cause\'s own ceiling caps it (the unconfirmed display link)', () => {
    assert.equal(confidenceOf(0.3, [supports('device', 'decisive', 'd', undefined, true), supports('x', 'decisive', 'x')], 0.85), 0.85);
  });

  test('adding a contradicting item never raises the confidence', () => {
    fc.assert(fc.property(prior, fc.array(anyItem, { maxLength: 8 }), anyItem, (p, items, extra) => {
      const against = { ...extra, direction: 'contradicts' as const, key: `new-${extra.key}` };
      assert.ok(confidenceOf(p, [...items, against]) <= confidenceOf(p, items));
    }));
  });

  test('adding a supporting item never lowers it', () => {
    fc.assert(fc.property(prior, fc.array(anyItem, { maxLength: 8 }), anyItem, (p, items, extra) => {
      const pro = { ...extra, direction: 'supports' as const, key: `new-${extra.key}` };
      assert.ok(confidenceOf(p, [...items, pro]) >= confidenceOf(p, items));
    }));
  });

  test('the same observation from a second file does not count twice', () => {
    fc.assert(fc.property(prior, fc.array(anyItem, { minLength: 1, maxLength: 8 }), fc.nat(), (p, items, pick) => {
      const again = { ...items[pick % items.length]!, text: 'read again from another file', source: { file: 'second.txt', line: 3 } };
      assert.equal(confidenceOf(p, [...items, again]), confidenceOf(p, items));
    }));
  });
});
