import { RMP_LIST_ORDER, RMP_USE_SLOTS } from '../../ingest/parsers/rammap-use-counts.js';
import { RAMMAP_USES, type RamMapList, type RamMapUse } from '../../model/rammap.js';
import type { GuestState } from '../state.js';

/** What a simulated RAMMap snapshot holds; page counts are 4 KiB pages. */
export interface RmpSnapshot {
  /** Pages per use type and page list (RAMMap UI terms); missing cells are 0. */
  matrix: Partial<Record<RamMapUse, Partial<Record<RamMapList, number>>>>;
  processes: { name: string; pid: number; sessionId?: number; privatePages: number }[];
  pools: { tag: string; bytes: number; allocations: number }[];
  /** PFN database records written as filler (default 64). */
  pfnRecords?: number;
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
const PFN_HEADER_WORDS = 32;

/** Writes a snapshot the way RAMMap's File > Save does (formats.md §1.5), the inverse of the rammap-rmp parser. */
export function emitRmp(snapshot: RmpSnapshot, layout: RmpLayout = {}): string {
  const nl = layout.newline ?? '\r\n';
  const hex = (words: HexWriter) => wrap(words.text(), layout.hexLineWidth, nl);
  const element = (name: string, payload: HexWriter) => `<${name}>${hex(payload)}</${name}>`;

  const sections = [
    element('PageUseCounts', pageUseCounts(snapshot.matrix)),
    element('ListCounts', listCounts(snapshot.matrix)),
    processList(snapshot.processes, hex, nl),
    fileList(nl),
    element('PhysRanges', physRanges(snapshot.matrix)),
    element('PoolInfo', poolInfo(snapshot.pools)),
    element('PfnDatabase', pfnDatabase(snapshot.pfnRecords ?? 64)),
  ];
  if (layout.reverse) sections.reverse();
  const rootTag = layout.rootTag ?? DEFAULT_ROOT;
  const rootName = rootTag.split(/\s/)[0]!;
  const lines = [...(layout.declaration ? [layout.declaration] : []), `<${rootTag}>`, ...sections, `</${rootName}>`];
  return lines.join(nl) + nl;
}

/** Little-endian bytes as lowercase hex, written into a growing buffer (snapshots hold megabytes of it). */
class HexWriter {
  private bytes = Buffer.alloc(4096);
  private length = 0;

  private reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const next = Buffer.alloc(Math.max(this.bytes.length * 2, this.length + extra));
    this.bytes.copy(next, 0, 0, this.length);
    this.bytes = next;
  }

  u64(value: number | bigint): this {
    this.reserve(8);
    this.bytes.writeBigUInt64LE(BigInt(value), this.length);
    this.length += 8;
    return this;
  }

  u32(value: number): this {
    this.reserve(4);
    this.bytes.writeUInt32LE(value >>> 0, this.length);
    this.length += 4;
    return this;
  }

  /** `count` consecutive u32 values from `first` (a process's PFN ordinals). */
  u32Run(first: number, count: number): this {
    this.reserve(count * 4);
    for (let i = 0; i < count; i++) this.bytes.writeUInt32LE((first + i) >>> 0, this.length + i * 4);
    this.length += count * 4;
    return this;
  }

  ascii(text: string, length: number): this {
    this.reserve(length);
    for (let i = 0; i < length; i++) this.bytes[this.length + i] = i < text.length ? text.charCodeAt(i) & 0xff : 0x20;
    this.length += length;
    return this;
  }

  text(): string {
    return this.bytes.toString('hex', 0, this.length);
  }
}

function wrap(hex: string, width: number | undefined, nl: string): string {
  if (!width || hex.length <= width) return hex;
  const lines: string[] = [];
  for (let i = 0; i < hex.length; i += width) lines.push(hex.slice(i, i + width));
  return nl + lines.join(nl) + nl;
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

function processList(processes: RmpSnapshot['processes'], hex: (w: HexWriter) => string, nl: string): string {
  let ordinal = 0;
  const lines = processes.map(({ name, pid, sessionId, privatePages }) => {
    const pfns = new HexWriter();
    pfns.u32Run(ordinal, privatePages);
    ordinal += privatePages;
    const session = sessionId ?? 0xffffffff;
    return `<Process Name="${escapeXml(name)}" ProcessId="${pid}" SessionId="${session}"><PFNs>${hex(pfns)}</PFNs></Process>`;
  });
  return ['<ProcessList>', ...lines, '</ProcessList>'].join(nl);
}

function fileList(nl: string): string {
  const files = ['C:\\Windows\\System32\\ntdll.dll', 'C:\\Windows\\System32\\config\\SOFTWARE', 'C:\\Users\\R&D\\AppData\\Local\\Temp\\~log.tmp'];
  const lines = files.map((path, i) => `<File Key="${18446673704965373952n + BigInt(i) * 4096n}" Path="${escapeXml(path)}"/>`);
  return ['<FileList>', ...lines, '</FileList>'].join(nl);
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

function pfnDatabase(records: number): HexWriter {
  const out = new HexWriter();
  for (let i = 0; i < PFN_HEADER_WORDS; i++) out.u64(i < 7 ? 0 : (i * 37) % 500);
  const base = 0x1000;
  for (let i = 0; i < records; i++) out.u64(((i % 14) | (6 << 4)) >>> 0).u64(base + i).u64(0xfffff80000000000n + BigInt(i) * 4096n);
  return out;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The snapshot RAMMap would save of this guest: its Use Counts, the processes that have private pages in RAM
 * (Idle has none) and the pool tags. Written as RAMMap writes: ASCII XML, CRLF.
 */
export function emitRmpFromState(state: GuestState): Buffer {
  const snapshot: RmpSnapshot = {
    matrix: state.pages,
    processes: state.processes.filter((p) => p.pid !== 0).map((p) => ({ name: p.name, pid: p.pid, sessionId: p.sessionId, privatePages: p.residentPrivatePages })),
    pools: state.pools.map(({ tag, bytes, allocations }) => ({ tag, bytes, allocations })),
  };
  return Buffer.from(emitRmp(snapshot), 'utf8');
}
