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

test('the built CLI works when installed under a path with spaces', async () => {
  const { cpSync, mkdtempSync, symlinkSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const home = join(mkdtempSync(join(tmpdir(), 'guestram install ')), 'my tools');
  for (const part of ['dist', 'assets', 'docs', 'package.json']) cpSync(join(ROOT, part), join(home, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(home, 'node_modules'));
  const result = spawnSync(process.execPath, [join(home, 'dist', 'cli', 'main.js'), 'explain', 'balloon'], { cwd: '/', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /balloon/);
});

test('JSON validated by the built CLI (schemas compiled at build time) gives the messages the sources give', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { analyzePaths } = await import('../../src/analyze.js');
  const dir = mkdtempSync(join(tmpdir(), 'guestram-schemas-'));
  const inputs = {
    'vm-wrong-type.json': '[{"Name":"vm1","MemoryStartup":{"Bytes":4096},"DynamicMemoryEnabled":true}]',
    'cim-wrong-type.json': '{"CimClass":"Win32_OperatingSystem","TotalVisibleMemorySize":[1,2],"FreePhysicalMemory":"12"}',
    'cim-good.json': '{"CimClass":"Win32_ComputerSystem","TotalPhysicalMemory":4294967296,"Manufacturer":"QEMU"}',
  };
  for (const [name, text] of Object.entries(inputs)) {
    const path = join(dir, name);
    writeFileSync(path, text);
    const built = run(['analyze', path, '--format', 'json']);
    const cliMessages = (JSON.parse(built.stdout) as { inputs: { messages: unknown[] }[] }).inputs[0]!.messages;
    const sourceMessages = (await analyzePaths([path])).inputs[0]!.messages;
    assert.deepEqual(cliMessages, JSON.parse(JSON.stringify(sourceMessages)), name);
  }
});
