import { MiB } from './bytes.js';
import { hypervisorOfDevice, hypervisorOfPlatformText } from './hardware-ids.js';
import type { Fact, Hypervisor, HypervisorFact, ProcessFact, SystemField, UseCountsFact } from './facts.js';
import { emptyMatrix, RAMMAP_LISTS, RAMMAP_USES, type RamMapUse } from './rammap.js';
import type { Conflict, GuestSnapshot, RamMapView } from './snapshot.js';
import type { Sourced } from './source.js';

/** Facts of one input file, in the order files should be trusted (most exact first). */
export interface FactBatch {
  file: string;
  facts: Fact[];
}

type Value = string | number | boolean;

/**
 * Text every tool words its own way ("10.0.17763 N/A Build 17763" vs "10.0.17763", "x64-based PC" vs
 * "64-bit"): the most exact source wins and the others are not conflicts.
 */
const DESCRIPTIVE_FIELDS = new Set<SystemField>(['osName', 'osVersion', 'osArchitecture', 'biosVersion', 'model']);

/**
 * Merges the facts of every file into one snapshot. The first source of a value wins (callers order the
 * batches by how exact their format is); a later source that disagrees is recorded as a conflict, never
 * silently mixed in.
 */
export function buildSnapshot(batches: FactBatch[], hypervisorOverride?: Hypervisor): GuestSnapshot {
  const snapshot: GuestSnapshot = {
    system: {},
    vm: {},
    rammapProcesses: [],
    pools: [],
    processes: [],
    processSums: {},
    counters: [],
    devices: [],
    drivers: [],
    conflicts: [],
  };
  const all = batches.flatMap((b) => b.facts);
  for (const fact of all) {
    switch (fact.kind) {
      case 'system':
        if (DESCRIPTIVE_FIELDS.has(fact.field) && snapshot.system[fact.field]) break;
        setValue(snapshot.system, fact.field, fact, `system ${fact.field}`, snapshot.conflicts);
        break;
      case 'rammap-process':
        snapshot.rammapProcesses.push(fact);
        break;
      case 'pool-tag':
        snapshot.pools.push(fact);
        break;
      case 'process-sum':
        setValue(snapshot.processSums, fact.property, { value: fact.bytes, source: fact.source }, `stated ${fact.property} sum`, snapshot.conflicts);
        break;
      case 'counter':
        snapshot.counters.push(fact);
        break;
      case 'device':
        snapshot.devices.push(fact);
        break;
      case 'driver':
        snapshot.drivers.push(fact);
        break;
      default:
        break;
    }
  }
  snapshot.pools.sort((a, b) => b.bytes - a.bytes);
  snapshot.processes = chooseProcessExport(batches, snapshot.conflicts);
  snapshot.rammap = chooseRamMap(all.filter((f): f is UseCountsFact => f.kind === 'use-counts'), snapshot.conflicts);
  recordVisibleConflict(snapshot);
  mergeVm(snapshot, all.filter((f): f is HypervisorFact => f.kind === 'hypervisor'));
  snapshot.hypervisor = hypervisorOverride
    ? { value: hypervisorOverride, source: { file: 'command line', field: '--hypervisor' } }
    : detectHypervisor(snapshot, all);
  return snapshot;
}

function sameValue(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    // systeminfo rounds to MB and CIM gives KB: 2 % absorbs rounding, not a different machine.
    return Math.abs(a - b) <= Math.max(1, Math.abs(a) * 0.02);
  }
  return typeof a === 'string' && typeof b === 'string' ? a.trim().toLowerCase() === b.trim().toLowerCase() : a === b;
}

function setValue<K extends string>(
  target: Partial<Record<K, Sourced<Value>>>,
  key: K,
  incoming: Sourced<Value>,
  subject: string,
  conflicts: Conflict[],
): void {
  const existing = target[key];
  if (!existing) {
    target[key] = { value: incoming.value, source: incoming.source };
    return;
  }
  if (sameValue(existing.value, incoming.value)) return;
  const conflict = conflicts.find((c) => c.subject === subject);
  if (conflict) conflict.ignored.push({ value: incoming.value, source: incoming.source });
  else conflicts.push({ subject, used: existing, ignored: [{ value: incoming.value, source: incoming.source }] });
}

/** Uses the Get-Process export with the most memory columns; two exports are two moments, so they are not mixed. */
function chooseProcessExport(batches: FactBatch[], conflicts: Conflict[]): ProcessFact[] {
  const exports = batches
    .map((b) => ({ file: b.file, processes: b.facts.filter((f): f is ProcessFact => f.kind === 'process') }))
    .filter((e) => e.processes.length > 0);
  if (exports.length === 0) return [];
  const score = (e: (typeof exports)[number]) => e.processes.filter((p) => p.pmBytes !== undefined).length * 2 + e.processes.length;
  const ranked = [...exports].sort((a, b) => score(b) - score(a));
  const chosen = ranked[0]!;
  if (ranked.length > 1) {
    const describe = (e: (typeof exports)[number]): Sourced<Value> => ({ value: `${e.processes.length} processes`, source: { file: e.file } });
    conflicts.push({ subject: 'Get-Process export', used: describe(chosen), ignored: ranked.slice(1).map(describe) });
  }
  return chosen.processes;
}

function chooseRamMap(facts: UseCountsFact[], conflicts: Conflict[]): RamMapView | undefined {
  if (facts.length === 0) return undefined;
  const ranked = [...facts].sort((a, b) => (a.origin === b.origin ? 0 : a.origin === 'rmp' ? -1 : 1));
  const views = ranked.map(toView);
  const used = views[0]!;
  const differing = views.slice(1).filter((v) => !sameValue(v.total, used.total));
  if (differing.length > 0) {
    conflicts.push({
      subject: 'RAMMap total',
      used: { value: used.total, source: used.source },
      ignored: differing.map((v) => ({ value: v.total, source: v.source })),
    });
  }
  return used;
}

/** RAMMap's Total and the OS's visible memory are one quantity; beyond rounding, a difference means two moments. */
export function visibleDisagrees(osVisible: number, ramMapTotal: number): boolean {
  return Math.abs(ramMapTotal - osVisible) > Math.max(64 * MiB, osVisible * 0.03);
}

/**
 * When systeminfo says 4 GB and the snapshot 8 GB, the files come from different machines or moments. In use and
 * available come from RAMMap, so reconcile takes visible from it too (see physical.ts); the OS figure is
 * recorded as ignored rather than mixed in.
 */
function recordVisibleConflict(snapshot: GuestSnapshot): void {
  const { rammap } = snapshot;
  const visible = snapshot.system.visibleBytes;
  if (!rammap || typeof visible?.value !== 'number' || !visibleDisagrees(visible.value, rammap.total)) return;
  snapshot.conflicts.push({
    subject: 'memory visible to Windows',
    used: { value: rammap.total, source: rammap.source },
    ignored: [{ value: visible.value, source: visible.source }],
  });
}

function toView(fact: UseCountsFact): RamMapView {
  const matrix = emptyMatrix();
  let hasLists = false;
  for (const [use] of RAMMAP_USES) {
    for (const [list] of RAMMAP_LISTS) {
      const cell = fact.cells[use]?.[list];
      if (cell !== undefined) {
        matrix[use][list] = cell;
        hasLists = true;
      }
    }
  }
  const rowTotals = {} as Record<RamMapUse, number>;
  for (const [use] of RAMMAP_USES) {
    const fromCells = RAMMAP_LISTS.reduce((sum, [list]) => sum + matrix[use][list], 0);
    rowTotals[use] = fact.rowTotals[use] ?? fromCells;
  }
  const sumOfRows = Object.values(rowTotals).reduce((a, b) => a + b, 0);
  return { origin: fact.origin, matrix, hasLists, rowTotals, listTotals: fact.listTotals, total: fact.total ?? sumOfRows, source: fact.source };
}

/**
 * Hypervisor facts may describe several VMs (Get-VM | ConvertTo-Json lists them all). Facts between two
 * `vmName` facts of one file belong to one VM; the VM whose name matches the guest's host name is used.
 */
function mergeVm(snapshot: GuestSnapshot, facts: HypervisorFact[]): void {
  const groups: HypervisorFact[][] = [];
  let current: HypervisorFact[] = [];
  let currentFile = '';
  for (const fact of facts) {
    const startsNewVm = fact.field === 'vmName' && current.some((f) => f.field === 'vmName');
    if (fact.source.file !== currentFile || startsNewVm) {
      if (current.length) groups.push(current);
      current = [];
      currentFile = fact.source.file;
    }
    current.push(fact);
  }
  if (current.length) groups.push(current);

  const host = String(snapshot.system.hostName?.value ?? '').toLowerCase();
  const nameOf = (g: HypervisorFact[]) => String(g.find((f) => f.field === 'vmName')?.value ?? '');
  const named = groups.filter((g) => nameOf(g) !== '');
  const multipleVms = new Set(named.map(nameOf)).size > 1;
  const chosenName = multipleVms ? nameOf(named.find((g) => nameOf(g).toLowerCase() === host) ?? named[0]!) : undefined;
  for (const group of groups) {
    const name = nameOf(group);
    if (chosenName !== undefined && name !== '' && name !== chosenName) continue;
    for (const fact of group) setValue(snapshot.vm, fact.field, fact, `VM ${fact.field}`, snapshot.conflicts);
  }
  if (multipleVms) {
    snapshot.conflicts.push({
      subject: 'VM in hypervisor export',
      used: { value: chosenName!, source: named.find((g) => nameOf(g) === chosenName)![0]!.source },
      ignored: named.filter((g) => nameOf(g) !== chosenName).map((g) => ({ value: nameOf(g), source: g[0]!.source })),
    });
  }
}

function detectHypervisor(snapshot: GuestSnapshot, facts: Fact[]): Sourced<Hypervisor> | undefined {
  const fromConfig = facts.find((f): f is HypervisorFact => f.kind === 'hypervisor');
  if (fromConfig) return { value: fromConfig.hypervisor, source: fromConfig.source };
  for (const field of ['manufacturer', 'model', 'biosVersion'] as const) {
    const value = snapshot.system[field];
    const hit = value && hypervisorOfPlatformText(String(value.value));
    if (hit) return { value: hit, source: value.source };
  }
  for (const device of snapshot.devices) {
    const hit = hypervisorOfDevice(device.instanceId);
    if (hit) return { value: hit, source: device.source };
  }
  const dmCounter = snapshot.counters.find((c) => /hyper-v dynamic memory/i.test(c.object));
  if (dmCounter) return { value: 'hyperv', source: dmCounter.source };
  return undefined;
}
