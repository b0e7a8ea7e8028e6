import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { readManifest } from '../../src/collect/manifest.js';
import { GUEST_SCRIPT_PATH, hostSheet, HOSTS } from '../../src/collect/sources.js';
import { PARSERS } from '../../src/ingest/parsers/index.js';
import { REPORT_SCHEMA } from '../../src/report/schema.js';
import { ROOT } from '../helpers/cli.js';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

function markdownFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

test('every relative link in README.md and docs/ points at a file that exists', () => {
  const broken: string[] = [];
  for (const file of ['README.md', ...markdownFiles('docs')]) {
    const text = read(file).replace(/```[\s\S]*?```/g, '');
    for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const href = match[1]!.split('#')[0]!;
      if (href === '' || /^[a-z]+:/i.test(href)) continue;
      if (!existsSync(join(ROOT, dirname(file), href))) broken.push(`${file} → ${match[1]}`);
    }
  }
  assert.deepEqual(broken, []);
});

test('the docs pages the README and getting started point to exist and link each other', () => {
  for (const page of ['docs/getting-started.md', 'docs/collecting.md', 'docs/reading-the-report.md', 'docs/report-json.md', 'docs/formats.md', 'docs/input-messages.md']) {
    assert.ok(existsSync(join(ROOT, page)), page);
    assert.ok(read('README.md').includes(page), `README does not link ${page}`);
  }
  const start = read('docs/getting-started.md');
  for (const page of ['collecting.md', 'reading-the-report.md', 'report-json.md', 'formats.md', 'input-messages.md']) assert.ok(start.includes(`](${page})`), page);
});

test('docs/formats.md describes every format guestram recognises, with its quirks', () => {
  const formats = read('docs/formats.md');
  const missing = PARSERS.map((p) => p.format).filter((id) => !new RegExp(`^### .*\`${id}\``, 'm').test(formats));
  assert.deepEqual(missing, []);
  assert.ok(formats.replace(/\s+/g, ' ').includes(PARSERS.map((p) => `\`${p.format}\``).join(', ')), 'the trust order differs from PARSERS');
});

test('docs/input-messages.md lists every message code', () => {
  const codes = [...read('src/ingest/messages.ts').matchAll(/\| '([A-Z_]+)'/g)].map((m) => m[1]!);
  assert.ok(codes.length >= 10);
  const page = read('docs/input-messages.md');
  assert.deepEqual(codes.filter((code) => !page.includes(`\`${code}\``)), []);
});

test('docs/report-json.md explains every field of the report schema', () => {
  const page = read('docs/report-json.md');
  const fields = new Set<string>();
  const walk = (schema: unknown) => {
    if (typeof schema !== 'object' || schema === null) return;
    const s = schema as { properties?: Record<string, unknown>; items?: unknown };
    for (const [name, sub] of Object.entries(s.properties ?? {})) {
      fields.add(name);
      walk(sub);
    }
    walk(s.items);
  };
  walk(REPORT_SCHEMA);
  assert.ok(fields.size > 40);
  assert.deepEqual([...fields].filter((f) => !page.includes(`\`${f}\``)).sort(), []);
});

test('docs/collecting.md names every file the guest script and the host commands write', async () => {
  const page = read('docs/collecting.md');
  const files = readManifest(read(GUEST_SCRIPT_PATH)).map((o) => o.file);
  for (const host of HOSTS) files.push(...(await hostSheet(host)).outputs.map((o) => o.file));
  assert.deepEqual(files.filter((f) => !page.includes(`\`${f}\``)), []);
  for (const host of HOSTS) assert.ok(page.includes(`--host ${host}`), host);
});

test('docs/reading-the-report.md covers every tab, summary field and input status', () => {
  const page = read('docs/reading-the-report.md');
  for (const tab of ['Overview', 'Reconcile', 'Findings', 'Processes', 'Checklist', 'Inputs']) assert.match(page, new RegExp(`\\*\\*${tab}\\*\\*`));
  for (const term of ['Installed', 'Visible', 'Hardware reserved', 'Available', 'Modified', 'In use', 'Process private', 'Gap', 'Unexplained']) assert.match(page, new RegExp(`\\*\\*${term}\\*\\*`));
  for (const status of ['ok', 'partial', 'unrecognized', 'error']) assert.ok(page.includes(`\`${status}\``), status);
  for (const field of ['severity', 'confidence', 'evidence', 'checklist', 'what if']) assert.ok(page.includes(`**${field}**`), field);
});
