import { toBytes, unitFactor } from '../model/bytes.js';
import { parseNumber, type NumberOptions } from './numbers.js';

/**
 * Parses a size with a unit, as RAMMap, systeminfo and hand-typed tables write it:
 * `1,234,567 K`, `1 234 K`, `2.1 GB`, `4096 MB`, `2 045 МБ`. A bare number takes `defaultFactor`.
 * Returns whole bytes, or undefined when the text is not a non-negative size.
 */
export function parseSize(raw: string | undefined, defaultFactor?: number, options: NumberOptions = {}): number | undefined {
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (text === '') return undefined;
  const match = /^(.*?)\s*([A-Za-zА-Яа-я]+)\.?$/.exec(text);
  let factor = defaultFactor;
  let amount = text;
  if (match && unitFactor(match[2]!) !== undefined) {
    factor = unitFactor(match[2]!);
    amount = match[1]!;
  }
  if (factor === undefined) return undefined;
  const value = parseNumber(amount, options);
  if (value === undefined || value < 0) return undefined;
  return toBytes(value, factor);
}
