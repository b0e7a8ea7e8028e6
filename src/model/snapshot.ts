import type {
  CounterFact,
  DeviceFact,
  DriverFact,
  Hypervisor,
  HypervisorField,
  PoolTagFact,
  ProcessFact,
  RamMapProcessFact,
  SystemField,
  UseCountsFact,
} from './facts.js';
import type { RamMapList, RamMapUse, UseCountMatrix } from './rammap.js';
import type { SourceRef, Sourced } from './source.js';

/** Two sources that disagree about one value, and which one the analysis used. */
export interface Conflict {
  subject: string;
  used: Sourced<string | number | boolean>;
  ignored: Sourced<string | number | boolean>[];
}

export interface RamMapView {
  origin: UseCountsFact['origin'];
  matrix: UseCountMatrix;
  /** Whether per-list cells were given (a transcribed table may only have totals). */
  hasLists: boolean;
  rowTotals: Record<RamMapUse, number>;
  listTotals: Partial<Record<RamMapList, number>>;
  total: number;
  source: SourceRef;
}

/**
 * One guest at one moment, merged from every input file. Every size is an integer number of bytes and
 * every value keeps the file and line it came from.
 */
export interface GuestSnapshot {
  hypervisor?: Sourced<Hypervisor>;
  system: Partial<Record<SystemField, Sourced<string | number | boolean>>>;
  vm: Partial<Record<HypervisorField, Sourced<string | number | boolean>>>;
  rammap?: RamMapView;
  rammapProcesses: RamMapProcessFact[];
  pools: PoolTagFact[];
  processes: ProcessFact[];
  /** Stated sums (measure / one-liner) by property. */
  processSums: Partial<Record<'PM' | 'WS', Sourced<number>>>;
  counters: CounterFact[];
  devices: DeviceFact[];
  drivers: DriverFact[];
  conflicts: Conflict[];
}
