import { MiB } from '../../src/model/bytes.js';
import type { Fact, Hypervisor, HypervisorField, SystemField } from '../../src/model/facts.js';
import type { RamMapList, RamMapUse } from '../../src/model/rammap.js';
import { buildSnapshot } from '../../src/model/build-snapshot.js';
import { reconcile } from '../../src/reconcile/reconcile.js';
import { attribute } from '../../src/attribute/attribute.js';

const at = (file: string, line = 1) => ({ file, line });

/** RAMMap Use Counts from MiB per use and list. */
export function useCounts(cellsMiB: Partial<Record<RamMapUse, Partial<Record<RamMapList, number>>>>): Fact {
  const cells: Partial<Record<RamMapUse, Partial<Record<RamMapList, number>>>> = {};
  let total = 0;
  for (const [use, lists] of Object.entries(cellsMiB) as [RamMapUse, Partial<Record<RamMapList, number>>][]) {
    cells[use] = {};
    for (const [list, mib] of Object.entries(lists) as [RamMapList, number][]) {
      cells[use]![list] = mib * MiB;
      total += mib * MiB;
    }
  }
  return { kind: 'use-counts', origin: 'rmp', cells, rowTotals: {}, listTotals: {}, total, source: at('snapshot.rmp', 2) };
}

export const system = (field: SystemField, value: string | number | boolean, file = 'systeminfo.csv'): Fact => ({ kind: 'system', field, value, source: at(file, 2) });
export const vm = (hypervisor: Hypervisor, field: HypervisorField, value: string | number | boolean, file = 'vm.txt'): Fact => ({ kind: 'hypervisor', hypervisor, field, value, source: at(file, 3) });
export const device = (name: string, extra: Partial<Extract<Fact, { kind: 'device' }>> = {}): Fact => ({ kind: 'device', name, source: at('pnpdevices.csv', 4), ...extra });
export const process = (name: string, pmMiB: number, wsMiB = pmMiB): Fact => ({ kind: 'process', name, pmBytes: pmMiB * MiB, wsBytes: wsMiB * MiB, source: at('processes.csv', 5) });

/** snapshot → reconcile → attribute, as analyze does, from facts of one file. */
export function analyzeFacts(facts: Fact[]) {
  const snapshot = buildSnapshot([{ file: 'bundle', facts }]);
  const reconciliation = reconcile(snapshot);
  return { snapshot, reconciliation, ...attribute(snapshot, reconciliation) };
}

/**
 * A 4 GiB guest: 1.5 GiB processes, ordinary kernel, standby and zeroed; `driverLocked` MiB and the cells of
 * `extra` (which replace a row given here) are taken from the zeroed pages.
 */
export function guest4g(driverLockedMiB = 0, extra: Partial<Record<RamMapUse, Partial<Record<RamMapList, number>>>> = {}): Fact {
  return useCounts({
    processPrivate: { active: 1536, modified: 16 },
    mappedFile: { active: 200, standby: 150 },
    pageTable: { active: 40 },
    pagedPool: { active: 180 },
    nonpagedPool: { active: 120 },
    systemPte: { active: 20 },
    kernelStack: { active: 12 },
    driverLocked: { active: 4 + driverLockedMiB },
    unused: { zeroed: 4096 - 1536 - 16 - 200 - 150 - 40 - 180 - 120 - 20 - 12 - 4 - driverLockedMiB - sumExtra(extra), free: 0 },
    ...extra,
  });
}

function sumExtra(extra: Partial<Record<RamMapUse, Partial<Record<RamMapList, number>>>>): number {
  return Object.values(extra).reduce((s, lists) => s + Object.values(lists ?? {}).reduce((a, b) => a + (b ?? 0), 0), 0);
}
