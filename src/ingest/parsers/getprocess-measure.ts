import { parseInteger, parseNumber } from '../numbers.js';
import type { ParseSink, Parser } from '../parser.js';
import { memoryProperty } from './getprocess-shared.js';

/**
 * `Get-Process | Measure-Object PM -Sum`: a GenericMeasureInfo in list form (formats.md §2.6), one block of
 * `Name : value` lines per measured property. Sum is in bytes and may be in E-notation.
 */
const KEYS = ['count', 'average', 'sum', 'maximum', 'minimum', 'standarddeviation', 'property'];
const ENTRY = /^\s*([A-Za-z]+)\s*:(.*)$/;

interface Entry {
  value: string;
  line: number;
}
type Block = Map<string, Entry>;

export const getprocessMeasure: Parser = {
  format: 'getprocess-measure',
  title: 'Get-Process | Measure-Object -Sum',
  sniff(head) {
    const entries = head
      .split(/\r\n|\r|\n/)
      .filter((l) => l.trim() !== '')
      .map((l) => ENTRY.exec(l)?.[1]?.toLowerCase());
    const known = entries.filter((key) => key !== undefined && KEYS.includes(key)).length;
    if (!entries.includes('property') || !entries.includes('count')) return 0;
    return known / entries.length >= 0.6 ? 0.95 : 0.5;
  },
  async parse(input, sink) {
    let block: Block = new Map();
    let sums = 0;
    const flush = () => {
      if (block.size > 0 && emit(block, input.file, sink)) sums++;
      block = new Map();
    };
    for await (const { number, text } of input.lines()) {
      if (text.trim() === '') {
        flush();
        continue;
      }
      const match = ENTRY.exec(text);
      const key = match?.[1]?.toLowerCase();
      if (!match || !key || !KEYS.includes(key)) continue;
      if (block.has(key)) flush();
      block.set(key, { value: match[2]!.trim(), line: number });
    }
    flush();
    if (sums === 0) sink.message('NO_DATA', 'warning', 'No PM or WS sum was found: expected the output of Get-Process | Measure-Object PM -Sum.');
  },
};

function emit(block: Block, file: string, sink: ParseSink): boolean {
  const propertyEntry = block.get('property');
  const sumEntry = block.get('sum');
  const line = propertyEntry?.line ?? sumEntry?.line;
  if (!propertyEntry) {
    sink.message('COLUMN_MISSING', 'warning', 'A Measure-Object result has no Property line, so its sum cannot be told apart as PM or WS.', line);
    return false;
  }
  const property = memoryProperty(propertyEntry.value);
  if (!property) {
    sink.message('VALUE_INVALID', 'info', `The measured property "${propertyEntry.value}" is not PM or WS, so it was not used.`, propertyEntry.line);
    return false;
  }
  if (!sumEntry || sumEntry.value === '') {
    sink.message('VALUE_INVALID', 'warning', `The ${propertyEntry.value} measurement has no Sum: run Measure-Object with -Sum.`, sumEntry?.line ?? line);
    return false;
  }
  const sum = parseSum(sumEntry.value);
  if (sum === undefined) {
    sink.message('VALUE_INVALID', 'warning', `The Sum "${sumEntry.value}" is not a number of bytes.`, sumEntry.line);
    return false;
  }
  const count = parseInteger(block.get('count')?.value);
  sink.fact({
    kind: 'process-sum',
    property,
    bytes: sum,
    ...(count !== undefined && { count }),
    source: { file, line: sumEntry.line, field: 'Sum' },
  });
  return true;
}

/** A sum of byte counts is whole, so a separator can only be a decimal one inside an E-notation mantissa. */
function parseSum(text: string): number | undefined {
  const mantissaSeparator = /^[\d\s\u00A0\u202F]*([.,])\d+[eE]/.exec(text)?.[1] as ',' | '.' | undefined;
  const value = parseNumber(text, mantissaSeparator ? { decimal: mantissaSeparator } : {});
  return value !== undefined && value >= 0 ? Math.round(value) : undefined;
}
