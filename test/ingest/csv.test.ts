import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { parse, type CsvError } from 'csv-parse';
import fc from 'fast-check';
import { csvRowBatches, csvRows, readCsvRecords, type CsvRow } from '../../src/ingest/csv.js';
import type { Encoding } from '../../src/ingest/encoding.js';
import { createInput } from '../../src/ingest/input.js';
import { parseNumber } from '../../src/ingest/numbers.js';

interface Read {
  rows: CsvRow[];
  messages: [string, number | undefined][];
}

/** guestram's csv-parse call on its own: what the fast path must reproduce record for record. */
async function reference(text: string, delimiter: string): Promise<Read> {
  const read: Read = { rows: [], messages: [] };
  const report = (error: CsvError): void => void read.messages.push([error.code === 'CSV_QUOTE_NOT_CLOSED' ? 'CSV_TRUNCATED' : 'CSV_MALFORMED', typeof error.lines === 'number' ? error.lines : undefined]);
  const parser = Readable.from([text]).pipe(
    parse({ delimiter, info: true, relax_column_count: true, max_record_size: 64 * 1024 * 1024, relax_quotes: true, skip_empty_lines: true, skip_records_with_error: true, on_skip: (e) => {
      if (e) report(e);
      return undefined;
    } }),
  );
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) read.rows.push({ line: item.info.lines, cells: item.record });
  } catch (error) {
    report(error as CsvError);
  }
  return read;
}

async function viaCsvRows(text: string, delimiter: ',' | ';' | '\t', chunkSize: number): Promise<Read> {
  const read: Read = { rows: [], messages: [] };
  const bytes = Buffer.from(text, 'utf8');
  const input = createInput('t.csv', bytes.length, 'utf-8', 0, text.slice(0, 100), async function* () {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  });
  for await (const row of csvRows(input, { fact: () => undefined, message: (code, _s, _t, line) => read.messages.push([code, line]) }, delimiter)) read.rows.push(row);
  return read;
}

/** Pieces CSV is made of, the well-formed ones more often, and every oddity csv-parse has an opinion on. */
const piece = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('a', 'bc', '12.5', '', ' ', 'x y') },
  { weight: 6, arbitrary: fc.constantFrom('"q"', '""', '"a,b"', '"say ""hi"""', '"a;b\tc"') },
  { weight: 6, arbitrary: fc.constantFrom(',', ';', '\t') },
  { weight: 6, arbitrary: fc.constantFrom('\r\n', '\n') },
  { weight: 2, arbitrary: fc.constantFrom('\r', '"', '"multi\r\nline"', '"multi\nline"', 'a"b', '"x"y', '"open', '\r\n\r\n', ' "q"') },
);

test('the fast path reads every CSV exactly as csv-parse does, however the text is chunked', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(piece, { maxLength: 60 }), fc.constantFrom(',', ';', '\t'), fc.integer({ min: 1, max: 40 }), async (pieces, delimiter, chunkSize) => {
      const text = pieces.join('');
      assert.deepEqual(await viaCsvRows(text, delimiter, chunkSize), await reference(text, delimiter), JSON.stringify(text));
    }),
    { numRuns: 600, seed: 42 },
  );
});

test('records after a hand-over to csv-parse keep their file line numbers, in rows and in messages', async () => {
  const text = '"h1","h2"\r\n"a","1"\r\n\r\n"b","2"\r\n"multi\r\nline","3"\r\n"c",x"y"\r\n"d","4"\r\n"open,5\r\n';
  const read = await viaCsvRows(text, ',', 7);
  assert.deepEqual(read, await reference(text, ','));
  // csv-parse counts a CRLF inside quotes as two lines and reports the line where a record ends; kept as it is.
  assert.deepEqual(read.rows.map((r) => [r.line, r.cells[0]]), [[1, 'h1'], [2, 'a'], [4, 'b'], [7, 'multi\r\nline'], [8, 'c'], [9, 'd']]);
  assert.deepEqual(read.messages, [['CSV_TRUNCATED', 11]]);
});

test('a large well-formed file comes in batches, never one row at a time', async () => {
  const lines = ['"Time","Value"', ...Array.from({ length: 20000 }, (_, i) => `"${i}","${i * 2}"`)];
  const bytes = Buffer.from(`${lines.join('\r\n')}\r\n`);
  const input = createInput('big.csv', bytes.length, 'utf-8', 0, lines[0]!, async function* () {
    for (let i = 0; i < bytes.length; i += 65536) yield bytes.subarray(i, i + 65536);
  });
  let batches = 0;
  let rows = 0;
  let last: CsvRow | undefined;
  for await (const batch of csvRowBatches(input, { fact: () => undefined, message: () => assert.fail('no message expected') })) {
    batches++;
    rows += batch.length;
    last = batch.at(-1);
  }
  assert.equal(rows, 20001);
  assert.ok(batches <= Math.ceil(bytes.length / 65536) + 1, `${batches} batches`);
  assert.deepEqual(last, { line: 20001, cells: ['19999', '39998'] });
});

/** What a record view tells of each cell, taken while the view is valid. */
interface Seen {
  line: number;
  cells: string[];
  blank: boolean[];
  numbers: (number | undefined)[][];
  past: [string, boolean, number | undefined];
}

const DECIMALS = [undefined, '.', ','] as const;

function seen(line: number, cells: string[], cell: (i: number) => [string, boolean, ...(number | undefined)[]]): Seen {
  const views = cells.map((_, i) => cell(i));
  const [text, blank, ...numbers] = cell(cells.length);
  return { line, cells: views.map((v) => v[0]), blank: views.map((v) => v[1]), numbers: views.map((v) => v.slice(2) as (number | undefined)[]), past: [text, blank, numbers[0]] };
}

/** The view as it must read: csv-parse's cells, parseNumber of each, blank when trim() leaves nothing. */
async function referenceSeen(text: string, delimiter: string): Promise<{ records: Seen[]; messages: Read['messages'] }> {
  const read = await reference(text, delimiter);
  const records = read.rows.map((row) =>
    seen(row.line, row.cells, (i) => {
      const cell = row.cells[i];
      return [cell ?? '', (cell ?? '').trim() === '', ...DECIMALS.map((decimal) => (cell === undefined ? undefined : parseNumber(cell, { decimal })))];
    }),
  );
  return { records, messages: read.messages };
}

async function viaRecords(text: string, delimiter: ',' | ';' | '\t', chunkSize: number, encoding: Encoding): Promise<{ records: Seen[]; messages: Read['messages'] }> {
  const messages: Read['messages'] = [];
  const records: Seen[] = [];
  const bytes = encoding === 'utf-16le' ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf8');
  const input = createInput('t.csv', bytes.length, encoding, 0, text.slice(0, 100), async function* () {
    for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
  });
  const sink = { fact: () => undefined, message: (code: string, _s: unknown, _t: unknown, line?: number) => void messages.push([code, line]) };
  await readCsvRecords(input, sink, delimiter, (record) => {
    records.push(seen(record.line, record.cells(), (i) => [record.text(i), record.isBlank(i), ...DECIMALS.map((decimal) => record.number(i, decimal))]));
  });
  return { records, messages };
}

/** Cells that look like numbers in every locale, or almost, and the white space and characters around them. */
const numberPiece = fc.constantFrom(
  '0', '7', '-0', '0012', '12.5', '-0.5', '1.', '.5', '-', '+5', '1e5', '1.5E+09', '7.0625001143654654e-1', '1 234,5', '1.234,5', '1,234.5',
  '"1,234"', '1.234', '1\u00a0234', '1\u202f234,5', ' 12 ', '" "', '""', '"12"', '"-3.5"', '"1""2"', '123456789012345', '999999999999999',
  '1234567890123456', '12345678901234567890', '-0,75', '12345678901234,56789', '0.000000000000001234', '\u00a0', '\u2009', '\ufeff', '\u0000', 'ä', '😀', 'n/a',
);

test('a record view reads every cell as csv-parse splits it, and its numbers as parseNumber reads them', async () => {
  const viewPiece = fc.oneof({ weight: 3, arbitrary: piece }, { weight: 2, arbitrary: numberPiece });
  await fc.assert(
    fc.asyncProperty(
      fc.array(viewPiece, { maxLength: 60 }),
      fc.constantFrom(',', ';', '\t'),
      fc.integer({ min: 1, max: 40 }),
      fc.constantFrom<Encoding>('utf-8', 'utf-16le'),
      async (pieces, delimiter, chunkSize, encoding) => {
        const text = pieces.join('');
        const size = encoding === 'utf-16le' ? chunkSize * 2 : chunkSize;
        assert.deepEqual(await viaRecords(text, delimiter, size, encoding), await referenceSeen(text, delimiter), JSON.stringify(text));
      },
    ),
    { numRuns: 600, seed: 42 },
  );
});

test('rows read before a hand-over to csv-parse come before the messages it gives', async () => {
  const text = '"h"\r\n"a"\r\n"b""c\r\nd\r\n';
  const bytes = Buffer.from(text);
  const input = createInput('t.csv', bytes.length, 'utf-8', 0, text, async function* () {
    yield bytes;
  });
  const events: string[] = [];
  const sink = { fact: () => undefined, message: (code: string) => void events.push(code) };
  for await (const row of csvRows(input, sink, ',')) events.push(row.cells[0]!);
  assert.deepEqual(events, ['h', 'a', 'CSV_TRUNCATED']);
  events.length = 0;
  await readCsvRecords(input, sink, ',', (record) => void events.push(record.text(0)));
  assert.deepEqual(events, ['h', 'a', 'CSV_TRUNCATED']);
});

test("returning 'stop' ends the reading: no more records, no message about the rest", async () => {
  const text = 'a\nb\n"c\n';
  const bytes = Buffer.from(text);
  const input = createInput('t.csv', bytes.length, 'utf-8', 0, text, async function* () {
    for (const byte of bytes) yield Uint8Array.of(byte);
  });
  const events: string[] = [];
  await readCsvRecords(input, { fact: () => undefined, message: (code) => void events.push(code) }, ',', (record) => {
    events.push(record.text(0));
    return 'stop';
  });
  assert.deepEqual(events, ['a']);
});

test('records longer than a chunk many times over read as csv-parse reads them', async () => {
  const long = 'x'.repeat(300 * 1024);
  for (const text of [
    `a,b\r\n${long},1\r\nc,2\r\n`,
    `"a","b"\r\n"${long}","1"\r\n"c","2"\r\n`,
    `"a","b"\r\n"${long}\r\n"c","2"\r\n`,
    `"a","b"\r\n"${long}`,
    `a,b\n${long}`,
  ]) {
    for (const chunkSize of [4096, 65536]) assert.deepEqual(await viaCsvRows(text, ',', chunkSize), await reference(text, ','), `${text.slice(0, 12)} ${chunkSize}`);
  }
});
