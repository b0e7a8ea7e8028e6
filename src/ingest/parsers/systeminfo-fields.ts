import { unitFactor } from '../../model/bytes.js';
import type { SystemField } from '../../model/facts.js';
import { splitLines, type Input } from '../input.js';
import type { ParseSink } from '../parser.js';

/**
 * `systeminfo` labels (list form, without the colon) and `/fo csv` headers, per language.
 * en is from real captures (formats.md §3.6). The de/fr/ru/es labels for the memory fields are the real ones;
 * the others are from recalled localized output and may differ between Windows builds; a label that does
 * not match is simply not used, and the fixed column order of the CSV form is the fallback there.
 */
const LABELS: Record<SystemField, string[]> = {
  hostName: ['Host Name', 'Hostname', "Nom de l'hôte", 'Имя узла', 'Nombre de host'],
  osName: ['OS Name', 'Betriebssystemname', "Nom du système d'exploitation", 'Название ОС', 'Nombre del sistema operativo'],
  osVersion: ['OS Version', 'Betriebssystemversion', 'Version du système', 'Версия ОС', 'Versión del sistema operativo'],
  manufacturer: ['System Manufacturer', 'Systemhersteller', 'Fabricant du système', 'Изготовитель системы', 'Fabricante del sistema'],
  // es: some Windows builds really print "Modelo el sistema".
  model: ['System Model', 'Systemmodell', 'Modèle du système', 'Модель системы', 'Modelo del sistema', 'Modelo el sistema'],
  osArchitecture: ['System Type', 'Systemtyp', 'Type du système', 'Тип системы', 'Tipo de sistema'],
  biosVersion: ['BIOS Version', 'BIOS-Version', 'Version du BIOS', 'Версия BIOS', 'Versión del BIOS'],
  visibleBytes: ['Total Physical Memory', 'Gesamter physischer Speicher', 'Mémoire physique totale', 'Полный объем физической памяти', 'Cantidad total de memoria física'],
  availableBytes: ['Available Physical Memory', 'Verfügbarer physischer Speicher', 'Mémoire physique disponible', 'Доступная физическая память', 'Memoria física disponible'],
  // "Virtual Memory: Max Size" is the commit limit (RAM + page files); "In Use" is the commit charge.
  commitLimitBytes: [
    'Virtual Memory: Max Size',
    'Virtueller Arbeitsspeicher: Maximale Größe',
    'Mémoire virtuelle : taille maximale',
    'Виртуальная память: Макс. размер',
    'Memoria virtual: tamaño máximo',
  ],
  committedBytes: [
    'Virtual Memory: In Use',
    'Virtueller Arbeitsspeicher: Zurzeit verwendet',
    "Mémoire virtuelle : en cours d'utilisation",
    'Виртуальная память: Используется',
    'Memoria virtual: en uso',
  ],
  hypervisorPresent: ['Hyper-V Requirements', 'Hyper-V-Anforderungen', 'Configuration requise pour Hyper-V', 'Требования Hyper-V', 'Requisitos de Hyper-V'],
  installedBytes: [],
};

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
for (const [field, labels] of Object.entries(LABELS) as [SystemField, string[]][]) {
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
  return /hypervis|hyperviseur|hipervisor|гипервизор|низкоуровнев/i.test(value);
}

const LEGACY_ENCODINGS = ['windows-1252', 'ibm866', 'windows-1251'] as const;

/**
 * systeminfo redirected from cmd.exe is written in the OEM code page (cp866 on Russian Windows), which the
 * generic reader takes for cp1252. When a file was read as cp1252, this re-decodes it with whichever legacy
 * code page makes the most labels known; otherwise the input is returned as it is.
 */
export async function withLegacyCodePage(input: Input): Promise<Input> {
  if (input.encoding !== 'windows-1252') return input;
  const head = await firstBytes(input, 64 * 1024);
  let best: { encoding: string; score: number; head: string } | undefined;
  for (const encoding of LEGACY_ENCODINGS) {
    const text = new TextDecoder(encoding).decode(head);
    const score = countKnownLabels(text);
    if (!best || score > best.score) best = { encoding, score, head: text };
  }
  if (!best || best.encoding === 'windows-1252') return input;
  const encoding = best.encoding;
  const chunks = async function* () {
    const decoder = new TextDecoder(encoding);
    for await (const bytes of input.bytes()) yield decoder.decode(bytes, { stream: true });
    const rest = decoder.decode();
    if (rest) yield rest;
  };
  return { ...input, head: best.head, chunks, lines: () => splitLines(chunks()) };
}

async function firstBytes(input: Input, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const bytes of input.bytes()) {
    parts.push(bytes);
    length += bytes.length;
    if (length >= limit) break;
  }
  return Buffer.concat(parts).subarray(0, limit);
}

function countKnownLabels(text: string): number {
  let count = 0;
  for (const piece of text.split(/[\r\n",]+/)) {
    const label = piece.split(/:\s/)[0] ?? '';
    if (BY_FULL_KEY.has(fullKey(label.replace(/:\s*$/, '')))) count++;
  }
  return count;
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
