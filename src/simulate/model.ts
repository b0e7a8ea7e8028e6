import type { Cause } from '../attribute/types.js';
import { MiB } from '../model/bytes.js';
import { emptyMatrix, type RamMapList, type RamMapUse } from '../model/rammap.js';
import { runBalancer, type BalancedVm } from './balancer.js';
import { counters } from './counters.js';
import { devices, drivers, videoController } from './hardware.js';
import { ScenarioError } from './load-scenario.js';
import { makeProcesses } from './processes.js';
import { Rng } from './rng.js';
import type { DisplayAdapter, Scenario, WindowsEdition } from './scenario.js';
import type { GuestState, SimPool, SimVmConfig, WindowsInfo } from './state.js';

/** What the model knows to be true: the bytes each cause really holds. The analyzer is checked against it. */
export interface GroundTruth {
  primaryCause: Cause | 'none';
  bytesByCause: Partial<Record<Cause, number>>;
}

export interface Simulation {
  state: GuestState;
  truth: GroundTruth;
}

const pagesOf = (mib: number) => Math.max(0, Math.round((mib * MiB) / 4096));

const WINDOWS: Record<WindowsEdition, WindowsInfo> = {
  server2016: { caption: 'Microsoft Windows Server 2016 Standard', version: '10.0.14393', build: 14393, bits: 64 },
  server2019: { caption: 'Microsoft Windows Server 2019 Standard', version: '10.0.17763', build: 17763, bits: 64 },
  server2022: { caption: 'Microsoft Windows Server 2022 Standard', version: '10.0.20348', build: 20348, bits: 64 },
  win10: { caption: 'Microsoft Windows 10 Pro', version: '10.0.19045', build: 19045, bits: 64 },
  win11: { caption: 'Microsoft Windows 11 Pro', version: '10.0.22631', build: 22631, bits: 64 },
};

const DEFAULT_DISPLAY = { kvm: 'virtio-gpu', hyperv: 'hyperv-video', vmware: 'vmware-svga', virtualbox: 'vbox-svga' } as const satisfies Record<Scenario['hypervisor'], DisplayAdapter>;

/**
 * Computes a consistent guest from a scenario: every RAMMap cell, processes, pools, devices, VM settings and
 * counters, such that Σ cells = visible RAM and each cause holds exactly the bytes the truth says. The seed
 * varies everything a real guest varies (process mix, sizes within a few percent) and nothing else.
 */
export function simulate(scenario: Scenario, seed = 1, options: { exact?: boolean } = {}): Simulation {
  const rng = new Rng(seed ^ hash(scenario.name));
  // Exact mode (what-if) keeps every size as the scenario states it, so two runs differ only by the change.
  const vary = (mib: number, spread = 0.05) => (options.exact ? mib : rng.jitter(mib, spread));
  const windows = { ...WINDOWS[scenario.windows?.edition ?? 'server2019'], bits: scenario.windows?.bits ?? 64 };
  const display = scenario.display ?? DEFAULT_DISPLAY[scenario.hypervisor];
  const balanced = balance(scenario, windows.bits);
  const dm = scenario.hypervisor === 'hyperv' && scenario.dynamicMemory?.enabled ? { ...scenario.dynamicMemory, ...balanced?.final } : undefined;

  // Visible memory: what Windows was given (DM: the peak it was hot-added to), less firmware, capped for 32-bit.
  const reservedMiB = scenario.hardwareReservedMiB ?? 1;
  let visibleMiB = dm ? (dm.visibleMiB ?? dm.startupMiB ?? scenario.memoryMiB) : scenario.memoryMiB - reservedMiB;
  if (windows.bits === 32) visibleMiB = Math.min(visibleMiB, 3584);
  const installedMiB = dm ? visibleMiB : scenario.memoryMiB;

  const balloon = scenario.balloon;
  const balloonActive = balloon?.enabled !== false && (balloon?.device ?? false) && scenario.hypervisor !== 'hyperv';
  const balloonMiB = balloonActive ? vary(balloon?.sizeMiB ?? 0) : 0;
  const dmRemovedMiB = dm ? Math.max(0, visibleMiB - (balanced ? dm.assignedMiB! : vary(dm.assignedMiB ?? visibleMiB, 0.02))) : 0;
  const basicMiB = display === 'basic' ? vary(scenario.basicDisplayLockedMiB ?? 256) : 0;
  const unknownMiB = vary(scenario.unknownDriverLockedMiB ?? 0);
  const aweMiB = vary(scenario.awe?.MiB ?? 0);
  const largeMiB = vary(scenario.largePagesMiB ?? 0);
  const leak = scenario.poolLeak;
  const leakMiB = leak ? vary(leak.MiB) : 0;

  const profile = scenario.processes?.profile ?? (scenario.awe ? 'sql' : 'server');
  const processCount = scenario.processes?.count ?? rng.int(50, 70);
  const processes = makeProcesses(rng, profile, vary(scenario.processes?.privateMiB ?? visibleMiB * 0.35, 0.08), processCount, vary(scenario.processes?.compressionMiB ?? Math.min(300, visibleMiB * 0.012)));

  const m = emptyMatrix();
  const set = (use: RamMapUse, list: RamMapList, mib: number) => (m[use][list] = pagesOf(mib));
  set('driverLocked', 'active', 4 + balloonMiB + dmRemovedMiB + basicMiB + unknownMiB);
  set('awe', 'active', aweMiB);
  set('largePage', 'active', largeMiB);
  set('nonpagedPool', 'active', vary(scenario.kernel?.nonpagedPoolMiB ?? normalPoolMiB('nonpaged', visibleMiB)) + (leak?.pool === 'nonpaged' ? leakMiB : 0));
  const pagedMiB = vary(scenario.kernel?.pagedPoolMiB ?? normalPoolMiB('paged', visibleMiB)) + (leak?.pool === 'paged' ? leakMiB : 0);
  set('pagedPool', 'active', pagedMiB * 0.95);
  set('pagedPool', 'standby', pagedMiB * 0.05);
  set('pageTable', 'active', vary(scenario.kernel?.pageTableMiB ?? 20 + processes.length * 0.5));
  set('unused', 'active', scenario.kernel?.unusedActiveMiB ?? 2);
  set('systemPte', 'active', vary(20));
  set('kernelStack', 'active', 6 + processes.length * 0.12);
  set('sessionPrivate', 'active', vary(12));
  set('metafile', 'active', vary(30));
  set('metafile', 'standby', vary(20));
  set('shareable', 'active', vary(60));
  set('mappedFile', 'active', vary(150 + visibleMiB * 0.02));
  set('mappedFile', 'standby', vary(scenario.fileCacheMiB ?? visibleMiB * 0.06));

  const visiblePages = pagesOf(visibleMiB);
  fitProcesses(m, processes, visiblePages, scenario.name);
  const used = sumPages(m);
  const rest = visiblePages - used;
  m.unused.zeroed = Math.floor(rest * 0.85);
  m.unused.free = rest - m.unused.zeroed;

  const pools = makePools(rng, m.pagedPool.active + m.pagedPool.standby, m.nonpagedPool.active, leak && { ...leak, bytes: Math.round(leakMiB * MiB) });
  const vm = vmConfig(scenario, display, balloonActive, balloonMiB, dmRemovedMiB, visibleMiB);
  const samples = balanced?.run.steps.length ?? scenario.samples ?? 10;
  const intervalSeconds = scenario.intervalSeconds ?? 60;
  const state: GuestState = {
    scenario: scenario.name,
    seed,
    hypervisor: scenario.hypervisor,
    vmName: scenario.name,
    vmId: 100 + (seed % 800),
    hostName: `GR-${scenario.name.slice(0, 8).toUpperCase()}-${(seed % 100).toString().padStart(2, '0')}`,
    windows,
    locale: scenario.locale ?? 'en-US',
    powershell: scenario.powershell ?? '5.1',
    installedBytes: installedMiB * MiB,
    visibleBytes: visiblePages * 4096,
    pages: m,
    processes,
    pools,
    devices: devices(scenario.hypervisor, display, balloon?.device ?? false, scenario.devicesWithoutDriver ?? []),
    drivers: drivers(scenario.hypervisor, display, balloon?.device ?? false, leak?.tag),
    video: videoController(display),
    vm,
    counters: [],
    startTime: '2026-11-02T08:00:00.000Z',
    intervalSeconds,
    timeZone: { name: 'W. Europe Standard Time', biasMinutes: -60 },
  };
  state.counters = counters(state, rng, samples, leak?.pool, balanced && { run: balanced.run, names: balanced.names });
  return { state, truth: truth(scenario, m, state, { balloonMiB, dmRemovedMiB, basicMiB, unknownMiB }) };
}

/** Runs the Dynamic Memory balancer when the scenario gives a demand series; the last step is the snapshot. */
function balance(scenario: Scenario, bits: 32 | 64) {
  const dm = scenario.dynamicMemory;
  if (scenario.hypervisor !== 'hyperv' || !dm?.enabled || !dm.demandMiB) return undefined;
  const self: BalancedVm = {
    name: scenario.name,
    bits,
    startupMiB: dm.startupMiB ?? scenario.memoryMiB,
    minimumMiB: dm.minimumMiB ?? 512,
    maximumMiB: dm.maximumMiB ?? 1048576,
    bufferPercent: dm.bufferPercent ?? 20,
    priority: dm.priority ?? 50,
    demandMiB: dm.demandMiB,
  };
  const others = (scenario.host?.otherVms ?? []).map((v) => ({ bufferPercent: 20, priority: 50, ...v }));
  const run = runBalancer({ totalMiB: scenario.host?.totalMiB ?? 1048576, ...(scenario.host?.reserveMiB !== undefined && { reserveMiB: scenario.host.reserveMiB }) }, [self, ...others]);
  const last = run.steps.at(-1)![0]!;
  return { run, names: [self.name, ...others.map((o) => o.name)], final: { assignedMiB: last.assignedMiB, visibleMiB: last.visibleMiB } };
}

/** A healthy guest's pool size for its memory. */
export function normalPoolMiB(pool: 'paged' | 'nonpaged', visibleMiB: number): number {
  return pool === 'nonpaged' ? clamp(visibleMiB * 0.025, 60, 200) : clamp(visibleMiB * 0.04, 120, 400);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function hash(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

export function sumPages(m: GuestState['pages']): number {
  return Object.values(m).reduce((s, lists) => s + Object.values(lists).reduce((a, b) => a + b, 0), 0);
}

/**
 * Puts the processes' resident private pages into the matrix. When the guest has less room than the
 * scenario asks for, the standby cache goes first, then processes are paged out (their PM stays: it is
 * commit, backed by the page file) — as Windows would.
 */
function fitProcesses(m: GuestState['pages'], processes: GuestState['processes'], visiblePages: number, name: string): void {
  const others = sumPages(m);
  const wanted = processes.reduce((s, p) => s + p.residentPrivatePages, 0);
  let room = visiblePages - others - Math.round(visiblePages * 0.01);
  if (room < wanted) {
    const fromCache = Math.min(m.mappedFile.standby, wanted - room);
    m.mappedFile.standby -= fromCache;
    room += fromCache;
  }
  if (room < wanted * 0.1) throw new ScenarioError(`Scenario ${name} asks for more memory than the guest has: raise memoryMiB or lower the sizes.`);
  const scale = Math.min(1, room / wanted);
  for (const p of processes) {
    const resident = Math.floor(p.residentPrivatePages * scale);
    p.wsBytes -= (p.residentPrivatePages - resident) * 4096;
    p.residentPrivatePages = resident;
  }
  const resident = processes.reduce((s, p) => s + p.residentPrivatePages, 0);
  m.processPrivate.modified = Math.round(resident * 0.01);
  m.processPrivate.active = resident - m.processPrivate.modified;
}

function makePools(rng: Rng, pagedPages: number, nonpagedPages: number, leak: { tag: string; pool: 'paged' | 'nonpaged'; bytes: number } | undefined): SimPool[] {
  const tags: [string, 'paged' | 'nonpaged', number][] = [
    ['MmSt', 'paged', 0.3], ['CM31', 'paged', 0.25], ['Ntff', 'paged', 0.1], ['FMfn', 'paged', 0.1], ['Toke', 'paged', 0.05],
    ['EtwB', 'nonpaged', 0.2], ['File', 'nonpaged', 0.15], ['Thre', 'nonpaged', 0.1], ['Even', 'nonpaged', 0.05], ['Irp ', 'nonpaged', 0.05],
  ];
  const normalPaged = pagedPages * 4096 - (leak?.pool === 'paged' ? leak.bytes : 0);
  const normalNonpaged = nonpagedPages * 4096 - (leak?.pool === 'nonpaged' ? leak.bytes : 0);
  // One PoolInfo record per allocation: ~64 KiB average keeps simulated snapshots small (real pools hold many small ones).
  const pools = tags.map(([tag, pool, share]) => {
    const bytes = Math.round(rng.jitter(share, 0.2) * (pool === 'paged' ? normalPaged : normalNonpaged) * 0.8);
    return { tag, pool, bytes, allocations: Math.max(1, Math.round(bytes / rng.jitter(64 * 1024, 0.5))) };
  });
  if (leak) pools.unshift({ tag: leak.tag, pool: leak.pool, bytes: leak.bytes, allocations: Math.max(1, Math.round(leak.bytes / (700 * 1024))) });
  return pools;
}

function vmConfig(scenario: Scenario, display: DisplayAdapter, balloonActive: boolean, balloonMiB: number, dmRemovedMiB: number, visibleMiB: number): SimVmConfig {
  const config: SimVmConfig = {
    memoryMiB: scenario.dynamicMemory?.startupMiB ?? scenario.memoryMiB,
    display: { basic: 'std', 'virtio-gpu': 'virtio', qxl: 'qxl', 'hyperv-video': 'hyperv', 'vmware-svga': 'svga', 'vbox-svga': 'vboxsvga' }[display],
    guestOsType: { kvm: 'win10', hyperv: 'Windows', vmware: 'windows2019srv-64', virtualbox: 'Windows2019_64' }[scenario.hypervisor],
  };
  if (scenario.balloon) {
    config.balloon = {
      enabled: scenario.balloon.enabled ?? scenario.balloon.device ?? false,
      targetMiB: scenario.balloon.targetMiB ?? (balloonActive ? scenario.memoryMiB - Math.round(balloonMiB) : 0),
      sizeMiB: Math.round(balloonMiB),
    };
  }
  const dm = scenario.dynamicMemory;
  if (scenario.hypervisor === 'hyperv') {
    const startup = (dm?.startupMiB ?? scenario.memoryMiB) * MiB;
    const assigned = Math.round((visibleMiB - dmRemovedMiB) * MiB);
    config.dynamicMemory = {
      enabled: dm?.enabled ?? false,
      startupBytes: startup,
      minimumBytes: (dm?.minimumMiB ?? 512) * MiB,
      maximumBytes: (dm?.maximumMiB ?? 1048576) * MiB,
      bufferPercent: dm?.bufferPercent ?? 20,
      priority: dm?.priority ?? 50,
      assignedBytes: dm?.enabled ? assigned : startup,
      demandBytes: Math.round(assigned * 0.92),
    };
  }
  return config;
}

function truth(scenario: Scenario, m: GuestState['pages'], state: GuestState, locked: { balloonMiB: number; dmRemovedMiB: number; basicMiB: number; unknownMiB: number }): GroundTruth {
  const bytes = (mib: number) => Math.round(mib * MiB);
  const byCause: Partial<Record<Cause, number>> = {};
  const add = (cause: Cause, value: number) => {
    if (value > 0) byCause[cause] = value;
  };
  add('balloon', bytes(locked.balloonMiB));
  add('dynamic-memory', bytes(locked.dmRemovedMiB));
  add('missing-driver', bytes(locked.basicMiB));
  add('unexplained', bytes(locked.unknownMiB));
  add('awe', m.awe.active * 4096);
  add('large-pages', m.largePage.active * 4096);
  add('nonpaged-pool', scenario.poolLeak?.pool === 'nonpaged' ? m.nonpagedPool.active * 4096 : 0);
  add('paged-pool', scenario.poolLeak?.pool === 'paged' ? m.pagedPool.active * 4096 : 0);
  add('page-tables', scenario.kernel?.pageTableMiB ? (m.pageTable.active + m.unused.active) * 4096 : 0);
  add('standby-cache', Object.values(m).reduce((s, lists) => s + lists.standby, 0) * 4096);
  add('hardware-reserved', state.installedBytes - state.visibleBytes);
  add('memory-compression', state.processes.find((p) => p.name === 'Memory Compression')?.wsBytes ?? 0);
  return { primaryCause: scenario.expect.primaryCause, bytesByCause: byCause };
}

/** Memory Windows can hand out at once: standby + free + zeroed. */
export function availableBytes(state: GuestState): number {
  return Object.values(state.pages).reduce((s, lists) => s + lists.standby + lists.free + lists.zeroed, 0) * 4096;
}
