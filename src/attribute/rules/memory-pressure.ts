import { counterByteFactor, counterLastBytes, findCounter } from '../../model/counters.js';
import { MiB } from '../../model/bytes.js';
import { osAvailableBytes } from '../../reconcile/physical.js';
import { CAUSE_INFO } from '../catalog.js';
import { num, size, sized, type RuleContext } from '../context.js';
import { supports, type EvidenceItem } from '../evidence.js';
import { collectStep } from '../next-evidence.js';
import type { ChecklistStep, Finding, RuleFinding, Severity } from '../types.js';

/** Windows starts trimming working sets and paging hard below this share of memory available. */
export const LOW_AVAILABLE = 0.1;
const CRITICAL_AVAILABLE = 0.05;
/** Commit charge this close to the limit fails allocations soon (the "low on memory" warning). */
export const HIGH_COMMIT = 0.9;
const CRITICAL_COMMIT = 0.97;
/** Hard page faults read from disk per second, sustained: a guest that pages instead of running. */
const HARD_FAULTS_PER_SECOND = 100;

/** Causes that hold memory the guest could otherwise use: when they hold the shortfall, they make the pressure. */
const HOLDING = new Set(['balloon', 'dynamic-memory', 'missing-driver', 'nonpaged-pool', 'paged-pool', 'awe', 'page-tables']);

/**
 * Memory pressure: little available, or commit charge near its limit, with hard faults as a sign. Runs after the
 * other rules, because it says whether a cause they found makes the pressure or the workload does.
 */
export function memoryPressure(ctx: RuleContext, findings: readonly Finding[]): RuleFinding | undefined {
  const { snapshot, reconciliation: r } = ctx;
  const items: EvidenceItem[] = [];
  let shortfall = 0;
  let severity: Severity | undefined;
  const visible = r.visibleBytes;
  const available = r.availableBytes ?? osAvailableBytes(snapshot);
  const availableSource = findCounter(snapshot, 'Memory', /^available (m|k)?bytes$/i)?.source ?? snapshot.system.availableBytes?.source ?? snapshot.rammap?.source;
  if (visible !== undefined && available !== undefined && visible > 0 && available / visible < LOW_AVAILABLE) {
    shortfall = Math.max(shortfall, Math.ceil(visible * LOW_AVAILABLE - available));
    severity = available / visible < CRITICAL_AVAILABLE ? 'critical' : 'warn';
    items.push(supports('low-available', 'strong', `Only ${size(available)} of ${size(visible)} is available (${Math.round((available / visible) * 100)} %).`, availableSource, true));
  }
  const commit = commitCharge(ctx);
  if (commit && commit.committed / commit.limit >= HIGH_COMMIT) {
    shortfall = Math.max(shortfall, Math.ceil(commit.committed - commit.limit * HIGH_COMMIT));
    const level: Severity = commit.committed / commit.limit >= CRITICAL_COMMIT ? 'critical' : 'warn';
    severity = severity === 'critical' || level === 'critical' ? 'critical' : 'warn';
    items.push(supports('high-commit', 'strong', `Commit charge ${size(commit.committed)} of a ${size(commit.limit)} limit (${Math.round((commit.committed / commit.limit) * 100)} %).`, commit.source, true));
  }
  if (!severity) return undefined;
  const faults = findCounter(snapshot, 'Memory', /^page reads\/sec$/i);
  if (faults && faults.mean >= HARD_FAULTS_PER_SECOND) {
    items.push(supports('hard-faults', 'moderate', `Hard faults: ${Math.round(faults.mean)} page reads from disk per second on average (peak ${Math.round(faults.max)}).`, faults.source, true));
  }
  const held = findings.filter((f) => HOLDING.has(f.cause) && f.severity !== 'info' && f.bytes > 0).sort((a, b) => b.bytes - a.bytes);
  const heldBytes = held.reduce((s, f) => s + f.bytes, 0);
  const byHeld = held.length > 0 && heldBytes >= shortfall;
  const top = topConsumers(ctx);
  const notes = byHeld
    ? [{ text: `${held.map((f) => `${CAUSE_INFO[f.cause].label} holds ${size(f.bytes)}`).join(', ')}: freeing ${held.length > 1 ? 'them' : 'it'} would lift available memory above ${Math.round(LOW_AVAILABLE * 100)} %.` }]
    : [{ text: `What the causes found hold (${size(heldBytes)}) does not cover the ${size(shortfall)} needed: the workload itself needs more memory than the guest has.` }, ...top];
  return {
    cause: 'memory-pressure',
    bytes: shortfall,
    prior: 0.5,
    items,
    notes,
    severity,
    title: byHeld
      ? `The guest is short of memory: ${held.map((f) => CAUSE_INFO[f.cause].label).join(' and ')} hold${held.length > 1 ? '' : 's'} ${sized(ctx, heldBytes)}`
      : `The guest is short of memory: its workload needs about ${size(shortfall)} more than it has`,
    checklist: checklist(ctx, byHeld),
    claims: {},
    requests: ['processes', 'memory-counters'],
  };
}

function commitCharge(ctx: RuleContext): { committed: number; limit: number; source: NonNullable<EvidenceItem['source']> } | undefined {
  const { snapshot } = ctx;
  const committed = findCounter(snapshot, 'Memory', /^committed bytes$/i);
  const limit = findCounter(snapshot, 'Memory', /^commit limit$/i);
  if (committed && limit) {
    const factor = counterByteFactor(committed.counter) ?? 1;
    const limitBytes = counterLastBytes(limit, 1);
    if (limitBytes) return { committed: committed.last * factor, limit: limitBytes, source: committed.source };
  }
  const c = num(snapshot.system.committedBytes);
  const l = num(snapshot.system.commitLimitBytes);
  if (c !== undefined && l !== undefined && l > 0) return { committed: c, limit: l, source: snapshot.system.committedBytes!.source };
  return undefined;
}

function topConsumers(ctx: RuleContext) {
  return [...ctx.snapshot.processes]
    .filter((p) => (p.pmBytes ?? p.wsBytes ?? 0) >= 32 * MiB)
    .sort((a, b) => (b.pmBytes ?? b.wsBytes ?? 0) - (a.pmBytes ?? a.wsBytes ?? 0))
    .slice(0, 3)
    .map((p) => ({ text: `${p.name}${p.pid !== undefined ? ` (${p.pid})` : ''} holds ${size(p.pmBytes ?? p.wsBytes ?? 0)} private.`, source: p.source }));
}

function checklist(ctx: RuleContext, byHeld: boolean): ChecklistStep[] {
  const hypervisor = ctx.snapshot.hypervisor?.value;
  const steps: ChecklistStep[] = [
    collectStep('memory-counters', 'Watch available memory, commit and hard faults for a minute'),
    collectStep('processes', 'See which processes hold the most private memory'),
  ];
  if (byHeld) return [...steps, { text: 'Fix the cause that holds the memory (see its finding); the pressure goes with it' }];
  const grow: ChecklistStep = hypervisor === 'hyperv'
    ? { text: 'Give the VM more memory: raise the Dynamic Memory maximum (or the startup size when it is fixed)', where: 'host', command: "Set-VMMemory -VMName '<vm>' -MaximumBytes 8GB", fix: true }
    : hypervisor === 'kvm'
      ? { text: 'Give the VM more memory, and a balloon minimum the workload fits in', where: 'host', command: 'qm set <vmid> --memory 8192 --balloon 6144', fix: true }
      : { text: 'Give the VM more memory (shut it down, raise its memory size, start it)' };
  return [...steps, grow];
}
