import fc from 'fast-check';
import { sniffEncoding } from '../../src/ingest/encoding.js';

/**
 * Mutations of a real export, as a sysadmin's bundle gets them: cut short, bytes damaged, line endings
 * mixed, headers edited, values typed by hand, JSON tampered with. Positions are arbitrary naturals
 * taken modulo the current length, so every mutation applies to any input.
 */
export type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'flip'; at: number; bit: number }
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'delete'; at: number; length: number }
  | { op: 'nul'; at: number; count: number }
  | { op: 'bom'; at: number; bom: keyof typeof BOMS }
  | { op: 'newlines'; pattern: number[] }
  | { op: 'line'; kind: 'duplicate' | 'delete' | 'swap' | 'shuffle-fields'; index: number; other: number }
  | { op: 'number'; index: number; replacement: string }
  | { op: 'word'; index: number; replacement: string }
  | { op: 'hex'; index: number; drop: boolean }
  | { op: 'long-line'; at: number; length: number; fill: string }
  | { op: 'columns'; line: number; count: number; separator: string }
  | { op: 'nest'; depth: number; object: boolean }
  | { op: 'proto'; index: number }
  | { op: 'reencode'; to: 'utf-16le' | 'utf-16le-bom' | 'utf-16be-bom' | 'utf-8-bom' | 'latin1' };

const BOMS = { 'utf-8': [0xef, 0xbb, 0xbf], 'utf-16le': [0xff, 0xfe], 'utf-16be': [0xfe, 0xff] } as const;

/** Numbers a person or a broken export may write where a size belongs. */
export const HOSTILE_NUMBERS = [
  '1e309', '-1e309', '-5', '-0', 'NaN', 'Infinity', '0x10', '0b101', '1_000', '1.5', '0.0001', '1e-400', '.5', '5.',
  '+7', '9007199254740993', '123456789012345678901234567890', '99999999999999999', '1E+308', '1,2,3', '1.234.567,89',
  '١٢٣', '', '-', '0', '4294967296', '18446744073709551615',
];

/** Names that are properties of every JavaScript object: as keys or labels they must stay plain text. */
export const HOSTILE_WORDS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'length'];

const PROTO_KEYS = '"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"},';

export interface MutationLimits {
  /** Longest single line a long-line mutation inserts. */
  maxLineLength: number;
  /** Most columns a columns mutation adds to one line. */
  maxColumns: number;
  maxDepth: number;
}

export const TEST_LIMITS: MutationLimits = { maxLineLength: 64 * 1024, maxColumns: 5_000, maxDepth: 2_000 };
export const FUZZ_LIMITS: MutationLimits = { maxLineLength: 10 * 1024 * 1024, maxColumns: 100_000, maxDepth: 100_000 };

export function mutationArbitrary(limits: MutationLimits): fc.Arbitrary<Mutation> {
  const at = fc.nat();
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('truncate' as const), at }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('flip' as const), at, bit: fc.integer({ min: 0, max: 7 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('insert' as const), at, bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 16 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 64 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('nul' as const), at, count: fc.integer({ min: 1, max: 8 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('bom' as const), at, bom: fc.constantFrom(...(Object.keys(BOMS) as (keyof typeof BOMS)[])) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('newlines' as const), pattern: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 8 }) }) },
    {
      weight: 3,
      // Header lines first: a duplicated, missing or reordered header is what a hand edit most often breaks.
      arbitrary: fc.record({ op: fc.constant('line' as const), kind: fc.constantFrom('duplicate' as const, 'delete' as const, 'swap' as const, 'shuffle-fields' as const), index: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 40 })), other: fc.nat({ max: 40 }) }),
    },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('number' as const), index: fc.nat({ max: 200 }), replacement: fc.constantFrom(...HOSTILE_NUMBERS) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('word' as const), index: fc.nat({ max: 200 }), replacement: fc.constantFrom(...HOSTILE_WORDS) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('hex' as const), index: fc.nat({ max: 50 }), drop: fc.boolean() }) },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('long-line' as const), at, length: fc.integer({ min: 1_000, max: limits.maxLineLength }), fill: fc.constantFrom('A', '9', ',', '"', ' ', '{', '[', '1,', 'ab\t', '\u00e9') }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('columns' as const), line: fc.nat({ max: 5 }), count: fc.integer({ min: 100, max: limits.maxColumns }), separator: fc.constantFrom(',', ';', '\t', ' ', '|') }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('nest' as const), depth: fc.integer({ min: 10, max: limits.maxDepth }), object: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('proto' as const), index: fc.nat({ max: 20 }) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('reencode' as const), to: fc.constantFrom('utf-16le' as const, 'utf-16le-bom' as const, 'utf-16be-bom' as const, 'utf-8-bom' as const, 'latin1' as const) }) },
  );
}

/** One to four mutations applied in order. */
export function mutationsArbitrary(limits: MutationLimits): fc.Arbitrary<Mutation[]> {
  return fc.array(mutationArbitrary(limits), { minLength: 1, maxLength: 4 });
}

export function applyMutations(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  return mutations.reduce((current, mutation) => applyMutation(current, mutation), bytes);
}

function applyMutation(bytes: Uint8Array, m: Mutation): Uint8Array {
  const pos = (n: number) => n % (bytes.length + 1);
  switch (m.op) {
    case 'truncate':
      return bytes.subarray(0, pos(m.at));
    case 'flip': {
      if (bytes.length === 0) return bytes;
      const copy = Uint8Array.from(bytes);
      const i = m.at % bytes.length;
      copy[i] = copy[i]! ^ (1 << m.bit);
      return copy;
    }
    case 'insert':
      return splice(bytes, pos(m.at), 0, Uint8Array.from(m.bytes));
    case 'delete':
      return splice(bytes, pos(m.at), m.length, new Uint8Array());
    case 'nul':
      return splice(bytes, pos(m.at), 0, new Uint8Array(m.count));
    case 'bom':
      return splice(bytes, pos(m.at), 0, Uint8Array.from(BOMS[m.bom]));
    case 'reencode':
      return reencode(bytes, m.to);
    default:
      return editText(bytes, (text) => applyTextMutation(text, m));
  }
}

function applyTextMutation(text: string, m: Mutation): string {
  switch (m.op) {
    case 'newlines': {
      const endings = ['\n', '\r\n', '\r', '\n\r'];
      let i = 0;
      return text.replace(/\r\n|\r|\n/g, () => endings[m.pattern[i++ % m.pattern.length]!]!);
    }
    case 'line':
      return editLines(text, m.kind, m.index, m.other);
    case 'number':
      return replaceNth(text, /[-+]?\d[\d.,]{0,40}(?:[eE][-+]?\d{1,5})?/g, m.index, m.replacement);
    case 'word':
      return replaceNth(text, /[A-Za-z_][A-Za-z0-9_]{0,63}/g, m.index, m.replacement);
    case 'hex':
      return replaceNth(text, /[0-9A-Fa-f]{16,4096}/g, m.index, (run) => (m.drop ? run.slice(0, -1) : `${run}A`));
    case 'long-line': {
      const at = m.at % (text.length + 1);
      return `${text.slice(0, at)}\n${m.fill.repeat(Math.ceil(m.length / m.fill.length))}\n${text.slice(at)}`;
    }
    case 'columns': {
      const lines = text.split('\n');
      const index = Math.min(m.line, Math.max(0, lines.length - 1));
      lines[index] = `${lines[index] ?? ''}${`${m.separator}c`.repeat(m.count)}`;
      return lines.join('\n');
    }
    case 'nest':
      return m.object ? `${'{"a":'.repeat(m.depth)}${text}${'}'.repeat(m.depth)}` : `${'['.repeat(m.depth)}${text}${']'.repeat(m.depth)}`;
    case 'proto':
      return replaceNth(text, /\{/g, m.index, `{${PROTO_KEYS}`);
    default:
      return text;
  }
}

function editLines(text: string, kind: 'duplicate' | 'delete' | 'swap' | 'shuffle-fields', index: number, other: number): string {
  const lines = text.split(/(?<=\n)/);
  if (lines.length === 0) return text;
  const i = index % lines.length;
  const j = other % lines.length;
  switch (kind) {
    case 'duplicate':
      lines.splice(i, 0, lines[i]!);
      break;
    case 'delete':
      lines.splice(i, 1);
      break;
    case 'swap':
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      break;
    case 'shuffle-fields': {
      const line = lines[i]!;
      const ending = /\r?\n$/.exec(line)?.[0] ?? '';
      const body = line.slice(0, line.length - ending.length);
      const separator = [',', ';', '\t', ':', '='].find((s) => body.includes(s)) ?? ' ';
      const fields = body.split(separator);
      const rotated = [...fields.slice(j % fields.length), ...fields.slice(0, j % fields.length)].reverse();
      lines[i] = rotated.join(separator) + ending;
      break;
    }
  }
  return lines.join('');
}

/**
 * Replaces the n-th match (the last one when there are fewer); scans no further than it needs on a 4 MB file.
 * Patterns keep bounded quantifiers: an unbounded one overflows V8's regex stack on a 5 MB run.
 */
function replaceNth(text: string, pattern: RegExp, n: number, replacement: string | ((match: string) => string)): string {
  let chosen: RegExpExecArray | undefined;
  pattern.lastIndex = 0;
  for (let i = 0, match = pattern.exec(text); match && i <= n; i++, match = pattern.exec(text)) chosen = match;
  if (!chosen) return text;
  const value = typeof replacement === 'string' ? replacement : replacement(chosen[0]);
  return text.slice(0, chosen.index) + value + text.slice(chosen.index + chosen[0].length);
}

function splice(bytes: Uint8Array, at: number, deleteCount: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - Math.min(deleteCount, bytes.length - at) + insert.length);
  out.set(bytes.subarray(0, at), 0);
  out.set(insert, at);
  out.set(bytes.subarray(Math.min(bytes.length, at + deleteCount)), at + insert.length);
  return out;
}

/** Decodes as ingest would, edits the text, and writes it back in the same encoding (BOM kept). */
export function editText(bytes: Uint8Array, edit: (text: string) => string): Uint8Array {
  const sniffed = sniffEncoding(bytes.subarray(0, 64 * 1024));
  // Any legacy code page round-trips byte for byte through latin1, which is all an edit needs.
  const encoding: Codec = 'binary' in sniffed || !['utf-8', 'utf-16le', 'utf-16be'].includes(sniffed.encoding) ? 'latin1' : (sniffed.encoding as Codec);
  const bomLength = 'binary' in sniffed ? 0 : sniffed.bomLength;
  const bom = bytes.subarray(0, bomLength);
  const text = decode(bytes.subarray(bomLength), encoding);
  return concat(bom, encode(edit(text), encoding));
}

type Codec = 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1';

function decode(bytes: Uint8Array, encoding: Codec): string {
  if (encoding === 'latin1') return Buffer.from(bytes).toString('latin1');
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}

function encode(text: string, encoding: Codec): Uint8Array {
  if (encoding === 'latin1') return Buffer.from(text, 'latin1');
  if (encoding === 'utf-16le') return Buffer.from(text, 'utf16le');
  if (encoding === 'utf-16be') return Buffer.from(text, 'utf16le').swap16();
  return Buffer.from(text, 'utf8');
}

function reencode(bytes: Uint8Array, to: Extract<Mutation, { op: 'reencode' }>['to']): Uint8Array {
  let text = '';
  editText(bytes, (decoded) => (text = decoded));
  switch (to) {
    case 'utf-16le': return encode(text, 'utf-16le');
    case 'utf-16le-bom': return concat(Uint8Array.from(BOMS['utf-16le']), encode(text, 'utf-16le'));
    case 'utf-16be-bom': return concat(Uint8Array.from(BOMS['utf-16be']), encode(text, 'utf-16be'));
    case 'utf-8-bom': return concat(Uint8Array.from(BOMS['utf-8']), encode(text, 'utf-8'));
    case 'latin1': return encode(text, 'latin1');
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** A short description of a mutation list for failure reports (long fills are not repeated). */
export function describeMutations(mutations: Mutation[]): string {
  return mutations.map((m) => JSON.stringify(m)).join(' → ');
}
