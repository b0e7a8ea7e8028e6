import { parse, CsvError } from 'csv-parse';
import { Readable } from 'node:stream';
import { FastCsvSplitter, type OnRecord, type RecordDelimiter } from './csv-fast.js';
import { ArrayRecord } from './csv-record.js';
import type { Input } from './input.js';
import type { ParseSink } from './parser.js';

export type { CsvRecord } from './csv-record.js';

export interface CsvRow {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

/** Guesses the delimiter from the first line: the one of `,` `;` tab that splits it most, outside quotes. */
export function detectDelimiter(firstLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const ch of firstLine) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch in counts) counts[ch as keyof typeof counts]++;
  }
  const best = (Object.entries(counts) as [',' | ';' | '\t', number][]).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

/** The first line of the head that is not blank and not a `#TYPE` line. */
export function headerLine(head: string): string {
  for (const line of head.split(/\r\n|\r|\n/)) {
    if (line.trim() === '' || line.startsWith('#TYPE') || line.startsWith('#')) continue;
    return line;
  }
  return '';
}

/**
 * Reads the CSV records of an input, handing each to `onRecord` as a view that makes cells on demand (the fast
 * way for logs of a million rows). Column counts may vary; a broken record becomes a message with its line,
 * never an exception. Well-formed records are split by FastCsvSplitter; from the first record it is not sure
 * about on, csv-parse (the only place that imports it) reads the rest, so every oddity is read as csv-parse
 * reads it.
 */
export async function readCsvRecords(input: Input, sink: ParseSink, delimiter: string, onRecord: OnRecord): Promise<void> {
  // The pauses between steps are for csvRowBatches; here there is nothing to do in them.
  for await (const _ of csvSteps(input, sink, delimiter, onRecord)) continue;
}

/** Streams the CSV records of an input as rows of strings, for the formats that have a few hundred. */
export async function* csvRows(input: Input, sink: ParseSink, delimiter = detectDelimiter(headerLine(input.head))): AsyncGenerator<CsvRow> {
  for await (const rows of csvRowBatches(input, sink, delimiter)) yield* rows;
}

/** csvRows a chunk of text at a time. */
export async function* csvRowBatches(input: Input, sink: ParseSink, delimiter = detectDelimiter(headerLine(input.head))): AsyncGenerator<CsvRow[]> {
  let rows: CsvRow[] = [];
  for await (const _ of csvSteps(input, sink, delimiter, (record) => void rows.push({ line: record.line, cells: record.cells() }))) {
    if (rows.length === 0) continue;
    yield rows;
    rows = [];
  }
  if (rows.length > 0) yield rows;
}

/** Hands every record to `onRecord`, pausing after each chunk of text (and each record csv-parse reads). */
async function* csvSteps(input: Input, sink: ParseSink, delimiter: string, onRecord: OnRecord): AsyncGenerator<void> {
  const chunks = input.chunks()[Symbol.asyncIterator]();
  try {
    const splitter = new FastCsvSplitter(delimiter);
    for (;;) {
      const next = await chunks.next();
      splitter.push(next.done ? '' : next.value, next.done === true, onRecord);
      if (splitter.halted) return;
      yield;
      if (splitter.stopped) break;
      if (next.done) return;
    }
    const { text, line } = splitter.rest();
    for await (const rows of csvParseRows(restOf(text, chunks), sink, delimiter, line - 1, splitter.recordDelimiter)) {
      for (const row of rows) if (onRecord(new ArrayRecord(row.line, row.cells)) === 'stop') return;
      yield;
    }
  } finally {
    await chunks.return?.();
  }
}

async function* restOf(text: string, chunks: AsyncIterator<string>): AsyncGenerator<string> {
  if (text !== '') yield text;
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
}

/** csv-parse over text that starts `linesBefore` lines into the file. */
async function* csvParseRows(text: AsyncIterable<string>, sink: ParseSink, delimiter: string, linesBefore: number, recordDelimiter: RecordDelimiter | undefined): AsyncGenerator<CsvRow[]> {
  const parser = Readable.from(text).pipe(
    parse({
      delimiter,
      ...(recordDelimiter && { record_delimiter: recordDelimiter }),
      info: true,
      relax_column_count: true,
      // A quote that never closes would otherwise buffer the rest of a file of any size.
      max_record_size: 64 * 1024 * 1024,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        if (error) report(error);
        return undefined;
      },
    }),
  );
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number; raw?: string } }>) {
      yield [{ line: linesBefore + item.info.lines, cells: item.record }];
    }
  } catch (error) {
    if (error instanceof CsvError) {
      report(error);
      return;
    }
    throw error;
  }

  function report(error: CsvError): void {
    const line = lineOf(error);
    const at = line === undefined ? undefined : linesBefore + line;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      sink.message('CSV_TRUNCATED', 'warning', 'The file ends inside a quoted field: it looks cut short, so its last record was not used.', at);
    } else {
      const text = describe(error).replace(/\bline (\d+)/g, (_, n: string) => `line ${linesBefore + Number(n)}`);
      sink.message('CSV_MALFORMED', 'warning', `A malformed CSV record was skipped: ${text}.`, at);
    }
  }
}

/**
 * A cell to keep (in a fact) as a string of its own: a long cell is a slice that would keep the whole chunk of
 * text it was cut from alive, 64 KiB for one process name.
 */
export function detach(cell: string): string {
  return cell.length < 13 ? cell : (' ' + cell).slice(1);
}

function describe(error: CsvError): string {
  return error.message.replace(/^Invalid (Record|Opening Quote|Closing Quote)[^:]*:\s*/i, '').replace(/\.$/, '');
}

function lineOf(error: CsvError): number | undefined {
  return typeof error.lines === 'number' ? error.lines : undefined;
}
