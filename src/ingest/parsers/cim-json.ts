import { KiB } from '../../model/bytes.js';
import type { DeviceFact, SystemField } from '../../model/facts.js';
import { parseInteger } from '../numbers.js';
import type { Parser, ParseSink } from '../parser.js';
import { parseJsonSafely, plainJsonError, preloadAjv, validateJson } from '../validate.js';
import { problemCodeOf } from './pnpdevice-csv.js';

type CimObject = Record<string, unknown>;
type CimClass = 'win32_operatingsystem' | 'win32_computersystem' | 'win32_physicalmemory' | 'win32_videocontroller' | 'win32_pnpentity' | 'win32_bios';

const CLASS_NAMES = /Win32_(?:OperatingSystem|ComputerSystem|PhysicalMemory|VideoController|PnPEntity|BIOS)\b/i;
const HALLMARK_KEYS = /"(?:TotalVisibleMemorySize|FreePhysicalMemory|TotalPhysicalMemory|AdapterRAM|PNPDeviceID|ConfigManagerErrorCode|SMBIOSMemoryType)"\s*:/;

const MAX_JSON_BYTES = 64 * 1024 * 1024;

/**
 * `Get-CimInstance <Class> | ConvertTo-Json` and `Get-WmiObject`: one object, an array, several values
 * concatenated (`>>`), or an object keyed by class name. Each object's class comes from CimClass, __CLASS,
 * CimSystemProperties.ClassName, or failing those its hallmark properties.
 */
export const cimJson: Parser = {
  format: 'cim-json',
  title: 'Get-CimInstance | ConvertTo-Json',
  sniff(head) {
    if (!/^\s*[[{]/.test(head)) return 0;
    if (/"(?:VMName|DynamicMemoryEnabled)"\s*:/.test(head)) return 0; // Hyper-V VM objects: another parser's
    return CLASS_NAMES.test(head) || HALLMARK_KEYS.test(head) ? 0.95 : 0;
  },
  async parse(input, sink) {
    // The whole document is held in memory to parse it; real CIM exports are a few MB at most.
    if (input.size > MAX_JSON_BYTES) {
      sink.message('FILE_UNREADABLE', 'error', 'This JSON file is too large for a CIM export (over 64 MiB), so it was not read.');
      return;
    }
    await preloadAjv();
    let text = '';
    for await (const chunk of input.chunks()) text += chunk;
    const scan = scanJson(text);
    const reader = new CimReader(input.file, sink, scan.braceLines);
    if (scan.segments.length === 0) {
      sink.message('NO_DATA', 'error', 'The file holds no JSON object or array; expected the output of Get-CimInstance ... | ConvertTo-Json.');
      return;
    }
    for (const segment of scan.segments) readSegment(text, segment, reader, sink);
    reader.finish();
  },
};

// ---- scanning: top-level values and the line of every `{` ----

interface Span {
  start: number;
  end: number;
  line: number;
  /** Index in braceLines of the first `{` inside the span. */
  firstBrace: number;
}

interface Segment extends Span {
  closed: boolean;
  isArray: boolean;
  /** Complete object/array elements of a top-level array, for salvaging a truncated file. */
  elements: Span[];
}

function scanJson(text: string): { segments: Segment[]; braceLines: number[] } {
  const segments: Segment[] = [];
  const braceLines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let segment: Segment | undefined;
  let element: Span | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = depth > 0;
    } else if (c === '{' || c === '[') {
      const firstBrace = braceLines.length;
      if (c === '{') braceLines.push(line);
      if (depth === 0) segment = { start: i, end: text.length, line, firstBrace, closed: false, isArray: c === '[', elements: [] };
      else if (depth === 1 && segment?.isArray) element = { start: i, end: i, line, firstBrace };
      depth++;
    } else if ((c === '}' || c === ']') && depth > 0) {
      depth--;
      if (depth === 1 && element && segment) {
        segment.elements.push({ ...element, end: i + 1 });
        element = undefined;
      } else if (depth === 0 && segment) {
        segments.push({ ...segment, end: i + 1, closed: true });
        segment = undefined;
      }
    }
  }
  if (segment) segments.push(segment);
  return { segments, braceLines };
}

function readSegment(text: string, segment: Segment, reader: CimReader, sink: ParseSink): void {
  if (segment.closed) {
    const parsed = tryParse(text, segment);
    if (parsed.ok) {
      if (validateJson('cimDocument', parsed.value, sink, 'JSON document', segment.line)) reader.collect(parsed.value, undefined, segment.firstBrace);
      return;
    }
    const salvage = segment.elements.length > 0 ? 'only the complete objects in it were used' : 'it was not used';
    sink.message('VALUE_INVALID', 'warning', `This is not valid JSON (${parsed.reason}); ${salvage}.`, lineAt(text, parsed.position ?? segment.start));
  } else {
    sink.message('PAYLOAD_TRUNCATED', 'warning', 'The JSON ends before it is closed: the file looks cut short, so only the complete objects before the cut were used.', segment.line);
  }
  for (const element of segment.elements) {
    const parsed = tryParse(text, element);
    if (parsed.ok) reader.collect(parsed.value, undefined, element.firstBrace);
    else sink.message('VALUE_INVALID', 'warning', `An object that is not valid JSON was skipped (${parsed.reason}).`, element.line);
  }
}

type Parsed = { ok: true; value: unknown } | { ok: false; reason: string; position?: number };

function tryParse(text: string, span: Span): Parsed {
  try {
    return { ok: true, value: parseJsonSafely(text.slice(span.start, span.end)) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const reason = plainJsonError(message);
    return { ok: false, reason, ...(position && { position: span.start + Number(position[1]) }) };
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// ---- reading instances ----

class CimReader {
  private installed: { bytes: number; line: number } | undefined;
  private brace = 0;

  constructor(
    private readonly file: string,
    private readonly sink: ParseSink,
    private readonly braceLines: number[],
  ) {}

  /** Walks a parsed value in document order, so the n-th object met is the n-th `{` of the text. */
  collect(value: unknown, classHint: CimClass | undefined, firstBrace?: number): void {
    if (firstBrace !== undefined) this.brace = firstBrace;
    if (Array.isArray(value)) {
      for (const item of value) this.collect(item, classHint);
      return;
    }
    if (!isObject(value)) return;
    const line = this.braceLines[this.brace++];
    const cimClass = classOf(value) ?? classHint;
    if (cimClass) {
      this.brace += countObjects(value) - 1;
      if (validateJson('cimObject', value, this.sink, `${CLASS_TITLES[cimClass]} object`, line)) this.read(cimClass, value, line);
      return;
    }
    // `{ "Win32_OperatingSystem": {...}, "Win32_VideoController": [...] }`, or an object guestram does not use.
    for (const [key, inner] of Object.entries(value)) {
      const hint = knownClass(key);
      if (hint) this.collect(inner, hint);
      else this.brace += countObjects(inner);
    }
  }

  finish(): void {
    if (this.installed) this.system('installedBytes', this.installed.bytes, this.installed.line, 'Capacity');
  }

  private read(cimClass: CimClass, o: CimObject, line: number | undefined): void {
    switch (cimClass) {
      case 'win32_operatingsystem': {
        this.text('hostName', o, 'CSName', line);
        this.text('osName', o, 'Caption', line);
        this.text('osVersion', o, 'Version', line);
        this.text('osArchitecture', o, 'OSArchitecture', line);
        this.size('visibleBytes', o, 'TotalVisibleMemorySize', KiB, line);
        this.size('availableBytes', o, 'FreePhysicalMemory', KiB, line);
        const limit = this.size('commitLimitBytes', o, 'TotalVirtualMemorySize', KiB, line);
        const free = this.integer(o, 'FreeVirtualMemory', line);
        if (limit !== undefined && free !== undefined) this.system('committedBytes', limit - free * KiB, line, 'TotalVirtualMemorySize - FreeVirtualMemory');
        return;
      }
      case 'win32_computersystem': {
        this.text('hostName', o, typeof o.DNSHostName === 'string' ? 'DNSHostName' : 'Name', line);
        this.text('manufacturer', o, 'Manufacturer', line);
        this.text('model', o, 'Model', line);
        this.size('visibleBytes', o, 'TotalPhysicalMemory', 1, line);
        const present = o.HypervisorPresent;
        const flag = typeof present === 'string' ? present.toLowerCase() : present;
        if (flag === true || flag === 'true') this.system('hypervisorPresent', true, line, 'HypervisorPresent');
        if (flag === false || flag === 'false') this.system('hypervisorPresent', false, line, 'HypervisorPresent');
        return;
      }
      case 'win32_physicalmemory': {
        const capacity = this.integer(o, 'Capacity', line);
        if (capacity === undefined) return;
        if (this.installed) this.installed.bytes += capacity;
        else this.installed = { bytes: capacity, line: line ?? 0 };
        return;
      }
      case 'win32_bios':
        this.text('biosVersion', o, 'SMBIOSBIOSVersion', line);
        return;
      case 'win32_videocontroller':
      case 'win32_pnpentity':
        this.device(cimClass, o, line);
        return;
    }
  }

  private device(cimClass: 'win32_videocontroller' | 'win32_pnpentity', o: CimObject, line: number | undefined): void {
    const video = cimClass === 'win32_videocontroller';
    const instanceId = str(o.PNPDeviceID) ?? str(o.InstanceId) ?? (video ? undefined : str(o.DeviceID));
    const name = str(o.Name) ?? str(o.FriendlyName) ?? str(o.Caption) ?? str(o.Description) ?? instanceId;
    if (!name) {
      this.sink.message('VALUE_INVALID', 'warning', `A ${video ? 'video controller' : 'PnP device'} without a name or device ID was skipped.`, line);
      return;
    }
    const fact: DeviceFact = { kind: 'device', name, source: this.source(line) };
    const deviceClass = video ? 'Display' : (str(o.PNPClass) ?? str(o.Class));
    if (deviceClass) fact.deviceClass = deviceClass;
    const status = str(o.Status);
    if (status) fact.status = status;
    if (instanceId) fact.instanceId = instanceId;
    const problem = o.ConfigManagerErrorCode;
    if (typeof problem === 'number' || (typeof problem === 'string' && problem.trim() !== '')) {
      const code = problemCodeOf(problem);
      if (code === undefined) this.sink.message('VALUE_INVALID', 'warning', `The ConfigManagerErrorCode of "${name}" should be a number, not "${String(problem)}".`, line);
      else fact.problemCode = code;
    }
    const service = str(o.Service);
    if (service) fact.service = service;
    if (video) {
      const ram = this.integer(o, 'AdapterRAM', line);
      if (ram !== undefined) fact.adapterRamBytes = ram;
    }
    if (typeof o.Present === 'boolean') fact.present = o.Present;
    this.sink.fact(fact);
  }

  private text(field: SystemField, o: CimObject, property: string, line: number | undefined): void {
    const value = str(o[property]);
    if (value) this.system(field, value, line, property);
  }

  private size(field: SystemField, o: CimObject, property: string, factor: number, line: number | undefined): number | undefined {
    const amount = this.integer(o, property, line);
    if (amount === undefined) return undefined;
    this.system(field, amount * factor, line, property);
    return amount * factor;
  }

  private integer(o: CimObject, property: string, line: number | undefined): number | undefined {
    const raw = o[property];
    if (raw === undefined || raw === null || raw === '') return undefined;
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseInteger(raw) : undefined;
    if (value === undefined || !Number.isInteger(value) || value < 0) {
      this.sink.message('VALUE_INVALID', 'warning', `"${property}" should be a whole non-negative number, not ${JSON.stringify(raw)}.`, line);
      return undefined;
    }
    return value;
  }

  private system(field: SystemField, value: string | number | boolean, line: number | undefined, property: string): void {
    this.sink.fact({ kind: 'system', field, value, source: this.source(line, property) });
  }

  private source(line: number | undefined, field?: string) {
    return { file: this.file, ...(line !== undefined && { line }), ...(field !== undefined && { field }) };
  }
}

function classOf(o: CimObject): CimClass | undefined {
  const cimClass = o.CimClass;
  const fromCimClass = typeof cimClass === 'string' ? cimClass.split(':').pop() : isObject(cimClass) ? str(cimClass.CimClassName) : undefined;
  const system = o.CimSystemProperties;
  const declared = fromCimClass ?? str(o.__CLASS) ?? (isObject(system) ? str(system.ClassName) : undefined);
  if (declared) return knownClass(declared);
  if ('TotalVisibleMemorySize' in o || 'FreePhysicalMemory' in o) return 'win32_operatingsystem';
  if ('TotalPhysicalMemory' in o) return 'win32_computersystem';
  if ('Capacity' in o && ('DeviceLocator' in o || 'BankLabel' in o || 'PartNumber' in o || 'SMBIOSMemoryType' in o)) return 'win32_physicalmemory';
  if ('AdapterRAM' in o || 'VideoProcessor' in o || 'CurrentHorizontalResolution' in o) return 'win32_videocontroller';
  if ('PNPClass' in o || ('ClassGuid' in o && 'PNPDeviceID' in o) || ('InstanceId' in o && 'ConfigManagerErrorCode' in o)) return 'win32_pnpentity';
  if ('SMBIOSBIOSVersion' in o) return 'win32_bios';
  return undefined;
}

const CLASS_TITLES: Record<CimClass, string> = {
  win32_operatingsystem: 'Win32_OperatingSystem',
  win32_computersystem: 'Win32_ComputerSystem',
  win32_physicalmemory: 'Win32_PhysicalMemory',
  win32_videocontroller: 'Win32_VideoController',
  win32_pnpentity: 'Win32_PnPEntity',
  win32_bios: 'Win32_BIOS',
};
const KNOWN_CLASSES = Object.keys(CLASS_TITLES) as CimClass[];

function knownClass(name: string): CimClass | undefined {
  const lower = name.trim().toLowerCase();
  return KNOWN_CLASSES.find((c) => c === lower);
}

function countObjects(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countObjects(item), 0);
  if (!isObject(value)) return 0;
  let count = 1;
  for (const inner of Object.values(value)) count += countObjects(inner);
  return count;
}

function isObject(value: unknown): value is CimObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
