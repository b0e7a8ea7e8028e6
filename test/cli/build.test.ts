import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/cli.js';

const CLI = join(ROOT, 'dist', 'cli', 'main.js');

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CI: 'true', ...env } });
}

test('the built CLI starts from the code cache the build made', () => {
  const result = run(['--version'], { GUESTRAM_DEBUG_CODE_CACHE: '1' });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stderr, /^code cache: used$/m);
});

test('the built CLI runs from any working folder (it finds its assets from its own location)', () => {
  const result = spawnSync(process.execPath, [CLI, 'scenarios'], { cwd: '/', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /proxmox-basic-display/);
});
