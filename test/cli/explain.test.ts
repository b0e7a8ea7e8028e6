import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { docsPage } from '../../src/attribute/catalog.js';
import { CAUSES } from '../../src/attribute/types.js';
import { causeFromArgument, terminalLinkTarget } from '../../src/docs/causes.js';
import { renderMarkdownForTerminal } from '../../src/docs/terminal-markdown.js';
import { ROOT, runCli } from '../helpers/cli.js';

const SECTIONS = ['What it means', 'Evidence guestram uses', 'How to confirm', 'How to fix', 'When it is normal'];

test('every cause has a page with its title line and the five sections, in order', () => {
  for (const cause of CAUSES) {
    const page = readFileSync(join(ROOT, docsPage(cause)), 'utf8');
    assert.match(page.split('\n')[0]!, new RegExp(`^# ${cause} — \\S`), `${cause}: title line`);
    const headings = [...page.matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
    assert.deepEqual(headings.filter((h) => SECTIONS.includes(h)), SECTIONS, `${cause}: sections`);
    for (const section of SECTIONS) {
      const body = page.split(`## ${section}`)[1]!.split(/^## /m)[0]!.trim();
      assert.ok(body.length >= 40, `${cause}: "${section}" is nearly empty`);
    }
  }
});

test('guestram explain <cause> prints the page as wrapped plain text', () => {
  const result = runCli(['explain', 'balloon', '--width', '72']);
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout.split('\n');
  assert.equal(lines[0], 'balloon — a memory balloon holds guest RAM');
  assert.match(lines[1]!, /^=+$/);
  for (const section of SECTIONS) assert.ok(lines.includes(section), `missing heading ${section}`);
  assert.doesNotMatch(result.stdout, /\*\*|`|^#/m, 'Markdown markup left in');
  assert.match(result.stdout, /guestram explain dynamic-memory/, 'a link to another cause becomes its command');
  // Only a line holding a long code span (kept whole so it can be pasted) or a code block may be wider.
  const spans = [...readFileSync(join(ROOT, 'docs/causes/balloon.md'), 'utf8').matchAll(/`([^`]{25,})`/g)].map((m) => m[1]!);
  const wide = lines.filter((l) => l.length > 72 && !l.startsWith('    ') && !spans.some((span) => l.includes(span)));
  assert.deepEqual(wide, []);
});

test('guestram explain accepts the docs path a finding links to, and --markdown prints the source', () => {
  const byPath = runCli(['explain', 'docs/causes/missing-driver.md', '--width', '80']);
  assert.equal(byPath.code, 0, byPath.stderr);
  assert.match(byPath.stdout, /^missing-driver — /);
  const raw = runCli(['explain', 'awe', '--markdown']);
  assert.equal(raw.stdout, readFileSync(join(ROOT, 'docs/causes/awe.md'), 'utf8'));
});

test('guestram explain without a cause lists every cause; an unknown one is a usage error', () => {
  const list = runCli(['explain']);
  assert.equal(list.code, 0, list.stderr);
  for (const cause of CAUSES) assert.match(list.stdout, new RegExp(`^ {2}${cause} +\\S`, 'm'));
  const unknown = runCli(['explain', 'gremlins']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /"gremlins" is not a cause.*balloon.*unexplained/s);
});

test('causeFromArgument and link targets', () => {
  assert.equal(causeFromArgument('Balloon'), 'balloon');
  assert.equal(causeFromArgument('docs\\causes\\awe.md'), 'awe');
  assert.equal(causeFromArgument('docs/formats.md'), undefined);
  assert.equal(terminalLinkTarget('dynamic-memory.md'), 'guestram explain dynamic-memory');
  assert.equal(terminalLinkTarget('causes/balloon.md'), 'guestram explain balloon');
  assert.equal(terminalLinkTarget('../collecting.md'), 'docs/collecting.md');
  assert.equal(terminalLinkTarget('https://example.org/x'), 'https://example.org/x');
});

test('the terminal renderer wraps, keeps code spans whole and makes markup readable', () => {
  const md = [
    '# Title here',
    '',
    'A **bold** word, an *emphasis*, a `Get-Counter \'\\Memory\\Available MBytes\'` command and a [link](https://x.org).',
    '',
    '- first item that is long enough to wrap onto a second line when the width is small',
    '- second',
    '',
    '| code | meaning |',
    '|---|---|',
    '| `A_B` | one \\| two |',
    '',
    '```powershell',
    'Get-Process | Sort-Object WS -Descending | Select-Object -First 10 Name, Id, WS, PM, NPM',
    '```',
  ].join('\n');
  const out = renderMarkdownForTerminal(md, { width: 40 });
  const lines = out.split('\n');
  assert.equal(lines[0], 'Title here');
  assert.equal(lines[1], '==========');
  assert.doesNotMatch(out, /\*\*|\*emphasis\*|`/);
  assert.match(out, /link \(https:\/\/x\.org\)/);
  assert.ok(lines.some((l) => l.includes("Get-Counter '\\Memory\\Available MBytes'")), 'the code span was split');
  assert.ok(lines.some((l) => l.startsWith('  - first item')));
  assert.ok(lines.some((l) => /^ {4}\S/.test(l) && !l.includes('Get-Process')), 'list continuation is indented under the text');
  assert.ok(lines.some((l) => /^ {2}A_B +one \| two$/.test(l)), 'table row');
  assert.ok(lines.includes('    Get-Process | Sort-Object WS -Descending | Select-Object -First 10 Name, Id, WS, PM, NPM'), 'code block kept as is');
  for (const line of lines) {
    if (line.startsWith('    Get-Process') || line.includes("Get-Counter '")) continue;
    assert.ok(line.length <= 40, `too long: ${line}`);
  }
});
