import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ingestOpened } from '../../src/ingest/ingest-file.js';
import { PARSERS } from '../../src/ingest/parsers/index.js';
import { inputFromBuffer } from '../../src/ingest/read.js';
import { readFixture } from '../helpers/parse.js';

const ingest = (name: string, bytes: Buffer) => ingestOpened(inputFromBuffer(name, bytes), PARSERS);

test('a UTF-16 byte-order mark in front of something else: ENCODING_UNKNOWN, not a guess', async () => {
  const lying = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 2 ? 0xdc : 0x00)))]);
  const parsed = await ingest('processes.txt', lying);
  assert.equal(parsed.status, 'unrecognized');
  assert.deepEqual(parsed.messages.map((m) => [m.code, m.line]), [['ENCODING_UNKNOWN', 1]]);
  assert.match(parsed.messages[0]!.text, /^The text encoding could not be determined: read as UTF-16LE with BOM, \d+ % of its first characters are not valid text\./);
});

test('a UTF-8 byte-order mark in front of legacy bytes', async () => {
  const lying = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(Array.from({ length: 120 }, (_, i) => 0x80 + (i % 64)))]);
  assert.equal((await ingest('x.txt', lying)).messages[0]?.code, 'ENCODING_UNKNOWN');
});

test('text that merely is not an export is FORMAT_UNRECOGNIZED, and legacy code pages still read', async () => {
  assert.equal((await ingest('notes.txt', Buffer.from('Meeting notes: the VM is slow again.\n'))).messages[0]?.code, 'FORMAT_UNRECOGNIZED');
  const legacy = await ingest('systeminfo.txt', readFixture('exports/systeminfo-list/es-virtualbox-cp1252.txt'));
  assert.equal(legacy.format, 'systeminfo-list');
});
