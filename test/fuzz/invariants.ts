import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { analyzeParsed } from '../../src/analyze.js';
import { ingestOpened, type ParsedFile } from '../../src/ingest/ingest-file.js';
import type { Parser } from '../../src/ingest/parser.js';
import { PARSERS } from '../../src/ingest/parsers/index.js';
import { inputFromBuffer } from '../../src/ingest/read.js';
import { buildSnapshot } from '../../src/model/build-snapshot.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { REPORT_SCHEMA } from '../../src/report/schema.js';
import { renderText } from '../../src/report/text.js';
import type { Report } from '../../src/report/types.js';

/** The codes docs/input-messages.md documents: a message with any other code is undocumented. */
export const DOCUMENTED_CODES: ReadonlySet<string> = new Set(
  [...readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'input-messages.md'), 'utf8').matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]!),
);

const validateReport = new Ajv({ strict: false }).compile(REPORT_SCHEMA);

/**
 * Parsers wrapped so an exception inside one is recorded before ingest turns it into a message:
 * for in-memory content, reading cannot fail, so any exception is a parser bug.
 */
function watched(crashes: unknown[]): Parser[] {
  return PARSERS.map((parser) => ({
    ...parser,
    sniff: (head: string) => {
      try {
        return parser.sniff(head);
      } catch (error) {
        crashes.push(error);
        throw error;
      }
    },
    parse: async (input, sink) => {
      try {
        await parser.parse(input, sink);
      } catch (error) {
        crashes.push(error);
        throw error;
      }
    },
  }));
}

/** Detects and parses in-memory content exactly as analyze does, failing on any parser exception. */
export async function ingestBytes(name: string, bytes: Uint8Array): Promise<ParsedFile> {
  const crashes: unknown[] = [];
  const parsed = await ingestOpened(inputFromBuffer(name, bytes), watched(crashes));
  if (crashes.length > 0) {
    const error = crashes[0] as Error;
    assert.fail(`parser ${parsed.format} threw: ${error.stack ?? String(error)}`);
  }
  return parsed;
}

/** The message without the input it quotes (which may itself hold a quote, so an odd count spans first to last). */
function withoutQuotes(text: string): string {
  const quotes = text.split('"').length - 1;
  return quotes % 2 === 1 ? text.slice(0, text.indexOf('"')) + text.slice(text.lastIndexOf('"') + 1) : text.replace(/"[^"]*"/g, '""');
}

const isSize = (value: unknown) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Words that betray a programming value in a message, unless the input itself holds them (a fuzzer puts NaN there). */
const PROGRAMMING_VALUES = ['undefined', 'NaN', 'Infinity', '[object Object]'];

function leakedValue(text: string, input: Uint8Array | undefined): string | undefined {
  const own = withoutQuotes(text);
  const candidates = PROGRAMMING_VALUES.filter((word) => (word.startsWith('[') ? own.includes(word) : new RegExp(`\\b${word}\\b`).test(own)));
  if (candidates.length === 0 || !input) return candidates[0];
  const buffer = Buffer.from(input);
  const decoded = [buffer.toString('latin1'), buffer.toString('utf16le'), buffer.length % 2 === 0 ? Buffer.from(buffer).swap16().toString('utf16le') : ''];
  return candidates.find((word) => !decoded.some((d) => d.includes(word)));
}

/** Every message names its file, a real line or none, a documented code and one plain sentence. */
export function checkParsed(parsed: ParsedFile, name: string, input?: Uint8Array): void {
  assert.equal(parsed.path, name);
  for (const message of parsed.messages) {
    const where = `${message.code} "${message.text.slice(0, 200)}"`;
    assert.equal(message.file, name, where);
    assert.ok(DOCUMENTED_CODES.has(message.code), `undocumented code: ${where}`);
    assert.ok(['error', 'warning', 'info'].includes(message.severity), where);
    if (message.line !== undefined) assert.ok(Number.isSafeInteger(message.line) && message.line >= 1, `line ${message.line}: ${where}`);
    assert.ok(message.text.trim().length > 0, `empty text: ${where}`);
    assert.ok(message.text.length <= 2_000, `a ${message.text.length}-character message is not a plain sentence: ${where}`);
    assert.match(message.text, /[.!?)"”]$/, `not a sentence: ${where}`);
    const leaked = leakedValue(message.text, input);
    assert.equal(leaked, undefined, `leaks a programming value (${leaked}): ${where}`);
  }
  for (const fact of parsed.facts) {
    assert.equal(fact.source.file, name);
    if (fact.source.line !== undefined) assert.ok(Number.isSafeInteger(fact.source.line) && fact.source.line >= 1, `fact line ${fact.source.line}`);
  }
  if (parsed.facts.length === 0) assert.notEqual(parsed.status, 'ok');
  if (parsed.status === 'ok' || parsed.status === 'partial') assert.ok(parsed.facts.length > 0);
  checkSizes(buildSnapshot([{ file: name, facts: parsed.facts }]), 'snapshot');
}

/**
 * Walks a value and checks every size in it: keys ending in "bytes", the cells and totals of a RAMMap view,
 * and the `value` of a sourced `…Bytes` field. Sizes are whole, non-negative, exact bytes.
 */
export function checkSizes(value: unknown, path: string, sizeContext = false): void {
  if (typeof value === 'number') {
    if (sizeContext) assert.ok(isSize(value), `${path} = ${value} is not a whole non-negative byte count`);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    const childIsSize = /bytes$/i.test(key) || ['matrix', 'rowTotals', 'listTotals', 'cells', 'gapBuckets', 'claims'].includes(key) || key === 'total' || (sizeContext && typeof child === 'object');
    if (/Bytes$/.test(key) && child !== null && typeof child === 'object' && 'value' in child) {
      checkSizes((child as { value: unknown }).value, `${path}.${key}.value`, typeof (child as { value: unknown }).value === 'number');
      continue;
    }
    checkSizes(child, `${path}.${key}`, childIsSize || (sizeContext && Array.isArray(value)));
  }
}

// C0 and C1 controls (newline excepted), DEL, and the bidirectional overrides that reorder what a reader sees.
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Reports for people carry no terminal control and keep their line and table structure. */
export function checkRendered(report: Report, injectedLineMarker: string): void {
  const json = renderJson(report);
  assert.ok(validateReport(JSON.parse(json)), `report does not match its schema: ${JSON.stringify(validateReport.errors)}`);
  assert.equal(UNSAFE.exec(json.replace(/\n/g, '')), null, 'the JSON output carries a raw control character');
  checkSizes(report.summary, 'summary');
  checkSizes(report.reconciliation, 'reconciliation');
  for (const [format, text] of [['text', renderText(report)], ['md', renderMarkdown(report)]] as const) {
    const unsafe = UNSAFE.exec(text);
    assert.equal(unsafe, null, `${format} output carries U+${unsafe?.[0].codePointAt(0)?.toString(16).padStart(4, '0')} near "${text.slice(Math.max(0, (unsafe?.index ?? 0) - 40), (unsafe?.index ?? 0) + 10)}"`);
    for (const line of text.split('\n')) assert.ok(!line.startsWith(injectedLineMarker), `${format}: input text started a line of its own: ${line.slice(0, 80)}`);
    if (format === 'md') checkMarkdownTables(text);
  }
}

/** Every row of a Markdown table has as many cells as its header: input text cannot add a column. */
function checkMarkdownTables(markdown: string): void {
  let columns: number | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      columns = undefined;
      continue;
    }
    const cells = line.replace(/\\\\/g, '').split(/(?<!\\)\|/).length;
    if (columns === undefined) columns = cells;
    else assert.equal(cells, columns, `a Markdown table row has a different number of cells: ${line.slice(0, 160)}`);
  }
}

/** Parsed files → report → text, Markdown and JSON, with every invariant checked. */
export function checkAnalysis(parsed: ParsedFile[], injectedLineMarker: string): Report {
  const report = analyzeParsed(parsed);
  checkRendered(report, injectedLineMarker);
  return report;
}
