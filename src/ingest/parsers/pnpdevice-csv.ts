import type { DeviceFact } from '../../model/facts.js';
import { csvRows, detectDelimiter, headerLine } from '../csv.js';
import type { Line } from '../input.js';
import { parseInteger } from '../numbers.js';
import type { Parser, ParseSink } from '../parser.js';

/**
 * `Get-PnpDevice | Export-Csv` (5.1 adds a `#TYPE` line) and `Get-CimInstance Win32_PnPEntity | Export-Csv`,
 * plus the default `Get-PnpDevice` table `Status Class FriendlyName InstanceId` read by its dash-line column extents.
 */
export const pnpdeviceCsv: Parser = {
  format: 'pnpdevice-csv',
  title: 'Get-PnpDevice (Export-Csv or table)',
  sniff(head) {
    if (tableHeaderIn(head)) return 0.9;
    const header = headerLine(head);
    if (!header.includes('"') && !header.includes(',') && !header.includes(';')) return 0;
    const names = new Set(splitHeader(header).map(normalize));
    const hasId = names.has('instanceid') || names.has('pnpdeviceid');
    const hasDevice = names.has('friendlyname') || names.has('pnpclass') || names.has('class') || names.has('classguid');
    const hasState = names.has('configmanagererrorcode') || names.has('problem') || names.has('status');
    if (/^#TYPE .*Win32_PnPEntity/im.test(head) && hasId) return 0.95;
    return hasId && hasDevice && hasState ? 0.9 : 0;
  },
  async parse(input, sink) {
    if (tableHeaderIn(input.head)) await parseTable(input.lines(), input.file, sink);
    else await parseCsv(input, sink);
  },
};

type Column = 'name' | 'deviceClass' | 'status' | 'instanceId' | 'problem' | 'service' | 'present';

/** Header aliases, most specific first (FriendlyName over Name, ConfigManagerErrorCode over Problem). */
const ALIASES: [Column, string[]][] = [
  ['name', ['friendlyname', 'name', 'caption', 'description']],
  ['deviceClass', ['class', 'pnpclass']],
  ['status', ['status']],
  ['instanceId', ['instanceid', 'pnpdeviceid', 'deviceid']],
  ['problem', ['configmanagererrorcode', 'problem']],
  ['service', ['service']],
  ['present', ['present']],
];

async function parseCsv(input: Parameters<Parser['parse']>[0], sink: ParseSink): Promise<void> {
  let columns: Partial<Record<Column, number>> | undefined;
  let rows = 0;
  for await (const row of csvRows(input, sink, detectDelimiter(headerLine(input.head)))) {
    if (!columns) {
      if (row.cells.length === 1 && row.cells[0]!.startsWith('#')) continue; // #TYPE line
      columns = mapColumns(row.cells);
      if (columns.name === undefined && columns.instanceId === undefined) {
        sink.message('COLUMN_MISSING', 'error', 'No device columns were found: expected a Get-PnpDevice header with "FriendlyName" (or "Name") and "InstanceId".', row.line);
        return;
      }
      continue;
    }
    rows++;
    const cell = (column: Column) => {
      const index = columns![column];
      return index === undefined ? undefined : row.cells[index]?.trim();
    };
    emitDevice(cell, input.file, row.line, sink);
  }
  if (rows === 0) sink.message('NO_DATA', 'warning', 'The device list has a header but no devices.');
}

function mapColumns(header: string[]): Partial<Record<Column, number>> {
  const index = new Map(header.map((name, i) => [normalize(name), i] as const));
  const columns: Partial<Record<Column, number>> = {};
  for (const [column, aliases] of ALIASES) {
    const found = aliases.map((alias) => index.get(alias)).find((i) => i !== undefined);
    if (found !== undefined) columns[column] = found;
  }
  return columns;
}

function emitDevice(cell: (column: Column) => string | undefined, file: string, line: number, sink: ParseSink): void {
  const instanceId = cell('instanceId') || undefined;
  const name = cell('name') || instanceId;
  if (!name) {
    sink.message('VALUE_INVALID', 'warning', 'This device row has neither a name nor an instance ID and was skipped.', line);
    return;
  }
  const fact: DeviceFact = { kind: 'device', name, source: { file, line } };
  const deviceClass = cell('deviceClass');
  if (deviceClass) fact.deviceClass = deviceClass;
  const status = cell('status');
  if (status) fact.status = status;
  if (instanceId) fact.instanceId = instanceId;
  const problem = cell('problem');
  if (problem) {
    const code = problemCodeOf(problem);
    if (code === undefined) sink.message('VALUE_INVALID', 'warning', `The problem code of "${name}" should be a number or a CM_PROB_ name, not "${problem}".`, line);
    else fact.problemCode = code;
  }
  const service = cell('service');
  if (service) fact.service = service;
  const present = cell('present')?.toLowerCase();
  if (present === 'true' || present === 'false') fact.present = present === 'true';
  sink.fact(fact);
}

// ---- default table ----

// [ \t] rather than \s: a \s* that can cross line breaks makes this regex quadratic on a run of blank lines.
const TABLE_HEADER = /^[ \t]*Status[ \t]+Class[ \t]+FriendlyName[ \t]+(?:InstanceId|DeviceID|PNPDeviceID)[ \t]*$/im;
const DASH_LINE = /^\s*-+(\s+-+)*\s*$/;

function tableHeaderIn(head: string): boolean {
  const match = TABLE_HEADER.exec(head);
  if (!match) return false;
  const next = head.slice(match.index + match[0].length).replace(/^\r?\n/, '').split(/\r?\n/)[0] ?? '';
  return DASH_LINE.test(next);
}

async function parseTable(lines: AsyncIterable<Line>, file: string, sink: ParseSink): Promise<void> {
  let previous = '';
  let extents: { column: Column | undefined; start: number; end: number }[] | undefined;
  let rows = 0;
  for await (const { number, text } of lines) {
    if (DASH_LINE.test(text) && previous.trim() !== '') {
      extents = columnExtents(previous, text);
      previous = text;
      continue;
    }
    previous = text;
    if (!extents || text.trim() === '' || TABLE_HEADER.test(text)) continue;
    const values = new Map<Column, string>();
    for (const { column, start, end } of extents) if (column) values.set(column, text.slice(start, end).trim());
    rows++;
    emitDevice((column) => values.get(column), file, number, sink);
  }
  if (!extents) sink.message('COLUMN_MISSING', 'error', 'The device table has no "Status Class FriendlyName InstanceId" header with a dash line under it.');
  else if (rows === 0) sink.message('NO_DATA', 'warning', 'The device table has a header but no devices.');
}

/** Columns span from the start of their dash run to the start of the next; the last runs to the end of the line. */
function columnExtents(header: string, dashes: string): { column: Column | undefined; start: number; end: number }[] {
  const starts = [...dashes.matchAll(/-+/g)].map((m) => m.index);
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]! : Number.MAX_SAFE_INTEGER;
    const name = normalize(header.slice(start, end));
    const column = ALIASES.find(([, aliases]) => aliases.includes(name))?.[0];
    return { column, start, end };
  });
}

function normalize(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_"]/g, '');
}

function splitHeader(line: string): string[] {
  return line.split(/[,;\t]/);
}

// ---- problem codes ----

/** CM_PROB_* names by code (cfg.h), as Get-PnpDevice's Problem column prints them. */
const CM_PROB_NAMES = [
  'NONE', 'NOT_CONFIGURED', 'DEVLOADER_FAILED', 'OUT_OF_MEMORY', 'ENTRY_IS_WRONG_TYPE', 'LACKED_ARBITRATOR',
  'BOOT_CONFIG_CONFLICT', 'FAILED_FILTER', 'DEVLOADER_NOT_FOUND', 'INVALID_DATA', 'FAILED_START', 'LIAR',
  'NORMAL_CONFLICT', 'NOT_VERIFIED', 'NEED_RESTART', 'REENUMERATION', 'PARTIAL_LOG_CONF', 'UNKNOWN_RESOURCE',
  'REINSTALL', 'REGISTRY', 'VXDLDR', 'WILL_BE_REMOVED', 'DISABLED', 'DEVLOADER_NOT_READY', 'DEVICE_NOT_THERE',
  'MOVED', 'TOO_EARLY', 'NO_VALID_LOG_CONF', 'FAILED_INSTALL', 'HARDWARE_DISABLED', 'CANT_SHARE_IRQ', 'FAILED_ADD',
  'DISABLED_SERVICE', 'TRANSLATION_FAILED', 'NO_SOFTCONFIG', 'BIOS_TABLE', 'IRQ_TRANSLATION_FAILED',
  'FAILED_DRIVER_ENTRY', 'DRIVER_FAILED_PRIOR_UNLOAD', 'DRIVER_FAILED_LOAD', 'DRIVER_SERVICE_KEY_INVALID',
  'LEGACY_SERVICE_NO_DEVICES', 'DUPLICATE_DEVICE', 'FAILED_POST_START', 'HALTED', 'PHANTOM', 'SYSTEM_SHUTDOWN',
  'HELD_FOR_EJECT', 'DRIVER_BLOCKED', 'REGISTRY_TOO_LARGE', 'SETPROPERTIES_FAILED', 'WAITING_ON_DEPENDENCY',
  'UNSIGNED_DRIVER', 'USED_BY_DEBUGGER', 'DEVICE_RESET', 'CONSOLE_LOCKED', 'NEED_CLASS_CONFIG', 'GUEST_ASSIGNMENT_FAILED',
];

/** A Device Manager problem code from a number (`28`) or a CM_PROB_ name (`CM_PROB_FAILED_INSTALL`). */
export function problemCodeOf(raw: string | number): number | undefined {
  if (typeof raw === 'number') return Number.isInteger(raw) && raw >= 0 ? raw : undefined;
  const text = raw.trim();
  const numeric = parseInteger(text);
  if (numeric !== undefined) return numeric;
  const index = CM_PROB_NAMES.indexOf(text.toUpperCase().replace(/^CM_PROB_/, ''));
  return index >= 0 && /^CM_PROB_/i.test(text) ? index : undefined;
}
