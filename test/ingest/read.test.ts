import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openInputFile } from '../../src/ingest/read.js';

test('a file read through reused buffers gives the same bytes, text and lines as the file holds', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'guestram-read-'));
  try {
    // Several megabytes of lines with multi-byte characters, so chunks end inside characters and lines.
    const text = Array.from({ length: 120_000 }, (_, i) => `${i};Überwachung ${'€'.repeat(i % 7)};\u{1F600}`).join('\r\n');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const path = join(dir, 'big.csv');
    await writeFile(path, bytes);
    const progress: number[] = [];
    const opened = await openInputFile(path, 'big.csv', (read) => progress.push(read));
    assert.ok(opened.ok);
    const { input } = opened;
    const kept: Buffer[] = [];
    for await (const chunk of input.scanBytes()) kept.push(Buffer.from(chunk));
    assert.ok(kept.length > 3, 'more chunks than buffers');
    assert.deepEqual(Buffer.concat(kept), bytes);
    assert.equal(progress.at(-1), bytes.length);
    let decoded = '';
    for await (const chunk of input.chunks()) decoded += chunk;
    assert.equal(decoded, text);
    const expected = text.split('\r\n');
    let lines = 0;
    for await (const line of input.lines()) assert.equal(line.text, expected[lines++]);
    assert.equal(lines, expected.length);
    // Stopping early closes the file without waiting for the end.
    for await (const _ of input.scanBytes()) break;

    // ASCII for megabytes, then a character cut by a chunk boundary: the fast ASCII copy hands over to the decoder.
    const late = `${'x'.repeat(3 * 1024 * 1024 - 1)}€ and ${'Ü'.repeat(1000)}`;
    await writeFile(path, late);
    const again = await openInputFile(path);
    assert.ok(again.ok);
    let text2 = '';
    for await (const chunk of again.input.chunks()) text2 += chunk;
    assert.equal(text2, late);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
