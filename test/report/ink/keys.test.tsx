import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Report, ReportProcess } from '../../../src/report/types.js';
import { bundleReport } from './bundles.js';
import { KEY, renderApp } from './harness.js';

let report: Report;
before(async () => {
  report = await bundleReport('proxmox-basic-display');
});

const rowsOf = (frame: string) => frame.split('\n');
const tabBar = (frame: string) => rowsOf(frame)[0]!;
/** The process rows of a Processes frame (tab bar, status line and column header come first; the footer last). */
const processNames = (frame: string) => rowsOf(frame).slice(3, -1).map((row) => row.slice(2).trim().split(/\s+/)[0]).filter(Boolean);

describe('switching tabs', () => {
  const app = () => renderApp({ report });
  test('→, Tab, ←, Shift+Tab and digits switch; Esc goes back to the Overview', async () => {
    const a = app();
    assert.match(tabBar(a.frame()), /\[1 Overview\]/);
    await a.press(KEY.right);
    assert.match(tabBar(a.frame()), /\[2 Reconcile\]/);
    assert.match(a.frame(), /Installed RAM\s+4\.0 GB\s+100 %/);
    await a.press(KEY.tab);
    assert.match(tabBar(a.frame()), /\[3 Findings\]/);
    await a.press('\u001b[Z');
    assert.match(tabBar(a.frame()), /\[2 Reconcile\]/);
    await a.press(KEY.left, KEY.left);
    assert.match(tabBar(a.frame()), /\[6 Inputs\]/, '← wraps around');
    await a.press('4');
    assert.match(tabBar(a.frame()), /\[4 Processes\]/);
    await a.press(KEY.escape);
    assert.match(tabBar(a.frame()), /\[1 Overview\]/);
    a.unmount();
  });
});

describe('Processes', () => {
  test('/ filters by name as you type, Enter keeps the filter, Esc clears it', async () => {
    const a = renderApp({ report });
    await a.press('4', '/', 's', 'v', 'c');
    let frame = a.frame();
    assert.match(frame, /Filter: svc▌/);
    const shown = processNames(frame);
    assert.ok(shown.length > 0 && shown.every((name) => name === 'svchost'), shown.join(','));
    const matching = report.processes.filter((p) => p.name.includes('svc')).length;
    assert.match(frame, new RegExp(`${matching} of ${report.processes.length}`));
    await a.press(KEY.backspace);
    assert.match(a.frame(), /Filter: sv▌/);
    await a.press('c', KEY.enter);
    frame = a.frame();
    assert.match(frame, /Filter: svc {2}\(Esc clears\)/);
    await a.press('j');
    assert.match(a.frame(), /^ {2}svchost/m, 'after Enter, j moves instead of typing');
    await a.press(KEY.escape);
    frame = a.frame();
    assert.match(frame, /\/ filters/);
    assert.match(frame, new RegExp(`${report.processes.length} processes`));
    a.unmount();
  });

  test('a filter that matches nothing says so', async () => {
    const a = renderApp({ report });
    await a.press('4', '/', 'z', 'z', 'q');
    assert.match(a.frame(), /No process matches "zzq"\./);
    a.unmount();
  });

  test('s cycles the sort: PM, WS, RAMMap private, name, PID; the order follows', async () => {
    const a = renderApp({ report });
    await a.press('4');
    const largest = (field: 'pmBytes' | 'wsBytes' | 'rammapPrivateBytes') => [...report.processes].sort((x, y) => (y[field] ?? -1) - (x[field] ?? -1))[0]!.name;
    assert.equal(processNames(a.frame())[0], largest('pmBytes'));
    await a.press('s');
    assert.match(a.frame(), /sort: WS ↓/);
    assert.equal(processNames(a.frame())[0], largest('wsBytes'));
    await a.press('s');
    assert.match(a.frame(), /sort: RAMMap private ↓/);
    assert.equal(processNames(a.frame())[0], largest('rammapPrivateBytes'));
    await a.press('s');
    const byName = processNames(a.frame());
    assert.deepEqual(byName, [...byName].sort((x, y) => x!.localeCompare(y!, 'en')));
    await a.press('s');
    assert.match(a.frame(), /sort: PID ↑/);
    const lowestPid = Math.min(...report.processes.map((p) => p.pid ?? Infinity));
    assert.match(rowsOf(a.frame())[3]!, new RegExp(`\\s${lowestPid}\\s`));
    a.unmount();
  });

  test('↓, PgDn and End move the selection and scroll; the footer tells the position', async () => {
    const a = renderApp({ report });
    await a.press('4', 'j', 'j');
    assert.match(rowsOf(a.frame()).at(-1)!, /3\/59/);
    assert.match(rowsOf(a.frame())[5]!, /^› /);
    await a.press(KEY.pageDown);
    assert.match(rowsOf(a.frame()).at(-1)!, /21\/59/);
    await a.press('G');
    const frame = a.frame();
    assert.match(rowsOf(frame).at(-1)!, /59\/59/);
    assert.match(rowsOf(frame).at(-2)!, /^› /, 'the last process is selected and on screen');
    a.unmount();
  });
});

describe('Findings', () => {
  test('Enter expands the selected finding with its evidence (file:line) and what-if; Esc collapses', async () => {
    const a = renderApp({ report });
    await a.press('3');
    assert.doesNotMatch(a.frame(), /Evidence/);
    await a.press(KEY.enter);
    const frame = a.frame();
    assert.match(frame, /›▾ 1 CRIT/);
    assert.match(frame, /Evidence/);
    assert.match(frame, /↳ fixtures\/bundles\/proxmox-basic-display\/video\.json:1/);
    if (report.findings[0]!.whatIf) assert.match(frame, /What if\n.*After install-display-driver: available/);
    await a.press(KEY.enter);
    assert.doesNotMatch(a.frame(), /Evidence/);
    await a.press('j', KEY.enter);
    assert.match(a.frame(), /›▾ 2 CRIT/);
    assert.match(a.frame(), /Only 178 MB of 4\.0 GB is available/);
    await a.press(KEY.escape);
    assert.doesNotMatch(a.frame(), /Evidence/);
    assert.match(tabBar(a.frame()), /\[3 Findings\]/, 'Esc first collapses, and stays on the tab');
    a.unmount();
  });
});

describe('Checklist', () => {
  test('Space toggles a step done; e writes the Markdown checklist and says where', async () => {
    const written: string[] = [];
    const a = renderApp({ report, exportChecklist: async (markdown) => (written.push(markdown), '/tmp/somewhere/guestram-checklist.md') });
    const steps = report.findings.reduce((n, f) => n + f.checklist.length, 0);
    await a.press('5');
    assert.match(a.frame(), new RegExp(`0 of ${steps} steps done`));
    await a.press(' ');
    let frame = a.frame();
    assert.match(frame, new RegExp(`1 of ${steps} steps done`));
    assert.match(frame, /› \[x\] List the display adapter and its driver/);
    await a.press('j', ' ', ' ');
    assert.match(a.frame(), /› \[ \] List the devices and whether each has a working driver/, 'a second Space undoes');
    assert.match(a.frame(), /PS> Get-PnpDevice \| Export-Csv/, 'the selected step shows its command');
    await a.press('e');
    await a.settle();
    frame = a.frame();
    assert.match(rowsOf(frame).at(-1)!, /Checklist written to \/tmp\/somewhere\/guestram-checklist\.md/);
    assert.equal(written.length, 1);
    assert.match(written[0]!, /- \[x\] List the display adapter and its driver/);
    assert.match(written[0]!, /- \[ \] List the devices and whether each has a working driver/);
    assert.match(written[0]!, /`qm set <vmid> --vga virtio`/);
    await a.press('j');
    assert.doesNotMatch(rowsOf(a.frame()).at(-1)!, /written/, 'the notice goes with the next key');
    a.unmount();
  });

  test('a failed export says why', async () => {
    const a = renderApp({ report, exportChecklist: async () => Promise.reject(new Error('read-only file system')) });
    await a.press('5', 'e');
    await a.settle();
    assert.match(a.frame(), /Could not write the checklist: read-only file system/);
    a.unmount();
  });
});

describe('everywhere', () => {
  test('u cycles units: auto → MB → GB → % of RAM → auto', async () => {
    const a = renderApp({ report });
    assert.match(a.frame(), /Visible 4\.0 GB/);
    await a.press('u');
    assert.match(a.frame(), /Visible 4,095 MB/);
    assert.match(a.frame(), /units: MB/);
    await a.press('u');
    assert.match(a.frame(), /Visible 4\.00 GB/);
    await a.press('u');
    assert.match(a.frame(), /Driver Locked\s+50 %/);
    assert.match(a.frame(), /units: % of RAM/);
    await a.press('u');
    assert.match(a.frame(), /Visible 4\.0 GB/);
    a.unmount();
  });

  test('? shows the keys; Esc, ? or q closes the overlay (q does not quit there)', async () => {
    const a = renderApp({ report });
    await a.press('4', '?');
    assert.match(a.frame(), /Keys \(on Processes/);
    assert.match(a.frame(), /\/\s+filter by name or PID\n/);
    assert.match(a.frame(), /Enter\s+expand \/ collapse a finding \(Find\)/);
    await a.press('q');
    assert.equal(a.exited(), false);
    assert.doesNotMatch(a.frame(), /Keys \(on/);
    await a.press('?', KEY.escape);
    assert.doesNotMatch(a.frame(), /Keys \(on/);
    a.unmount();
  });

  test('keys for another tab say where they work', async () => {
    const a = renderApp({ report });
    await a.press('s');
    assert.match(rowsOf(a.frame()).at(-1)!, /s sorts the Processes table \(4\)/);
    a.unmount();
  });

  test('q quits', async () => {
    const a = renderApp({ report });
    await a.press('q');
    await a.settle();
    assert.equal(a.exited(), true);
  });

  test('a resize redraws at the new size', async () => {
    const a = renderApp({ report });
    assert.match(tabBar(a.frame()), /2 Reconcile {2}3 Findings/);
    await a.resize(60, 16);
    const rows = rowsOf(a.frame());
    assert.ok(rows.length <= 15, `${rows.length} rows`);
    assert.ok(rows.every((row) => Array.from(row).length <= 60));
    assert.match(rows[0]!, /\[1 Overview\] {2}2 Recon/);
    a.unmount();
  });
});

const COUNT = 5000;

function manyProcesses(): ReportProcess[] {
  return Array.from({ length: COUNT }, (_, i) => ({ name: `worker-${String(i).padStart(4, '0')}`, pid: 10000 + i, pmBytes: (i + 1) * 4096 * 7, wsBytes: (COUNT - i) * 4096 * 5 }));
}

test('5,000 processes: only the rows on screen are drawn, and every key answers quickly', async () => {
  const app = renderApp({ report: { ...report, processes: manyProcesses() } });
  try {
    const timings: number[] = [];
    const timed = async (...keys: string[]) => {
      for (const key of keys) {
        const start = performance.now();
        await app.press(key);
        timings.push(performance.now() - start);
      }
    };
    await timed('4', KEY.pageDown, KEY.pageDown, 'j', 's', 'G', '/', '4', '9', '9', '9', KEY.enter, 'g');
    const frame = app.frame();
    const rows = frame.split('\n');
    assert.ok(rows.length <= 23, `${rows.length} rows`);
    assert.match(frame, /› worker-4999/);
    assert.match(frame, /1 of 5000/);
    const slowest = Math.max(...timings.slice(1));
    // Drawing all 5,000 rows takes Ink seconds per key; drawing the 20 on screen takes milliseconds.
    assert.ok(slowest < 400, `slowest key took ${slowest.toFixed(0)} ms: ${timings.map((t) => t.toFixed(0)).join(', ')}`);
  } finally {
    app.unmount();
  }
});
