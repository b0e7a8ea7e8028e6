import type { Cause, Finding, WhatIf } from '../attribute/types.js';
import { MiB } from '../model/bytes.js';
import type { Report } from '../report/types.js';
import { availableBytes, normalPoolMiB, simulate } from './model.js';
import type { Scenario } from './scenario.js';

export const CHANGES = ['install-display-driver', 'disable-balloon', 'set-balloon', 'disable-dynamic-memory', 'set-dm-minimum', 'fix-pool-leak', 'cap-sql-memory'] as const;
export type ChangeName = (typeof CHANGES)[number];

export interface Change {
  name: ChangeName;
  /** MB for set-balloon / set-dm-minimum / cap-sql-memory; the pool tag for fix-pool-leak. */
  argument?: string | number;
}


const mib = (bytes: number | null | undefined) => Math.round((bytes ?? 0) / MiB);
const claimed = (report: Report, cause: Cause) => report.findings.filter((f) => f.cause === cause).reduce((s, f) => s + f.bytes, 0);

/** Builds the scenario that reproduces an analyzed guest: the measured sizes of each cause, exactly. */
export function calibrate(report: Report): Scenario {
  const r = report.reconciliation;
  const visible = mib(r.visibleBytes ?? report.summary.installedBytes ?? 4096 * MiB);
  const hypervisor = report.summary.hypervisor === 'unknown' ? 'kvm' : report.summary.hypervisor;
  const scenario: Scenario = {
    name: 'calibrated',
    description: 'calibrated from an analyzed bundle',
    expect: { primaryCause: report.summary.primaryCause },
    hypervisor,
    memoryMiB: mib(r.installedBytes) || visible,
    hardwareReservedMiB: Math.max(0, (mib(r.installedBytes) || visible) - visible),
    processes: { privateMiB: mib(r.processPrivateBytes), count: Math.max(10, Math.min(500, report.processes.length)) },
    fileCacheMiB: mib(r.standbyBytes),
  };
  const basic = claimed(report, 'missing-driver');
  if (basic > 0) Object.assign(scenario, { display: 'basic', basicDisplayLockedMiB: mib(basic) });
  const balloon = claimed(report, 'balloon');
  if (balloon > 0) scenario.balloon = { device: true, enabled: true, sizeMiB: mib(balloon) };
  const dm = claimed(report, 'dynamic-memory');
  if (dm > 0 && hypervisor === 'hyperv') scenario.dynamicMemory = { enabled: true, startupMiB: visible, visibleMiB: visible, assignedMiB: visible - mib(dm) };
  const awe = claimed(report, 'awe');
  if (awe > 0) scenario.awe = { MiB: mib(awe) };
  for (const pool of ['nonpaged', 'paged'] as const) {
    const bytes = claimed(report, `${pool}-pool`);
    if (bytes > 0) {
      // What a healthy guest of this size would hold stays after the fix; the rest is the leak.
      const normal = Math.min(mib(bytes), normalPoolMiB(pool, visible));
      scenario.kernel = { ...scenario.kernel, [`${pool}PoolMiB`]: normal };
      scenario.poolLeak = { tag: topPoolTag(report) ?? 'Leak', pool, MiB: mib(bytes) - normal };
    }
  }
  const unexplained = claimed(report, 'unexplained');
  if (unexplained > 0) scenario.unknownDriverLockedMiB = mib(unexplained);
  return scenario;
}

function topPoolTag(report: Report): string | undefined {
  const finding = report.findings.find((f) => f.cause === 'nonpaged-pool' || f.cause === 'paged-pool');
  return finding?.title.match(/tagged "([^"]{1,4})"/)?.[1];
}

/** The scenario with one fix applied. */
export function applyChange(scenario: Scenario, change: Change): Scenario {
  const next: Scenario = structuredClone(scenario);
  const mb = Number(change.argument);
  switch (change.name) {
    case 'install-display-driver':
      delete next.display;
      next.basicDisplayLockedMiB = 0;
      break;
    case 'disable-balloon':
      if (next.balloon) next.balloon.enabled = false;
      break;
    case 'set-balloon':
      if (next.balloon) next.balloon.sizeMiB = Math.min(next.balloon.sizeMiB ?? 0, Math.max(0, next.memoryMiB - mb));
      break;
    case 'disable-dynamic-memory':
      if (next.dynamicMemory) next.dynamicMemory = { enabled: false, startupMiB: next.dynamicMemory.visibleMiB ?? next.memoryMiB };
      break;
    case 'set-dm-minimum':
      if (next.dynamicMemory) next.dynamicMemory.assignedMiB = Math.min(next.dynamicMemory.visibleMiB ?? mb, Math.max(next.dynamicMemory.assignedMiB ?? 0, mb));
      break;
    case 'fix-pool-leak':
      if (next.poolLeak && (change.argument === undefined || String(change.argument) === next.poolLeak.tag)) delete next.poolLeak;
      break;
    case 'cap-sql-memory':
      if (next.awe) next.awe.MiB = Math.min(next.awe.MiB, mb);
      break;
  }
  return next;
}

/**
 * What a fix would give back: the model runs the calibrated guest with and without the change, and the
 * difference in available memory is added to what the bundle measured.
 */
export function whatIf(report: Report, change: Change): WhatIf {
  const scenario = calibrate(report);
  const before = availableBytes(simulate(scenario, 1, { exact: true }).state);
  const after = availableBytes(simulate(applyChange(scenario, change), 1, { exact: true }).state);
  const measured = report.reconciliation.availableBytes ?? before;
  const label = change.argument === undefined ? change.name : `${change.name} ${change.argument}`;
  return { change: label, availableBeforeBytes: measured, availableAfterBytes: Math.max(0, measured + after - before) };
}

/** The fix each cause's checklist leads to, as a model change. */
export function changeFor(finding: Finding, report: Report): Change | undefined {
  const visible = mib(report.reconciliation.visibleBytes);
  switch (finding.cause) {
    case 'missing-driver': return finding.bytes > 0 ? { name: 'install-display-driver' } : undefined;
    case 'balloon': return { name: 'disable-balloon' };
    case 'dynamic-memory': return report.summary.hypervisor === 'hyperv' ? { name: 'disable-dynamic-memory' } : undefined;
    case 'nonpaged-pool':
    case 'paged-pool': return { name: 'fix-pool-leak', ...(topPoolTag(report) && { argument: topPoolTag(report)! }) };
    case 'awe': return { name: 'cap-sql-memory', argument: Math.max(1024, Math.round(visible * 0.5)) };
    default: return undefined;
  }
}

/**
 * Adds to each finding the what-if of its fix. A guest the model cannot reproduce gets none (never a guess), and
 * neither does one whose available memory the inputs do not give: the "before" would be the model's invention.
 */
export function withWhatIfs(report: Report): Report {
  if (report.reconciliation.availableBytes === undefined) return report;
  const findings = report.findings.map((finding) => {
    const change = changeFor(finding, report);
    if (!change) return finding;
    try {
      return { ...finding, whatIf: whatIf(report, change) };
    } catch {
      return finding;
    }
  });
  return { ...report, findings };
}
