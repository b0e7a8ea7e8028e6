import { unitFactor } from '../../model/bytes.js';
import { HYPERVISOR_DETECTED, SYSTEMINFO_LABELS } from './systeminfo-labels.js';
import type { SystemField } from '../../model/facts.js';
import type { ParseSink } from '../parser.js';

/** Column order of `systeminfo /fo csv` (formats.md §3.6), the same in every language. */
export const CSV_COLUMN_ORDER: (SystemField | undefined)[] = [
  'hostName', 'osName', 'osVersion', undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined,
  'manufacturer', 'model', 'osArchitecture', undefined, 'biosVersion', undefined, undefined, undefined, undefined, undefined, undefined,
  'visibleBytes', 'availableBytes', 'commitLimitBytes', undefined, 'committedBytes', undefined, undefined, undefined, undefined, undefined,
  'hypervisorPresent',
];

export const SIZE_FIELDS = new Set<SystemField>(['visibleBytes', 'availableBytes', 'commitLimitBytes', 'committedBytes']);

/** Full comparison key: letters and digits of any script, lowercase, apostrophe and spacing variants ignored. */
function fullKey(label: string): string {
  return label.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * ASCII-only key, for legacy OEM text read as cp1252 where accented letters come out garbled
 * (cp850 `ü` reads as a control character): comparing only the ASCII letters still matches.
 */
function asciiKey(label: string): string {
  return label.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const BY_FULL_KEY = new Map<string, SystemField>();
const BY_ASCII_KEY = new Map<string, SystemField>();
for (const [field, labels] of Object.entries(SYSTEMINFO_LABELS) as [SystemField, string[]][]) {
  for (const label of labels) {
    BY_FULL_KEY.set(fullKey(label), field);
    const ascii = asciiKey(label);
    // Only mostly-Latin labels have an ASCII key that still identifies them.
    if (ascii.length >= 6 && ascii.length >= fullKey(label).length * 0.6) BY_ASCII_KEY.set(ascii, field);
  }
}

/** The system field a localized systeminfo label names, or undefined for labels guestram does not use. */
export function fieldForLabel(label: string): SystemField | undefined {
  return BY_FULL_KEY.get(fullKey(label)) ?? BY_ASCII_KEY.get(asciiKey(label));
}

/**
 * A systeminfo memory value: whole MB with culture grouping, `2,045 MB`, `2.045 MB`, `2 045 МБ`, `8 087 Mo`.
 * MB counts are integers, so any separator between digit groups is grouping, never a decimal point.
 */
export function parseSystemInfoSize(raw: string): number | undefined {
  const match = /^\s*(\d[^\p{L}]*?)\s*([\p{L}]+)\.?\s*$/u.exec(raw);
  if (!match) return undefined;
  const factor = unitFactor(match[2]!);
  const amount = match[1]!.trim();
  if (factor === undefined || !/^\d{1,3}(?:[^\d]{1,2}\d{3})*$|^\d+$/.test(amount)) return undefined;
  return Number(amount.replace(/\D/g, '')) * factor;
}

/** True when the Hyper-V Requirements value says a hypervisor is running (in any of the supported languages). */
export function saysHypervisorDetected(value: string): boolean {
  return HYPERVISOR_DETECTED.test(value);
}

/** Turns one systeminfo value into a system fact; a size that cannot be read becomes a warning. */
export function emitSystemValue(field: SystemField, raw: string, label: string, file: string, line: number, sink: ParseSink): void {
  const text = raw.trim();
  if (text === '') return;
  const source = { file, line, field: label };
  if (SIZE_FIELDS.has(field)) {
    const bytes = parseSystemInfoSize(text);
    if (bytes === undefined) {
      sink.message('VALUE_INVALID', 'warning', `"${label}" should be a size in MB such as "2,045 MB", not "${text}".`, line);
      return;
    }
    sink.fact({ kind: 'system', field, value: bytes, source });
    return;
  }
  const value = field === 'hypervisorPresent' ? saysHypervisorDetected(text) : text;
  sink.fact({ kind: 'system', field, value, source });
}
