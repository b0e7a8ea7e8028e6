import type { Fact, HypervisorField, SystemField } from '../model/facts.js';
import { counterByteFactor } from '../model/counters.js';
import { RAMMAP_LISTS, RAMMAP_USES } from '../model/rammap.js';

/**
 * Windows Server with 5-level paging addresses at most 4 PiB; a larger size is a parsing accident
 * (a misread unit, a hex dump taken for a number), never memory. It also keeps every sum of sizes
 * below 2^53, where a `number` stops holding whole bytes exactly.
 */
export const MAX_PLAUSIBLE_BYTES = 4 * 1024 ** 5;

/** Every field a system fact may name, and whether its value is a size. */
const SYSTEM_FIELDS: Record<SystemField, 'size' | 'other'> = {
  hostName: 'other',
  osName: 'other',
  osVersion: 'other',
  osArchitecture: 'other',
  manufacturer: 'other',
  model: 'other',
  biosVersion: 'other',
  visibleBytes: 'size',
  availableBytes: 'size',
  installedBytes: 'size',
  commitLimitBytes: 'size',
  committedBytes: 'size',
  hypervisorPresent: 'other',
};

const HYPERVISOR_FIELDS: Record<HypervisorField, 'size' | 'other'> = {
  vmName: 'other',
  configuredBytes: 'size',
  balloonEnabled: 'other',
  balloonTargetBytes: 'size',
  balloonActualBytes: 'size',
  balloonSizeBytes: 'size',
  dynamicMemoryEnabled: 'other',
  dmStartupBytes: 'size',
  dmMinimumBytes: 'size',
  dmMaximumBytes: 'size',
  dmBufferPercent: 'other',
  dmPriority: 'other',
  assignedBytes: 'size',
  demandBytes: 'size',
  display: 'other',
  guestOsType: 'other',
};

const USES = new Set<string>(RAMMAP_USES.map(([use]) => use));
const LISTS = new Set<string>(RAMMAP_LISTS.map(([list]) => list));

/** What is wrong with one value of a fact, said so a sysadmin can find it. */
export interface FactProblem {
  what: string;
  value: unknown;
  reason: string;
}

/**
 * The last guard between parsers and the snapshot: a fact whose sizes are not whole, non-negative,
 * plausible byte counts (or whose other numbers are not finite) is not used. Returns the problems
 * found; an empty list means the fact is sound.
 */
export function checkFact(fact: Fact): FactProblem[] {
  const problems: FactProblem[] = [];
  const name = 'name' in fact ? shorten(fact.name) : '';
  const size = (what: string, value: unknown) => {
    const reason = sizeProblem(value);
    if (reason) problems.push({ what, value, reason });
  };
  const count = (what: string, value: unknown) => {
    if (value === undefined) return;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) problems.push({ what, value, reason: 'is not a whole non-negative number' });
  };
  const finite = (what: string, value: unknown) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) problems.push({ what, value, reason: 'is not a finite number' });
  };
  const known = (what: string, value: string, names: ReadonlySet<string>) => {
    if (!names.has(value)) problems.push({ what, value, reason: `is not a known ${what}` });
  };
  const fieldValue = (field: string, value: unknown, fields: Record<string, 'size' | 'other'>) => {
    const kind = Object.hasOwn(fields, field) ? fields[field] : undefined;
    if (kind === undefined) problems.push({ what: 'the field', value: field, reason: 'is not one guestram knows' });
    else if (kind === 'size') size(field, value);
    else if (typeof value === 'number') finite(field, value);
    else if (typeof value !== 'string' && typeof value !== 'boolean') problems.push({ what: field, value, reason: 'is neither text, a number nor yes/no' });
  };

  switch (fact.kind) {
    case 'use-counts':
      for (const [use, lists] of Object.entries(fact.cells)) {
        known('use type', use, USES);
        for (const [list, bytes] of Object.entries(lists ?? {})) {
          known('page list', list, LISTS);
          size(`the ${use} ${list} cell`, bytes);
        }
      }
      for (const [use, bytes] of Object.entries(fact.rowTotals)) {
        known('use type', use, USES);
        size(`the ${use} total`, bytes);
      }
      for (const [list, bytes] of Object.entries(fact.listTotals)) {
        known('page list', list, LISTS);
        size(`the ${list} total`, bytes);
      }
      if (fact.total !== undefined) size('the grand total', fact.total);
      break;
    case 'rammap-process':
      size(`the private bytes of ${name}`, fact.privateBytes);
      count(`the PID of ${name}`, fact.pid);
      count(`the session of ${name}`, fact.sessionId);
      break;
    case 'pool-tag':
      size(`pool tag ${shorten(fact.tag)}`, fact.bytes);
      count(`the allocations of pool tag ${shorten(fact.tag)}`, fact.allocations);
      break;
    case 'process':
      for (const [what, bytes] of [['PM', fact.pmBytes], ['WS', fact.wsBytes], ['NPM', fact.npmBytes]] as const) {
        if (bytes !== undefined) size(`the ${what} of ${name}`, bytes);
      }
      count(`the PID of ${name}`, fact.pid);
      count(`the session of ${name}`, fact.sessionId);
      break;
    case 'process-sum':
      size(`the ${fact.property} sum`, fact.bytes);
      count('the process count', fact.count);
      break;
    case 'counter': {
      count(`the sample count of ${shorten(fact.counter)}`, fact.samples);
      // A counter named in bytes, KBytes or MBytes becomes a size once scaled: the same rules then apply.
      const factor = counterByteFactor(fact.counter);
      for (const stat of ['first', 'last', 'min', 'max', 'mean'] as const) {
        const what = `the ${stat} value of ${shorten(fact.counter)}`;
        if (factor === undefined) {
          finite(what, fact[stat]);
          continue;
        }
        const reason = sizeProblem(Math.round(fact[stat] * factor));
        if (reason) problems.push({ what, value: fact[stat], reason });
      }
      break;
    }
    case 'system':
      fieldValue(fact.field, fact.value, SYSTEM_FIELDS);
      break;
    case 'hypervisor':
      fieldValue(fact.field, fact.value, HYPERVISOR_FIELDS);
      break;
    case 'device':
      if (fact.adapterRamBytes !== undefined) size(`the adapter RAM of ${name}`, fact.adapterRamBytes);
      count(`the problem code of ${name}`, fact.problemCode);
      break;
    case 'driver':
      if (fact.pagedPoolBytes !== undefined) size(`the paged pool of ${shorten(fact.module)}`, fact.pagedPoolBytes);
      break;
  }
  return problems;
}

function sizeProblem(value: unknown): string | undefined {
  if (typeof value !== 'number') return 'is not a number of bytes';
  if (!Number.isFinite(value)) return 'is not a finite number';
  if (value < 0) return 'is negative';
  if (!Number.isInteger(value)) return 'is not a whole number of bytes';
  if (value > MAX_PLAUSIBLE_BYTES) return `is more than the ${MAX_PLAUSIBLE_BYTES / 1024 ** 5} PB any Windows can address`;
  return undefined;
}

const KIND_NAMES: Record<Fact['kind'], string> = {
  'use-counts': 'RAMMap Use Counts table',
  'rammap-process': 'RAMMap process',
  'pool-tag': 'pool tag',
  process: 'process',
  'process-sum': 'process sum',
  counter: 'counter',
  system: 'system value',
  device: 'device',
  driver: 'driver',
  hypervisor: 'VM setting',
};

/** One plain sentence for the input messages. */
export function describeFactProblems(fact: Fact, problems: FactProblem[]): string {
  const parts = problems.slice(0, 3).map((p) => `${p.what} (${showValue(p.value)}) ${p.reason}`);
  const more = problems.length > 3 ? `, and ${problems.length - 3} more values are wrong` : '';
  return `A ${KIND_NAMES[fact.kind]} was not used: ${parts.join('; ')}${more}.`;
}

function showValue(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'not a number' : Number.isFinite(value) ? String(value) : 'infinite';
  return shorten(JSON.stringify(value) ?? typeof value);
}

function shorten(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
