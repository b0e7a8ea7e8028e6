import type { Fact } from '../model/facts.js';
import { checkFact, describeFactProblems } from './check-fact.js';
import { detectFormat } from './detect.js';
import { CODE_PAGE_NAMES } from './code-pages.js';
import { isLegacyCodePage } from './encoding.js';
import type { Input } from './input.js';
import type { InputMessage } from './messages.js';
import type { FormatId, ParseOptions, Parser, ParseSink } from './parser.js';
import type { Opened } from './read.js';

export type InputStatus = 'ok' | 'partial' | 'unrecognized' | 'error';

/** Everything guestram got out of one file. */
export interface ParsedFile {
  path: string;
  format: FormatId | 'unknown';
  formatTitle: string;
  encoding?: string;
  sizeBytes?: number;
  status: InputStatus;
  messages: InputMessage[];
  facts: Fact[];
}

/** Detects an opened file's format and parses it; never throws for bad content. */
export async function ingestOpened(opened: Opened, parsers: readonly Parser[], options?: ParseOptions): Promise<ParsedFile> {
  if (!opened.ok) {
    const { message } = opened;
    return { path: message.file, format: 'unknown', formatTitle: 'unknown', status: 'error', messages: [message], facts: [] };
  }
  const { input } = opened;
  const detection = detectFormat(input.head, parsers);
  if (!detection) return unrecognized(input);
  const { parser } = detection;
  const facts: Fact[] = [];
  const guessed = encodingMessage(input);
  const messages: InputMessage[] = guessed ? [guessed] : [];
  const sink: ParseSink = {
    fact: (fact) => {
      const problems = checkFact(fact);
      if (problems.length === 0) facts.push(fact);
      else sink.message('VALUE_INVALID', 'warning', describeFactProblems(fact, problems), fact.source.line);
    },
    message: (code, severity, text, line) => messages.push({ code, severity, file: input.file, ...(line !== undefined && { line }), text: readable(text) }),
  };
  try {
    await parser.parse(input, sink, options);
  } catch (error) {
    sink.message('FILE_UNREADABLE', 'error', `Reading stopped early: ${(error as Error).message}.`);
  }
  if (facts.length === 0 && !messages.some((m) => m.severity === 'error')) {
    sink.message('NO_DATA', 'error', `The file looks like ${parser.title} but holds no usable data.`);
  }
  return {
    path: input.file,
    format: parser.format,
    formatTitle: parser.title,
    encoding: describeEncoding(input),
    sizeBytes: input.size,
    status: statusOf(facts, messages),
    messages,
    facts,
  };
}

const MAX_QUOTE = 80;
const MAX_MESSAGE = 600;

/** Parsers quote the input they could not use; a 10 MB line must still make a message one can read. */
function readable(text: string): string {
  const quotesCut = text.replace(/"([^"]*)"/g, (whole, inner: string) => (inner.length > MAX_QUOTE ? `"${inner.slice(0, MAX_QUOTE)}…"` : whole));
  return quotesCut.length > MAX_MESSAGE ? `${quotesCut.slice(0, MAX_MESSAGE)}….` : quotesCut;
}

function statusOf(facts: Fact[], messages: InputMessage[]): InputStatus {
  if (facts.length === 0) return 'error';
  return messages.some((m) => m.severity !== 'info') ? 'partial' : 'ok';
}

/** How the file was decoded, said so a reader can tell a guess from a certainty. */
function describeEncoding(input: Input): string {
  if (isLegacyCodePage(input.encoding)) return `${CODE_PAGE_NAMES[input.encoding]} (not valid UTF-8; code page chosen by content)`;
  const name = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE' }[input.encoding];
  if (input.bomLength > 0) return `${name} with BOM`;
  if (input.encoding === 'utf-16le' || input.encoding === 'utf-16be') return `${name} without BOM (recognised by its byte pattern)`;
  return name;
}

/** A legacy code page is a guess: the message says which one was used, so a wrong guess can be spotted and fixed. */
function encodingMessage(input: Input): InputMessage | undefined {
  if (!isLegacyCodePage(input.encoding)) return undefined;
  const same = input.sameAs && isLegacyCodePage(input.sameAs) ? ` (${CODE_PAGE_NAMES[input.sameAs]} reads it the same)` : '';
  return {
    code: 'ENCODING_GUESSED',
    severity: 'info',
    file: input.file,
    text: `The file has no byte-order mark and is not UTF-8, so it was read as ${CODE_PAGE_NAMES[input.encoding]}${same}, the code page its text makes most sense in. If names look garbled, save the export again as UTF-8 (Out-File -Encoding utf8).`,
  };
}

/** A byte-order mark that lies (UTF-16 marked, something else inside) decodes to replacement characters. */
function undecodableShare(head: string): number {
  const sample = head.slice(0, 4096).replace(/\s/g, '');
  if (sample.length < 16) return 0;
  let replaced = 0;
  for (const c of sample) if (c === '\uFFFD') replaced++;
  return replaced / sample.length;
}

function unrecognized(input: Input): ParsedFile {
  const firstLine = input.head.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  const shown = firstLine.length > 60 ? `${firstLine.slice(0, 60)}…` : firstLine;
  const undecodable = undecodableShare(input.head);
  if (undecodable >= 0.1) {
    const text = `The text encoding could not be determined: read as ${describeEncoding(input)}, ${Math.round(undecodable * 100)} % of its first characters are not valid text. Save the export again as UTF-8 or UTF-16 (Out-File -Encoding utf8).`;
    return { ...unrecognizedFile(input), messages: [{ code: 'ENCODING_UNKNOWN', severity: 'error', file: input.file, line: 1, text }] };
  }
  return {
    ...unrecognizedFile(input),
    messages: [
      {
        code: 'FORMAT_UNRECOGNIZED',
        severity: 'error',
        file: input.file,
        line: 1,
        text: `Not a format guestram knows (it starts with "${shown}"); expected a RAMMap snapshot, a Get-Process export, a counter log, systeminfo, CIM JSON, a device/driver list or a hypervisor config. Run 'guestram formats' to see them all.`,
      },
    ],
  };
}

function unrecognizedFile(input: Input): ParsedFile {
  return { path: input.file, format: 'unknown', formatTitle: 'unknown', encoding: describeEncoding(input), sizeBytes: input.size, status: 'unrecognized', messages: [], facts: [] };
}
