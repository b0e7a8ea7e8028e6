import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fact } from '../../src/model/facts.js';
import type { InputMessage } from '../../src/ingest/messages.js';
import type { Parser } from '../../src/ingest/parser.js';
import { inputFromBuffer } from '../../src/ingest/read.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

export function readFixture(relative: string): Buffer {
  return readFileSync(join(FIXTURES, relative));
}

export interface ParseOutcome {
  facts: Fact[];
  messages: Omit<InputMessage, 'file'>[];
  sniff: number;
}

/** Runs one parser over in-memory content, exactly as ingest would (encoding sniffing included). */
export async function parseWith(parser: Parser, content: Uint8Array | string, name = 'input'): Promise<ParseOutcome> {
  const opened = inputFromBuffer(name, content);
  if (!opened.ok) throw new Error(`not text: ${opened.message.text}`);
  const facts: Fact[] = [];
  const messages: Omit<InputMessage, 'file'>[] = [];
  await parser.parse(opened.input, {
    fact: (f) => facts.push(f),
    message: (code, severity, text, line) => messages.push({ code, severity, text, ...(line !== undefined && { line }) }),
  });
  return { facts, messages, sniff: parser.sniff(opened.input.head) };
}

/** Parses a file under fixtures/. */
export function parseFixture(parser: Parser, relative: string): Promise<ParseOutcome> {
  return parseWith(parser, readFixture(relative), relative);
}

/** Encodes text as UTF-16LE, with or without a BOM, as PowerShell 5.1's `>` writes it. */
export function utf16le(text: string, bom = true): Buffer {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}
