import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding } from '../../../src/attribute/types.js';
import { checklistMarkdown } from '../../../src/report/ink/checklist-items.js';
import { keyToAction } from '../../../src/report/ink/keys.js';
import { barCells, memorySegments } from '../../../src/report/ink/memory-bar.js';
import { processRows } from '../../../src/report/ink/process-table.js';
import { initialState, reduce, type UiState } from '../../../src/report/ink/state.js';
import { colorEnabled } from '../../../src/report/ink/theme.js';
import { truncate, truncateStart, wrap } from '../../../src/report/ink/text.js';
import { formatAmount, percentOf } from '../../../src/report/ink/units.js';
import { whatIfLine } from '../../../src/report/ink/what-if.js';
import type { Key } from 'ink';
import { bundleReport } from './bundles.js';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

describe('text', () => {
  test('wrap keeps words whole, splits only words longer than a line, never exceeds the width', () => {
    assert.deepEqual(wrap('the quick brown fox jumps', 10), ['the quick', 'brown fox', 'jumps']);
    assert.deepEqual(wrap('abcdefghijkl xy', 5), ['abcde', 'fghij', 'kl xy']);
    assert.deepEqual(wrap('', 5), ['']);
  });
  test('truncate ends with …, truncateStart keeps the end', () => {
    assert.equal(truncate('svchost.exe', 6), 'svcho…');
    assert.equal(truncate('svchost', 7), 'svchost');
    assert.equal(truncateStart('a/b/c/video.json:1', 13), '…video.json:1');
  });
});

describe('units', () => {
  test('auto, MB, GB and % of RAM', () => {
    assert.equal(formatAmount(2 * GiB, 'auto', 4 * GiB), '2.0 GB');
    assert.equal(formatAmount(4095 * MiB, 'MB', 4 * GiB), '4,095 MB');
    assert.equal(formatAmount(GiB / 2, 'GB', 4 * GiB), '0.50 GB');
    assert.equal(formatAmount(2 * GiB, 'percent', 4 * GiB), '50 %');
    assert.equal(formatAmount(2 * GiB, 'percent', null), '2.0 GB', 'no RAM size known: falls back to bytes');
    assert.equal(formatAmount(null, 'auto', null), '—');
  });
  test('small shares keep a decimal, tiny ones say so', () => {
    assert.equal(percentOf(0.043 * GiB, GiB), '4.3 %');
    assert.equal(percentOf(1024, GiB), '<0.1 %');
    assert.equal(percentOf(0, GiB), '0 %');
  });
});

describe('the Overview bar', () => {
  test('segments cover the visible RAM, process private first, the claimed Driver Locked in the finding\'s colour', async () => {
    const report = await bundleReport('proxmox-basic-display');
    const segments = memorySegments(report);
    assert.equal(segments.reduce((s, g) => s + g.bytes, 0), report.summary.physicalBytes);
    assert.equal(segments[0]!.label, 'Process Private');
    assert.equal(segments.find((g) => g.label === 'Driver Locked')?.tone, 'critical');
    assert.equal(new Set(segments.map((g) => g.glyph)).size, segments.length, 'each segment has its own glyph');
  });
  test('cells add up to the width and follow the bytes', () => {
    const cells = barCells([{ bytes: 1 }, { bytes: 1 }, { bytes: 1 }].map((g) => ({ ...g, label: '', glyph: '#', tone: 'kernel' as const })), 10);
    assert.equal(cells.reduce((s, c) => s + c, 0), 10);
    assert.ok(cells.every((c) => c === 3 || c === 4));
  });
});

describe('process table', () => {
  const rows = [
    { name: 'svchost', pid: 812, pmBytes: 10 },
    { name: 'w3wp', pid: 4176, pmBytes: 30 },
    { name: 'System', pid: 4 },
  ];
  test('largest first, a process without the value last', () => {
    assert.deepEqual(processRows(rows, '', 'pm').map((p) => p.name), ['w3wp', 'svchost', 'System']);
  });
  test('the filter matches names (any case) and PIDs by prefix', () => {
    assert.deepEqual(processRows(rows, 'W3', 'pm').map((p) => p.name), ['w3wp']);
    assert.deepEqual(processRows(rows, '41', 'pm').map((p) => p.name), ['w3wp']);
  });
});

describe('state', () => {
  const bounds = { max: 9, page: 5 };
  test('moves stay within the tab\'s bounds; a page moves one row less than it shows', () => {
    let s: UiState = { ...initialState(), tab: 'processes' };
    s = reduce(s, { type: 'move', delta: -1 }, bounds);
    assert.equal(s.cursor.processes, 0);
    s = reduce(s, { type: 'page', direction: 1 }, bounds);
    assert.equal(s.cursor.processes, 4);
    s = reduce(s, { type: 'edge', to: 'last' }, bounds);
    assert.equal(s.cursor.processes, 9);
    assert.equal(s.cursor.overview, 0, 'each tab keeps its own position');
  });
  test('Esc closes the innermost thing: help, then the filter, then expanded findings, then back to Overview', () => {
    const s: UiState = { ...initialState(), tab: 'processes', help: true, filter: 'svc' };
    const once = reduce(s, { type: 'escape' }, bounds);
    assert.equal(once.help, false);
    assert.equal(once.filter, 'svc');
    const twice = reduce(once, { type: 'escape' }, bounds);
    assert.equal(twice.filter, '');
    assert.equal(twice.tab, 'processes');
    assert.equal(reduce(twice, { type: 'escape' }, bounds).tab, 'overview');
  });
  test('while the filter is typed, letters are text, not commands', () => {
    const key = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false } satisfies Key;
    const typing = { ...initialState(), tab: 'processes' as const, editingFilter: true };
    assert.deepEqual(keyToAction('q', key, typing), { type: 'filterType', text: 'q' });
    assert.deepEqual(keyToAction('j', key, typing), { type: 'filterType', text: 'j' });
    assert.deepEqual(keyToAction('q', key, initialState()), { type: 'quit' });
    assert.deepEqual(keyToAction('j', key, initialState()), { type: 'move', delta: 1 });
  });
});

describe('colour', () => {
  test('NO_COLOR (any non-empty value), TERM=dumb and a non-terminal turn colour off', () => {
    assert.equal(colorEnabled({}, true), true);
    assert.equal(colorEnabled({ NO_COLOR: '1' }, true), false);
    assert.equal(colorEnabled({ NO_COLOR: '' }, true), true);
    assert.equal(colorEnabled({ TERM: 'dumb' }, true), false);
    assert.equal(colorEnabled({}, false), false);
  });
});

describe('checklist export and what-if', () => {
  test('Markdown marks done steps and keeps input text literal', async () => {
    const base = await bundleReport('proxmox-basic-display');
    const finding: Finding = { ...base.findings[0]!, checklist: [{ text: 'Check *all* [devices]', command: 'Get-Thing | `tick`' }, { text: 'Reboot' }] };
    const markdown = checklistMarkdown({ ...base, findings: [finding] }, new Set([1]));
    assert.match(markdown, /- \[ \] Check \\\*all\\\* \\\[devices\\\]\n {2}`Get-Thing \| 'tick'`/);
    assert.match(markdown, /- \[x\] Reboot/);
    assert.match(markdown, /1 of 2 steps done\./);
  });
  test('what-if: a line when the finding has one, nothing otherwise', async () => {
    const base = await bundleReport('proxmox-basic-display');
    const finding = base.findings[0]!;
    const withWhatIf = { ...finding, whatIf: { change: 'install-display-driver', availableBeforeBytes: 178 * MiB, availableAfterBytes: 2.2 * GiB } };
    assert.equal(whatIfLine(withWhatIf, (b) => formatAmount(b, 'auto', null)), 'After install-display-driver: available 178 MB → 2.2 GB');
    const { whatIf: _ignored, ...without } = withWhatIf;
    assert.equal(whatIfLine(without, String), undefined);
  });
});
