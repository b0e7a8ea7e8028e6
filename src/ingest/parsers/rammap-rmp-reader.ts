import { pagesToBytes } from '../../model/bytes.js';
import { parseInteger } from '../numbers.js';
import type { ParseSink } from '../parser.js';
import { ByteCollector, countHexDigits, HexDecoder } from './rammap-hex.js';
import { PfnDatabaseCounter, type PfnCount } from './rammap-pfn-database.js';
import { deepCheckMessage } from './rammap-pfn-check.js';
import { PoolInfoReader } from './rammap-pool.js';
import { RMP_LIST_ORDER, RMP_PAGE_USE_VALUES, useCountsFact, type RmpTable } from './rammap-use-counts.js';
import type { OpenElement, OpenTag, ScanEnd, XmlHandler } from './rammap-xml-scanner.js';

interface Capture {
  feed(text: string | Buffer, from: number, to: number): void;
}

interface TableCapture extends Capture {
  element: string;
  line: number;
  decoder: HexDecoder;
  collector: ByteCollector;
}

interface ProcessInProgress {
  attrs: Record<string, string>;
  line: number;
  hexDigits: number;
}

/** Collects what guestram needs from a RAMMap snapshot while the scanner walks it. */
export class RmpReader implements XmlHandler {
  private root: OpenElement | undefined;
  private capture: Capture | undefined;
  private table: TableCapture | undefined;
  private pool: { line: number; decoder: HexDecoder; reader: PoolInfoReader } | undefined;
  private process: ProcessInProgress | undefined;
  private pageUse: RmpTable | undefined;
  private listCounts: RmpTable | undefined;
  private pfn: { line: number; counter: PfnDatabaseCounter; count?: PfnCount } | undefined;

  /** `deep`: also count the PfnDatabase records per use × list and compare them with PageUseCounts. */
  constructor(
    private readonly file: string,
    private readonly sink: ParseSink,
    private readonly deep = false,
  ) {}

  open(tag: OpenTag): boolean {
    if (!this.root) this.openRoot(tag);
    switch (tag.name.toLowerCase()) {
      case 'pageusecounts':
        return this.startTable(tag, RMP_PAGE_USE_VALUES * 8);
      case 'listcounts':
        return this.startTable(tag, RMP_LIST_ORDER.length * 8);
      case 'poolinfo': {
        const reader = new PoolInfoReader();
        const decoder = new HexDecoder(reader.push);
        this.pool = { line: tag.line, decoder, reader };
        this.capture = decoder;
        return true;
      }
      case 'process':
        this.process = { attrs: tag.attrs, line: tag.line, hexDigits: 0 };
        return false;
      case 'pfndatabase': {
        if (!this.deep || this.pfn) return false;
        const counter = new PfnDatabaseCounter();
        this.pfn = { line: tag.line, counter };
        this.capture = counter;
        return true;
      }
      case 'pfns': {
        const process = this.process;
        if (!process) return false;
        this.capture = { feed: (text, from, to) => (process.hexDigits += countHexDigits(text, from, to)) };
        return true;
      }
      default:
        return false;
    }
  }

  text(text: string | Buffer, from: number, to: number): void {
    this.capture?.feed(text, from, to);
  }

  close(element: OpenElement): void {
    this.capture = undefined;
    switch (element.name.toLowerCase()) {
      case 'pageusecounts':
      case 'listcounts':
        this.finishTable();
        break;
      case 'poolinfo':
        this.finishPool();
        break;
      case 'process':
        this.finishProcess();
        break;
      case 'pfndatabase':
        if (this.pfn && !this.pfn.count) this.pfn.count = this.pfn.counter.finish();
        break;
    }
  }

  finish(end: ScanEnd): void {
    this.reportCut(end);
    if (this.pageUse) {
      this.sink.fact(useCountsFact(this.file, this.pageUse, this.listCounts, this.sink));
    } else if (this.root) {
      this.sink.message('NO_DATA', 'warning', 'The snapshot holds no complete <PageUseCounts> table, so its Use Counts are unknown.', this.root.line);
    }
    if (this.deep && this.root) {
      const check = deepCheckMessage(this.pfn, this.pageUse);
      this.sink.message('DEEP_CHECK', check.severity, check.text, this.pfn?.line ?? this.root.line);
    }
  }

  private openRoot(tag: OpenTag): void {
    this.root = { name: tag.name, line: tag.line };
    const version = attribute(tag.attrs, 'Version');
    if (version !== undefined && version.trim() !== '1.0') {
      this.sink.message('VALUE_INVALID', 'info', `This snapshot says RAMMap file version "${version}"; only version 1.0 has been seen, so it was read the same way.`, tag.line);
    }
  }

  private startTable(tag: OpenTag, limit: number): boolean {
    const collector = new ByteCollector(limit);
    const decoder = new HexDecoder(collector.push);
    this.table = { element: tag.name, line: tag.line, decoder, collector, feed: (text, from, to) => decoder.feed(text, from, to) };
    this.capture = this.table;
    return true;
  }

  private finishTable(): void {
    const table = this.table;
    this.table = undefined;
    if (!table) return;
    this.warnIfOdd(table.decoder.finish(), table.element, table.line);
    const values = table.collector.u64s();
    const isPageUse = table.element.toLowerCase() === 'pageusecounts';
    const expected = isPageUse ? RMP_PAGE_USE_VALUES : RMP_LIST_ORDER.length;
    if (values.length < expected) {
      this.sink.message(
        'VALUE_INVALID',
        'warning',
        `<${table.element}> holds ${values.length} numbers where ${expected} were expected, so it was not used.`,
        table.line,
      );
      return;
    }
    if (isPageUse && (table.collector.overflow > 0 || table.collector.length % 8 !== 0)) {
      this.sink.message('VALUE_INVALID', 'warning', `<${table.element}> holds more than the expected ${expected} numbers; only the first ${expected} were used.`, table.line);
    }
    if (isPageUse) this.pageUse = { values, line: table.line };
    else this.listCounts = { values, line: table.line };
  }

  private finishPool(): void {
    const pool = this.pool;
    this.pool = undefined;
    if (!pool) return;
    this.warnIfOdd(pool.decoder.finish(), 'PoolInfo', pool.line);
    const { reader } = pool;
    if (reader.declared === undefined) return;
    if (reader.records < reader.declared) {
      this.sink.message(
        'PAYLOAD_TRUNCATED',
        'warning',
        `<PoolInfo> says it holds ${reader.declared} pool allocations but only ${reader.records} are present; the pool tags are summed from those.`,
        pool.line,
      );
    } else if (reader.extraRecords > 0 || reader.leftoverBytes > 0) {
      this.sink.message('VALUE_INVALID', 'warning', `<PoolInfo> holds data beyond its stated ${reader.declared} allocations; the extra was ignored.`, pool.line);
    }
    for (const { tag, bytes, allocations } of reader.tags()) {
      this.sink.fact({ kind: 'pool-tag', tag, bytes, allocations, source: { file: this.file, line: pool.line, field: 'PoolInfo' } });
    }
  }

  private finishProcess(): void {
    const process = this.process;
    this.process = undefined;
    if (!process) return;
    const name = attribute(process.attrs, 'Name') ?? '';
    const pidText = attribute(process.attrs, 'ProcessId') ?? attribute(process.attrs, 'Key') ?? attribute(process.attrs, 'Pid');
    const pid = parseId(pidText);
    if (pid === undefined) {
      this.sink.message('VALUE_INVALID', 'warning', `Process "${name}" has no usable ProcessId ("${pidText ?? ''}"), so it was skipped.`, process.line);
      return;
    }
    if (process.hexDigits % 8 !== 0) {
      this.sink.message('VALUE_INVALID', 'warning', `The page list of process "${name}" (PID ${pid}) ends with an incomplete entry, which was ignored.`, process.line);
    }
    const session = parseId(attribute(process.attrs, 'SessionId'));
    this.sink.fact({
      kind: 'rammap-process',
      name,
      pid,
      ...(session !== undefined && session !== 0xffffffff && { sessionId: session }),
      privateBytes: pagesToBytes(Math.floor(process.hexDigits / 8)),
      source: { file: this.file, line: process.line, field: 'Process' },
    });
  }

  private reportCut(end: ScanEnd): void {
    const inner = end.unclosed.slice(1);
    const cut = inner[inner.length - 1] ?? end.cutTag ?? end.unclosed[0];
    if (!cut) return;
    const where = cut === end.unclosed[0] ? `before the closing </${cut.name}> tag` : `inside the <${cut.name}> element that starts on line ${cut.line}`;
    this.sink.message(
      'PAYLOAD_TRUNCATED',
      'warning',
      `The snapshot ends ${where}: the file was cut short (an interrupted copy?), so anything from there on is missing; the tables completed before it were used.`,
      cut.line,
    );
  }

  private warnIfOdd(odd: boolean, element: string, line: number): void {
    if (odd) this.sink.message('VALUE_INVALID', 'warning', `<${element}> has an odd number of hex digits; the last digit was ignored.`, line);
  }
}

/** Attribute lookup that forgives case (`processid`, `ProcessID`). */
function attribute(attrs: Record<string, string>, name: string): string | undefined {
  if (Object.hasOwn(attrs, name)) return attrs[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(attrs)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** A PID or session id: decimal, or hex with 0x. */
function parseId(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const trimmed = text.trim();
  if (/^0x[0-9a-f]+$/i.test(trimmed)) return parseInt(trimmed.slice(2), 16);
  if (/^-1$/.test(trimmed)) return 0xffffffff;
  return /^\d+$/.test(trimmed) ? parseInteger(trimmed) : undefined;
}
