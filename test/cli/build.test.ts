import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzePaths } from '../../src/analyze.js';
import { ROOT, runCli } from '../helpers/cli.js';

test('the built CLI starts from the code cache the build made', () => {
  const result = runCli(['--version'], { env: { GUESTRAM_DEBUG_CODE_CACHE: '1' } });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /^code cache: used$/m);
});

test('the built CLI runs from any working folder (it finds its assets from its own location)', () => {
  const result = runCli(['scenarios'], { cwd: '/' });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /proxmox-basic-display/);
});

test('the built CLI works when installed under a path with spaces', () => {
  const home = join(mkdtempSync(join(tmpdir(), 'guestram install ')), 'my tools');
  for (const part of ['dist', 'assets', 'docs', 'package.json']) cpSync(join(ROOT, part), join(home, part), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(home, 'node_modules'));
  const result = runCli(['explain', 'balloon'], { cwd: '/', cli: join(home, 'dist', 'cli', 'main.js') });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /balloon/);
});

test('JSON validated by the built CLI (schemas compiled at build time) gives the messages the sources give', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'guestram-schemas-'));
  const inputs = {
    'vm-wrong-type.json': '[{"Name":"vm1","MemoryStartup":{"Bytes":4096},"DynamicMemoryEnabled":true}]',
    'cim-wrong-type.json': '{"CimClass":"Win32_OperatingSystem","TotalVisibleMemorySize":[1,2],"FreePhysicalMemory":"12"}',
    'cim-good.json': '{"CimClass":"Win32_ComputerSystem","TotalPhysicalMemory":4294967296,"Manufacturer":"QEMU"}',
  };
  for (const [name, text] of Object.entries(inputs)) {
    const path = join(dir, name);
    writeFileSync(path, text);
    const built = runCli(['analyze', path, '--format', 'json']);
    const cliMessages = (JSON.parse(built.stdout) as { inputs: { messages: unknown[] }[] }).inputs[0]!.messages;
    const sourceMessages = (await analyzePaths([path])).inputs[0]!.messages;
    assert.deepEqual(cliMessages, JSON.parse(JSON.stringify(sourceMessages)), name);
  }
});
