import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { parse, type CsvError } from 'csv-parse';
import fc from 'fast-check';
import { csvRowBatches, csvRows, type CsvRow } from '../../src/ingest/csv.js';
import { createInput } from '../../src/ingest/input.js';

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
