import type { HypervisorField } from '../../model/facts.js';
import { parseNumber } from '../numbers.js';
import type { Parser, ParseSink } from '../parser.js';
import { parseSize } from '../sizes.js';
import { parseJsonSafely, plainJsonError, preloadAjv, validateJson } from '../validate.js';
import { HYPERV_MEMORY_KEYS } from './hyperv-vm-json.schema.js';

/**
 * `Get-VMMemory -VMName x | ConvertTo-Json` (Startup/Minimum/Maximum in bytes, Buffer %, Priority 0–100) and
 * `Get-VM | ConvertTo-Json` (MemoryAssigned/MemoryDemand/MemoryStartup/... in bytes). One object or an array
 * of VMs; every VM's facts start with its vmName so the model can pick the right one.
 */
const MAX_JSON_BYTES = 64 * 1024 * 1024;
const MEMORY_KEYS = ['DynamicMemoryEnabled', 'Startup', 'MemoryStartup', 'MemoryAssigned'];
const CANONICAL = new Map<string, string>(HYPERV_MEMORY_KEYS.map((key) => [key.toLowerCase(), key]));

type Entry = Record<string, unknown>;
/** Where each key of one VM object sits: canonical key → [line, key as written]. */
type KeyLines = Map<string, { line: number; key: string }>;

export const hypervVmJson: Parser = {
  format: 'hyperv-vm-json',
  title: 'Hyper-V Get-VM / Get-VMMemory | ConvertTo-Json',
  sniff(head) {
    const start = head.search(/[[{]/);
    // Allow a pasted prompt line or two before the JSON, nothing more.
    if (start < 0 || head.slice(0, start).split('\n').length > 3) return 0;
    const has = (key: string) => new RegExp(`"${key}"\\s*:`, 'i').test(head);
    if (has('DynamicMemoryEnabled')) return 0.95;
    const memory = has('MemoryAssigned') || has('MemoryStartup');
    const vmIsh = has('VMName') || has('VMId') || has('Name') || has('State');
    return memory && vmIsh ? 0.9 : 0;
  },
  async parse(input, sink) {
    if (input.size > MAX_JSON_BYTES) {
      sink.message('FILE_UNREADABLE', 'error', 'This JSON file is too large for a Get-VM export (over 64 MiB).');
      return;
    }
    await preloadAjv();
    let text = '';
    for await (const chunk of input.chunks()) text += chunk;
    text = blankLeadingNoise(text);
    let data: unknown;
    try {
      data = parseJsonSafely(text);
    } catch (error) {
      reportJsonError(error as Error, text, sink);
      return;
    }
    const entries = vmEntries(data);
    if (entries?.length === 0) {
      sink.message('NO_DATA', 'error', 'The JSON holds an empty list; expected one or more VMs from Get-VM or Get-VMMemory.');
      return;
    }
    if (!validateJson('hypervVmDocument', data, sink, 'Hyper-V JSON export', 1) || !entries) return;
    const lines = objectKeyLines(text);
    const wrapped = isObject(data) && data['value'] === entries;
    entries.forEach((entry, index) => {
      const path = Array.isArray(data) ? `/${index}` : wrapped ? `/value/${index}` : '';
      const located = lines.get(path);
      const canonical = canonicalize(entry, located?.keys);
      const what = entries.length > 1 ? `Hyper-V VM entry number ${index + 1}` : 'Hyper-V VM entry';
      if (!MEMORY_KEYS.some((key) => key in canonical.entry)) {
        sink.message('SCHEMA_MISMATCH', 'error', `This ${what} has none of ${MEMORY_KEYS.join(', ')}; expected Get-VM or Get-VMMemory output.`, located?.line);
        return;
      }
      if (!validateJson('hypervVmEntry', canonical.entry, sink, what, located?.line)) return;
      emitVm(canonical.entry, canonical.keyLines, input.file, sink);
    });
  },
};

/** PowerShell 5.1 wraps some arrays as `{ "value": [...], "Count": n }`. */
function vmEntries(data: unknown): Entry[] | undefined {
  if (Array.isArray(data)) return data.every(isObject) ? data : undefined;
  if (!isObject(data)) return undefined;
  const value = data['value'];
  if (Array.isArray(value) && 'Count' in data && value.every(isObject)) return value;
  return [data];
}

function isObject(value: unknown): value is Entry {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function canonicalize(entry: Entry, located: Map<string, number> | undefined): { entry: Entry; keyLines: KeyLines } {
  const out: Entry = {};
  const keyLines: KeyLines = new Map();
  for (const [key, value] of Object.entries(entry)) {
    const canonical = CANONICAL.get(key.toLowerCase());
    if (!canonical || canonical in out) continue;
    out[canonical] = value;
    keyLines.set(canonical, { line: located?.get(key) ?? 0, key });
  }
  return { entry: out, keyLines };
}

function emitVm(entry: Entry, keyLines: KeyLines, file: string, sink: ParseSink): void {
  const emit = (field: HypervisorField, value: string | number | boolean, key: string) => {
    const where = keyLines.get(key);
    const source = where?.line ? { file, line: where.line, field: where.key } : { file, field: where?.key ?? key };
    sink.fact({ kind: 'hypervisor', hypervisor: 'hyperv', field, value, source });
  };
  const isMemoryObject = ['Startup', 'Minimum', 'Maximum'].some((key) => key in entry);
  const nameKey = str(entry['VMName']) ? 'VMName' : !isMemoryObject && str(entry['Name']) ? 'Name' : undefined;
  const name = nameKey && str(entry[nameKey]);
  if (nameKey && name) emit('vmName', name, nameKey);

  if (entry['DynamicMemoryEnabled'] !== undefined && entry['DynamicMemoryEnabled'] !== null) {
    const enabled = bool(entry['DynamicMemoryEnabled']);
    if (enabled === undefined) invalid(sink, keyLines, 'DynamicMemoryEnabled', entry['DynamicMemoryEnabled'], 'true or false');
    else emit('dynamicMemoryEnabled', enabled, 'DynamicMemoryEnabled');
  }
  const bytes = (key: string): number | undefined => {
    const raw = entry[key];
    if (raw === undefined || raw === null || raw === '') return undefined;
    const value = typeof raw === 'number' ? raw : parseSize(String(raw), 1);
    if (value === undefined || !Number.isInteger(value) || value < 0) {
      invalid(sink, keyLines, key, raw, 'a whole number of bytes');
      return undefined;
    }
    return value;
  };
  const startupKey = 'Startup' in entry ? 'Startup' : 'MemoryStartup';
  const startup = bytes(startupKey);
  if (startup !== undefined) {
    emit('configuredBytes', startup, startupKey);
    emit('dmStartupBytes', startup, startupKey);
  }
  for (const [key, field] of [
    ['Minimum', 'dmMinimumBytes'],
    ['MemoryMinimum', 'dmMinimumBytes'],
    ['Maximum', 'dmMaximumBytes'],
    ['MemoryMaximum', 'dmMaximumBytes'],
  ] as const) {
    const value = bytes(key);
    if (value !== undefined) emit(field, value, key);
  }
  for (const [key, field] of [['Buffer', 'dmBufferPercent'], ['Priority', 'dmPriority']] as const) {
    const raw = entry[key];
    if (raw === undefined || raw === null || raw === '') continue;
    const value = typeof raw === 'number' ? raw : parseNumber(String(raw));
    if (value === undefined || value < 0 || value > 100) invalid(sink, keyLines, key, raw, 'a number from 0 to 100');
    else emit(field, value, key);
  }
  const assigned = bytes('MemoryAssigned');
  if (assigned === 0) {
    // A running VM always has memory assigned: 0 means it was off or saved when exported.
    const line = keyLines.get('MemoryAssigned')?.line;
    sink.message('NO_DATA', 'info', `VM "${name ?? '?'}" has no memory assigned, so it was not running when exported; its assigned and demand memory are not used.`, line || undefined);
    return;
  }
  if (assigned !== undefined) emit('assignedBytes', assigned, 'MemoryAssigned');
  const demand = bytes('MemoryDemand');
  if (demand !== undefined) emit('demandBytes', demand, 'MemoryDemand');
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function bool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value !== 'string') return undefined;
  if (/^\s*(true|yes|1|\$true)\s*$/i.test(value)) return true;
  if (/^\s*(false|no|0|\$false)\s*$/i.test(value)) return false;
  return undefined;
}

function invalid(sink: ParseSink, keyLines: KeyLines, key: string, raw: unknown, expected: string): void {
  const where = keyLines.get(key);
  sink.message('VALUE_INVALID', 'warning', `"${where?.key ?? key}" should be ${expected}, not ${JSON.stringify(raw)}.`, where?.line || undefined);
}

/** Blanks text before the first `{`/`[` (a pasted prompt or banner), keeping line numbers. */
function blankLeadingNoise(text: string): string {
  const start = text.search(/[[{]/);
  if (start <= 0) return text;
  return text.slice(0, start).replace(/[^\r\n]/g, ' ') + text.slice(start);
}

function reportJsonError(error: Error, text: string, sink: ParseSink): void {
  const position = /position (\d+)/.exec(error.message);
  const line = position ? lineAt(text, Number(position[1])) : undefined;
  const atEnd = position !== null && Number(position[1]) >= text.trimEnd().length;
  if (atEnd || /end of (JSON )?input|unterminated/i.test(error.message)) {
    sink.message('PAYLOAD_TRUNCATED', 'error', 'The JSON ends early, as if the export was cut off; expected the complete ConvertTo-Json output.', line);
  } else {
    sink.message('SCHEMA_MISMATCH', 'error', `This is not valid JSON (${plainJsonError(error.message)}); expected the output of ConvertTo-Json.`, line);
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

interface Frame {
  kind: 'object' | 'array';
  path: string;
  index: number;
  key?: string;
  expectKey: boolean;
  keys?: Map<string, number>;
}

/**
 * Line of each object and of its keys, by JSON path (`''`, `/0`, `/value/1`), for objects up to three levels
 * deep. JSON.parse keeps no positions, so this small scanner finds them for the evidence lines.
 */
function objectKeyLines(text: string): Map<string, { line: number; keys: Map<string, number> }> {
  const found = new Map<string, { line: number; keys: Map<string, number> }>();
  const stack: Frame[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const top = stack[stack.length - 1];
    if (c === '\n') {
      line++;
    } else if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      if (top?.kind === 'object' && top.expectKey) {
        top.key = text.slice(i + 1, end);
        top.keys?.set(top.key, line);
        top.expectKey = false;
      }
      i = end;
    } else if (c === '{' || c === '[') {
      const path = !top ? '' : top.kind === 'array' ? `${top.path}/${top.index}` : `${top.path}/${top.key ?? ''}`;
      const frame: Frame = { kind: c === '{' ? 'object' : 'array', path, index: 0, expectKey: c === '{' };
      if (c === '{' && stack.length <= 3) {
        frame.keys = new Map();
        found.set(path, { line, keys: frame.keys });
      }
      stack.push(frame);
    } else if (c === '}' || c === ']') {
      stack.pop();
    } else if (c === ',' && top) {
      if (top.kind === 'array') top.index++;
      else top.expectKey = true;
    }
  }
  return found;
}
