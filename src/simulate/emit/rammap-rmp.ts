import { RMP_LIST_ORDER, RMP_USE_SLOTS } from '../../ingest/parsers/rammap-use-counts.js';
import { RAMMAP_USES, type RamMapList, type RamMapUse } from '../../model/rammap.js';
import type { GuestState } from '../state.js';
import { hexText, HexWriter, u32RunPayload, type HexPayload } from './hex-writer.js';
import { fillerPfnPayload, pfnDatabasePayload, type PfnCell } from './rammap-pfn-records.js';

/** What a simulated RAMMap snapshot holds; page counts are 4 KiB pages. */
export interface RmpSnapshot {
  /** Pages per use type and page list (RAMMap UI terms); missing cells are 0. */
  matrix: Partial<Record<RamMapUse, Partial<Record<RamMapList, number>>>>;
  processes: { name: string; pid: number; sessionId?: number; privatePages: number }[];
  pools: { tag: string; bytes: number; allocations: number }[];
  /**
   * PFN database records: a number writes that many filler records that do not follow the matrix (default 64,
   * enough for the layout); `all` writes one per page of the matrix, in agreement with PageUseCounts.
   */
  pfnRecords?: number | 'all';
}

/** How the XML is laid out, to produce the variants real files may show. */
export interface RmpLayout {
  /** Write the top-level elements in reverse order. */
  reverse?: boolean;
  /** Break hex payloads into lines of this many characters. */
  hexLineWidth?: number;
  newline?: string;
  /** An `<?xml ...?>` declaration to put first. */
  declaration?: string;
  /** Replaces the root's name and attributes (default `root Application="RamMap" Version="1.0" Architecture="amd64"`). */
  rootTag?: string;
}

const DEFAULT_ROOT = 'root Application="RamMap" Version="1.0" Architecture="amd64"';

/** Writes a snapshot the way RAMMap's File > Save does (formats.md §1.5), the inverse of the rammap-rmp parser. */
export function emitRmp(snapshot: RmpSnapshot, layout: RmpLayout = {}): string {
  return [...rmpPieces(snapshot, layout)].join('');
}

/**
 * The text of emitRmp in file order, in pieces of about a megabyte at most: a 64 GiB guest's snapshot (~850 MB,
 * longer than a JavaScript string may be) is written piece by piece (rammap-rmp-stream.ts).
 */
export function* rmpPieces(snapshot: RmpSnapshot, layout: RmpLayout = {}): Generator<string> {
  const nl = layout.newline ?? '\r\n';
  const element = (name: string, payload: HexPayload) =>
    function* () {
      yield `<${name}>`;
      yield* hexText(payload, layout.hexLineWidth, nl);
      yield `</${name}>`;
    };
  const sections = [
    element('PageUseCounts', pageUseCounts(snapshot.matrix).payload()),
    element('ListCounts', listCounts(snapshot.matrix).payload()),
    () => processList(snapshot.processes, layout.hexLineWidth, nl),
    () => fileList(nl),
    element('PhysRanges', physRanges(snapshot.matrix).payload()),
    element('PoolInfo', poolInfo(snapshot.pools).payload()),
    element('PfnDatabase', pfnDatabase(snapshot.matrix, snapshot.pfnRecords ?? 64)),
  ];
  if (layout.reverse) sections.reverse();
  const rootTag = layout.rootTag ?? DEFAULT_ROOT;
  if (layout.declaration) yield layout.declaration + nl;
  yield `<${rootTag}>${nl}`;
  for (const section of sections) {
    yield* section();
    yield nl;
  }
  yield `</${rootTag.split(/\s/)[0]!}>${nl}`;
}

function pages(matrix: RmpSnapshot['matrix'], use: number, list: RamMapList): number {
  const id = RAMMAP_USES[use]?.[0];
  return id ? (matrix[id]?.[list] ?? 0) : 0;
}

function pageUseCounts(matrix: RmpSnapshot['matrix']): HexWriter {
  const out = new HexWriter();
  for (let u = 0; u < RMP_USE_SLOTS; u++) for (const list of RMP_LIST_ORDER) out.u64(pages(matrix, u, list));
  return out;
}

function listCounts(matrix: RmpSnapshot['matrix']): HexWriter {
  const out = new HexWriter();
  for (const list of RMP_LIST_ORDER) {
    let sum = 0;
    for (let u = 0; u < RMP_USE_SLOTS; u++) sum += pages(matrix, u, list);
    out.u64(sum);
  }
  return out;
}

function totalPages(matrix: RmpSnapshot['matrix']): number {
  let sum = 0;
  for (let u = 0; u < RMP_USE_SLOTS; u++) for (const list of RMP_LIST_ORDER) sum += pages(matrix, u, list);
  return sum;
}

function* processList(processes: RmpSnapshot['processes'], width: number | undefined, nl: string): Generator<string> {
  yield `<ProcessList>${nl}`;
  let ordinal = 0;
  for (const { name, pid, sessionId, privatePages } of processes) {
    yield `<Process Name="${escapeXml(name)}" ProcessId="${pid}" SessionId="${sessionId ?? 0xffffffff}"><PFNs>`;
    yield* hexText(u32RunPayload(ordinal, privatePages), width, nl);
    yield `</PFNs></Process>${nl}`;
    ordinal += privatePages;
  }
  yield '</ProcessList>';
}

function* fileList(nl: string): Generator<string> {
  const files = ['C:\\Windows\\System32\\ntdll.dll', 'C:\\Windows\\System32\\config\\SOFTWARE', 'C:\\Users\\R&D\\AppData\\Local\\Temp\\~log.tmp'];
  const lines = files.map((path, i) => `<File Key="${18446673704965373952n + BigInt(i) * 4096n}" Path="${escapeXml(path)}"/>`);
  yield ['<FileList>', ...lines, '</FileList>'].join(nl);
}

function physRanges(matrix: RmpSnapshot['matrix']): HexWriter {
  const out = new HexWriter().u64(2);
  const total = Math.max(totalPages(matrix), 0x200);
  return out.u64(0x1).u64(0x9f).u64(0x100).u64(0x100 + total - 0xa0);
}

function poolInfo(pools: RmpSnapshot['pools']): HexWriter {
  const records = pools.map((p) => ({ ...p, allocations: Math.max(1, p.allocations) }));
  const out = new HexWriter().u64(records.reduce((n, p) => n + p.allocations, 0));
  let address = 0xffffc00000000000n;
  for (const { tag, bytes, allocations } of records) {
    const each = Math.floor(bytes / allocations);
    for (let i = 0; i < allocations; i++) {
      const size = i === 0 ? bytes - each * (allocations - 1) : each;
      out.u64(address).u64(size).ascii(tag, 4).u32(0);
      address += BigInt(Math.ceil(Math.max(size, 16) / 16) * 16);
    }
  }
  return out;
}

function pfnDatabase(matrix: RmpSnapshot['matrix'], records: number | 'all'): HexPayload {
  if (records !== 'all') return fillerPfnPayload(records);
  const cells: PfnCell[] = [];
  for (let use = 0; use < RMP_USE_SLOTS; use++) RMP_LIST_ORDER.forEach((list, l) => cells.push({ use, list: l, pages: pages(matrix, use, list) }));
  return pfnDatabasePayload(cells);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The snapshot RAMMap would save of this guest: its Use Counts, the processes that have private pages in RAM
 * (Idle has none) and the pool tags. Written as RAMMap writes: ASCII XML, CRLF.
 */
export function emitRmpFromState(state: GuestState): Buffer {
  return Buffer.from(emitRmp(rmpSnapshotOf(state)), 'utf8');
}

/** What RAMMap would see of this guest. */
export function rmpSnapshotOf(state: GuestState, pfnRecords?: RmpSnapshot['pfnRecords']): RmpSnapshot {
  return {
    matrix: state.pages,
    processes: state.processes.filter((p) => p.pid !== 0).map((p) => ({ name: p.name, pid: p.pid, sessionId: p.sessionId, privatePages: p.residentPrivatePages })),
    pools: state.pools.map(({ tag, bytes, allocations }) => ({ tag, bytes, allocations })),
    ...(pfnRecords !== undefined && { pfnRecords }),
  };
}
