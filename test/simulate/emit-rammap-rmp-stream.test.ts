import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingestOpened } from '../../src/ingest/ingest-file.js';
import { PARSERS } from '../../src/ingest/parsers/index.js';
import { inputFromBuffer, openInputFile } from '../../src/ingest/read.js';
import { emitRmp, emitRmpFromState, type RmpSnapshot } from '../../src/simulate/emit/rammap-rmp.js';
import { writeRmpFile, writeRmpFileFromState } from '../../src/simulate/emit/rammap-rmp-stream.js';
import { sampleState } from '../helpers/sample-state.js';

const snapshot: RmpSnapshot = {
  matrix: { processPrivate: { active: 70000, modified: 12 }, driverLocked: { active: 3000 }, unused: { zeroed: 9000, free: 5 } },
  processes: [
    { name: 'big.exe', pid: 400, sessionId: 1, privatePages: 69000 },
    { name: 'small & "odd".exe', pid: 8, privatePages: 1012 },
  ],
  pools: [{ tag: 'Ntfx', bytes: 100000, allocations: 30 }],
};

async function inTempDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'guestram-rmp-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('the streaming writer writes exactly what emitRmp returns, with one PFN record per page by default', async () => {
  await inTempDir(async (dir) => {
    for (const layout of [{}, { reverse: true, hexLineWidth: 64, newline: '\n' }]) {
      const path = join(dir, 'snapshot.rmp');
      await writeRmpFile(path, snapshot, layout);
      const written = await readFile(path, 'latin1');
      assert.equal(written, emitRmp({ ...snapshot, pfnRecords: 'all' }, layout), JSON.stringify(layout));
      assert.equal((written.match(/<PfnDatabase>([^<]*)</)![1]!.replace(/\s/g, '').length - 32 * 16) / 48, 70000 + 12 + 3000 + 9000 + 5);
    }
  });
});

test('a snapshot written from a guest state reads back like the in-memory one, and --deep finds it consistent', async () => {
  const state = sampleState();
  await inTempDir(async (dir) => {
    const path = join(dir, 'snapshot.rmp');
    await writeRmpFileFromState(path, state);
    const streamed = await ingestOpened(await openInputFile(path, 'snapshot.rmp'), PARSERS, { deep: true });
    const inMemory = await ingestOpened(inputFromBuffer('snapshot.rmp', emitRmpFromState(state)), PARSERS);
    assert.equal(streamed.format, 'rammap-rmp');
    assert.deepEqual(streamed.facts, inMemory.facts);
    assert.deepEqual(streamed.messages.map((m) => [m.code, m.severity]), [['DEEP_CHECK', 'info']]);
    assert.match(streamed.messages[0]!.text, /match the Use Counts exactly/);
  });
});
