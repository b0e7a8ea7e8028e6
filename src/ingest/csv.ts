import { parse, CsvError } from 'csv-parse';
import { Readable } from 'node:stream';
import type { Input } from './input.js';
import type { ParseSink } from './parser.js';

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
 * Streams the CSV records of an input through csv-parse (the only place that imports it).
 * Column counts may vary; a broken record becomes a message with its line, never an exception.
 */
export async function* csvRows(input: Input, sink: ParseSink, delimiter = detectDelimiter(headerLine(input.head))): AsyncGenerator<CsvRow> {
  const parser = Readable.from(input.chunks()).pipe(
    parse({
      delimiter,
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
      yield { line: item.info.lines, cells: item.record };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      report(error);
      return;
    }
    throw error;
  }

  function report(error: CsvError): void {
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      sink.message('CSV_TRUNCATED', 'warning', 'The file ends inside a quoted field: it looks cut short, so its last record was not used.', lineOf(error));
    } else {
      sink.message('CSV_MALFORMED', 'warning', `A malformed CSV record was skipped: ${describe(error)}.`, lineOf(error));
    }
  }
}

function describe(error: CsvError): string {
  return error.message.replace(/^Invalid (Record|Opening Quote|Closing Quote)[^:]*:\s*/i, '').replace(/\.$/, '');
}

function lineOf(error: CsvError): number | undefined {
  return typeof error.lines === 'number' ? error.lines : undefined;
}
