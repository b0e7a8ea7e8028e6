import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectFormat } from '../../src/ingest/detect.js';
import { PARSERS } from '../../src/ingest/parsers/index.js';
import { inputFromBuffer } from '../../src/ingest/read.js';
import { FIXTURES, parseWith, type ParseOutcome } from '../helpers/parse.js';

export const SAMPLES = join(import.meta.dirname, 'samples');

/** The format the detector gives a file's bytes, under a neutral name so only the content counts. */
export function detectedFormat(bytes: Buffer): string {
  const opened = inputFromBuffer('input', bytes);
  if (!opened.ok) return `unreadable (${opened.message.code})`;
  return detectFormat(opened.input.head, PARSERS)?.parser.format ?? 'none';
}

/** Fixtures of a format that the detector recognises as that format. */
export function recognisedFixtures(format: string): string[] {
  const folder = join(FIXTURES, 'exports', format);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.filter((name) => detectedFormat(readFileSync(join(folder, name))) === format);
}

export async function parseSample(format: string, bytes: Buffer, name: string): Promise<ParseOutcome> {
  const parser = PARSERS.find((p) => p.format === format);
  if (!parser) throw new Error(`no parser for ${format}`);
  return parseWith(parser, bytes, name);
}
