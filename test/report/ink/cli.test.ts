import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { analyzePaths } from '../../../src/analyze.js';
import { inCi, resolveFormat, writeChecklistFile } from '../../../src/cli/interactive.js';
import { UsageError } from '../../../src/cli/output.js';
import { progressLine } from '../../../src/cli/progress.js';
import { ROOT, runCli } from '../../helpers/cli.js';

const tty = { stdoutIsTTY: true, stdinIsTTY: true, env: {} };
const pipe = { stdoutIsTTY: false, stdinIsTTY: true, env: {} };

describe('--format', () => {
  test('auto is the interactive report only in an interactive terminal, outside CI, without --out', () => {
    assert.equal(resolveFormat('auto', undefined, tty), 'tui');
    assert.equal(resolveFormat('auto', undefined, pipe), 'text');
    assert.equal(resolveFormat('auto', undefined, { ...tty, stdinIsTTY: false }), 'text');
    assert.equal(resolveFormat('auto', undefined, { ...tty, env: { CI: 'true' } }), 'text');
    assert.equal(resolveFormat('auto', undefined, { ...tty, env: { CI: 'false' } }), 'tui');
    assert.equal(resolveFormat('auto', 'report.txt', tty), 'text');
    assert.equal(resolveFormat('json', undefined, tty), 'json');
  });
  test('tui refuses a pipe and --out', () => {
    assert.equal(resolveFormat('tui', undefined, tty), 'tui');
    assert.throws(() => resolveFormat('tui', undefined, pipe), (e: unknown) => e instanceof UsageError && /stdout is not one/.test(e.message));
    assert.throws(() => resolveFormat('tui', 'x.txt', tty), UsageError);
  });
  test('CI counts unless it says 0 or false', () => {
    assert.equal(inCi({ CI: '1' }), true);
    assert.equal(inCi({ CONTINUOUS_INTEGRATION: 'yes' }), true);
    assert.equal(inCi({ CI: '0' }), false);
    assert.equal(inCi({}), false);
  });
  test('the CLI: tui without a terminal is one line and exit 2, before anything is read; auto prints text', () => {
    const refused = runCli(['analyze', 'fixtures/bundles/healthy-standby', '--format', 'tui']);
    assert.equal(refused.code, 2);
    assert.equal(refused.stdout, '');
    assert.match(refused.stderr, /^guestram: --format tui needs an interactive terminal, but stdout is not one; use --format text, md or json\.\n$/);
    const text = runCli(['analyze', 'fixtures/exports/proxmox-qm-config']);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /^guestram .* — where the RAM went/);
  });
});

test('the exported checklist goes into a new file, never over an existing one', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'guestram-checklist-'));
  try {
    writeFileSync(join(folder, 'guestram-checklist.md'), 'mine');
    const first = await writeChecklistFile('# one\n', folder);
    const second = await writeChecklistFile('# two\n', folder);
    assert.equal(first, join(folder, 'guestram-checklist-2.md'));
    assert.equal(second, join(folder, 'guestram-checklist-3.md'));
    assert.equal(readFileSync(join(folder, 'guestram-checklist.md'), 'utf8'), 'mine');
    assert.equal(readFileSync(second, 'utf8'), '# two\n');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

describe('progress while reading', () => {
  test('onProgress counts every byte of each file', async () => {
    const seen = new Map<string, { read: number; total: number }>();
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      await analyzePaths(['fixtures/bundles/healthy-standby'], { onProgress: (path, read, total) => seen.set(path, { read: Math.max(read, seen.get(path)?.read ?? 0), total }) });
    } finally {
      process.chdir(cwd);
    }
    const rmp = 'fixtures/bundles/healthy-standby/snapshot.rmp';
    assert.deepEqual(seen.get(rmp), { read: statSync(join(ROOT, rmp)).size, total: statSync(join(ROOT, rmp)).size });
  });
  test('the line names the file, bytes read of the total and the speed, fits the terminal and is cleared at the end', () => {
    const written: string[] = [];
    const stream = { columns: 60, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream;
    const line = progressLine(stream);
    const realNow = Date.now;
    const start = realNow();
    try {
      Date.now = () => start;
      line.onFile('some/very/long/folder/name/of/the/bundle/snapshot.rmp', 1, 3);
      Date.now = () => start + 200;
      line.onProgress('x', 100 * 1024 * 1024, 400 * 1024 * 1024);
    } finally {
      Date.now = realNow;
    }
    const drawn = written.join('').replace(/^\r/, '').replace(/\u001b\[K$/, '');
    assert.match(drawn, /^reading 2\/3 ….*snapshot\.rmp 100 MB \/ 400 MB \(25 %\) 500 MB\/s$/);
    assert.ok(drawn.length <= 59, drawn);
    line.clear();
    assert.equal(written.at(-1), '\r\u001b[K');
  });
  test('inputs under 50 MB draw nothing and leave nothing to clear', () => {
    const written: string[] = [];
    const line = progressLine({ columns: 80, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream);
    const realNow = Date.now;
    const start = realNow();
    try {
      Date.now = () => start;
      line.onFile('bundle/processes.csv', 0, 1);
      Date.now = () => start + 500;
      line.onProgress('bundle/processes.csv', 40 * 1024 * 1024, 49 * 1024 * 1024);
    } finally {
      Date.now = realNow;
    }
    line.clear();
    assert.deepEqual(written, []);
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

test('in a real pseudo-terminal: analyze opens the interactive report, keys work, q quits with exit 0', { skip: !hasScript && 'needs script(1) for a pseudo-terminal', timeout: 60_000 }, async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', NO_COLOR: '1' };
  delete env.CI;
  delete env.CONTINUOUS_INTEGRATION;
  const command = `stty cols 80 rows 24; exec node dist/cli/main.js analyze fixtures/bundles/healthy-standby`;
  const child = spawn('script', ['-qefc', command, '/dev/null'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const waitFor = async (pattern: RegExp) => {
    for (let i = 0; i < 400 && !pattern.test(output); i++) await new Promise((r) => setTimeout(r, 50));
    assert.match(output, pattern);
  };
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    await waitFor(/\[1 Overview\]/);
    assert.ok(output.includes('\u001b[?1049h'), 'the report takes the alternate screen');
    child.stdin.write('3');
    await waitFor(/\[3 Findings\]/);
    child.stdin.write('q');
    assert.equal(await exited, 0);
    assert.ok(output.includes('\u001b[?1049l'), 'and gives the screen back');
    assert.match(output.slice(output.lastIndexOf('\u001b[?1049l')), /No memory problem found/);
  } finally {
    child.kill();
  }
});
