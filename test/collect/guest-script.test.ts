import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readManifest } from '../../src/collect/manifest.js';
import { GUEST_SCRIPT_PATH } from '../../src/collect/sources.js';
import { PARSERS } from '../../src/ingest/parsers/index.js';
import { ROOT } from '../helpers/cli.js';
import { detectedFormat, parseSample, recognisedFixtures, SAMPLES } from './helpers.js';
import { bracketProblems, commandsUsed, functionsDefined, ps7Problems, splitPowerShell } from './powershell-lint.js';

const script = readFileSync(join(ROOT, GUEST_SCRIPT_PATH), 'utf8');
const manifest = readManifest(script);
const source = splitPowerShell(script);

/** Cmdlets that ship with Windows PowerShell 5.1 itself (no module to install). */
const BUILT_IN = new Set([
  'Add-Type', 'Compress-Archive', 'ConvertTo-Json', 'Export-Csv', 'ForEach-Object', 'Get-CimInstance', 'Get-Command', 'Get-Counter',
  'Get-Date', 'Get-Item', 'Get-ItemProperty', 'Get-Location', 'Get-Process', 'Get-Variable', 'Join-Path', 'New-Item', 'New-Object',
  'Remove-Item', 'Resolve-Path', 'Select-Object', 'Set-StrictMode', 'Start-Process', 'Start-Sleep', 'Stop-Process', 'Test-Path',
  'Where-Object', 'Write-Host', 'Write-Warning',
]);

test('the guest script lists its outputs, each in a format guestram parses', () => {
  assert.ok(manifest.length >= 10, `only ${manifest.length} outputs listed`);
  const formats = new Set(PARSERS.map((p) => p.format));
  assert.deepEqual(manifest.filter((o) => !formats.has(o.format as never)).map((o) => `${o.file} ${o.format}`), []);
  const files = manifest.map((o) => o.file);
  assert.equal(new Set(files).size, files.length, 'a file is listed twice');
  for (const needed of ['getprocess-csv', 'cim-json', 'driverquery-csv', 'systeminfo-csv', 'pdh-csv', 'rammap-rmp']) {
    assert.ok(manifest.some((o) => o.format === needed), `${needed} is not collected`);
  }
});

test('every file name the script writes is in its manifest, and every listed file is written', () => {
  const literals = new Set(source.strings.map((s) => s.text).filter((t) => /^[\w.-]+\.(csv|json|txt|rmp|xml|log|vmx|tsv)$/i.test(t)));
  const listed = new Set(manifest.map((o) => o.file));
  assert.deepEqual([...literals].filter((f) => !listed.has(f)).sort(), [], 'written but not in the manifest');
  assert.deepEqual([...listed].filter((f) => !literals.has(f)).sort(), [], 'in the manifest but never written');
  // Every write goes through Get-OutPath (into the bundle), and every written file is checked by Confirm-Output.
  assert.doesNotMatch(source.code, /\bOut-File\b|\bSet-Content\b|\bAdd-Content\b|[^2]>\s*['"$\w]/, 'a write that bypasses the helpers');
  for (const file of listed) {
    const confirmed = new RegExp(`(Confirm-Output|Save-CimJson) '${file.replace(/\./g, '\\.')}'`).test(script);
    assert.ok(confirmed, `${file} is never confirmed (Confirm-Output / Save-CimJson)`);
  }
});

test('each collected format has a fixture in fixtures/exports/<format>/ that the detector recognises', () => {
  const missing = [...new Set(manifest.map((o) => o.format))].filter((format) => recognisedFixtures(format).length === 0);
  assert.deepEqual(missing, []);
});

test('a sample of each output, shaped as the script writes it, is detected and parsed without errors', async () => {
  for (const output of manifest) {
    const path = join(SAMPLES, 'guest', output.file);
    assert.ok(existsSync(path), `no sample for ${output.file} in test/collect/samples/guest/`);
    const bytes = readFileSync(path);
    assert.equal(detectedFormat(bytes), output.format, `${output.file} is not detected as ${output.format}`);
    const parsed = await parseSample(output.format, bytes, output.file);
    assert.ok(parsed.facts.length > 0, `${output.file}: no facts`);
    assert.deepEqual(parsed.messages.filter((m) => m.severity !== 'info'), [], `${output.file}: ${JSON.stringify(parsed.messages)}`);
  }
});

test('the guest script is plain ASCII, with balanced strings, comments and brackets', () => {
  const nonAscii = script.split('\n').flatMap((line, i) => (/[^\x09\x0a\x0d\x20-\x7e]/.test(line) ? [`line ${i + 1}`] : []));
  assert.deepEqual(nonAscii, [], 'Windows PowerShell 5.1 reads a .ps1 without BOM as ANSI');
  assert.deepEqual(source.problems, []);
  assert.deepEqual(bracketProblems(source.code), []);
});

test('the guest script uses nothing Windows PowerShell 5.1 lacks', () => {
  assert.deepEqual(ps7Problems(source), []);
  const defined = new Set(functionsDefined(source.code));
  const unknown = [...commandsUsed(source.code)].filter(([name]) => !defined.has(name) && !BUILT_IN.has(name)).map(([n, l]) => `${n} (line ${l})`);
  assert.deepEqual(unknown, [], 'not a built-in 5.1 cmdlet nor a function of the script');
  const used = commandsUsed(source.code.replace(/^\s*function\s+[\w-]+/gim, ''));
  assert.deepEqual([...defined].filter((f) => !used.has(f)), [], 'functions defined but never called');
});

test('the guest script starts with its parameters and stops each failing step on its own', () => {
  const firstCode = source.code.trimStart();
  assert.match(firstCode, /^\[CmdletBinding\(\)\]\s*param\(/, 'param() must be the first statement');
  assert.match(script, /^Set-StrictMode -Version 2$/m);
  assert.match(script, /^\$ErrorActionPreference = 'Stop'$/m);
  const invokeStep = /function Invoke-Step \{[\s\S]*?\n\}/.exec(source.code)?.[0] ?? '';
  assert.match(invokeStep, /try \{[\s\S]*& \$Action[\s\S]*\} catch \{/);
  for (const flag of ['-RamMap', '-OutDir', '-CounterSeconds', '-NoZip']) assert.match(script, new RegExp(`\\$${flag.slice(1)}\\b`));
  // Each output is produced inside its own step, so one failure never stops the others.
  const steps = [...source.code.matchAll(/^Invoke-Step /gm)].length;
  assert.ok(steps >= manifest.length - 1, `${steps} steps for ${manifest.length} outputs`);
});

test('the linter catches what it is meant to catch', () => {
  const lint = (code: string) => {
    const s = splitPowerShell(code);
    return [...s.problems, ...bracketProblems(s.code), ...ps7Problems(s)];
  };
  assert.deepEqual(lint("$a = 'x'; if ($a) { Write-Host \"y `\" z\" } # ok }"), []);
  assert.ok(lint('$a = $b ?? 1').length > 0);
  assert.ok(lint('$n = $x?.Count').length > 0);
  assert.ok(lint('$v = $c ? 1 : 2').length > 0);
  assert.ok(lint('git pull && git push').length > 0);
  assert.ok(lint('1..3 | ForEach-Object -Parallel { $_ }').length > 0);
  assert.ok(lint('if ($a) { Write-Host 1').length > 0);
  assert.ok(lint("Write-Host 'open").length > 0);
  assert.ok(lint('Out-File -Encoding utf8NoBOM x.txt').length > 0);
  assert.deepEqual([...commandsUsed(splitPowerShell("ConvertTo-Json -Depth 3 | Out-Null; 'Not-Code'").code)].map(([n]) => n), ['ConvertTo-Json', 'Out-Null']);
});
