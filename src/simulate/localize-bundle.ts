import { createDecoder, sniffEncoding, type Encoding } from '../ingest/encoding.js';
import { detectFormat } from '../ingest/detect.js';
import type { FormatId } from '../ingest/parser.js';
import { PARSERS } from '../ingest/parsers/index.js';
import { localizeCounter, type CounterLanguage } from '../model/counter-names.js';
import { BASIC_DISPLAY_DRIVER_NAMES, BASIC_DISPLAY_NAMES, BASIC_RENDER_NAMES } from '../model/hardware-ids.js';
import { WORDS as DRIVERQUERY_WORDS } from './emit/driverquery-csv.js';
import { LABELS as SYSTEMINFO_LABELS, WORDING } from './emit/systeminfo-fields.js';
import { CULTURES, formatDateTime, groupDigits, quotedCsvLine, type LocalTime } from './emit/text.js';
import type { Locale } from './state.js';

/**
 * Rewrites an English bundle file as the same Windows would have written it in another display language: what
 * the tools translate (systeminfo labels and words, counter paths, Microsoft's device names, driverquery headers)
 * is translated, numbers and dates take the culture's format, and the encoding is the one the tool uses there
 * (cmd.exe's OEM code page for systeminfo, the ANSI code page for typeperf, ASCII with `?` for Windows
 * PowerShell 5.1's Export-Csv). Sizes, ids and everything language-independent stay byte for byte, so the
 * localized twin of a bundle must give the same findings. Files of other formats are copied unchanged.
 */
export function localizeBundleFile(content: Uint8Array, locale: Exclude<Locale, 'en-US'>): Uint8Array {
  const sniffed = sniffEncoding(content.subarray(0, 64 * 1024));
  if ('binary' in sniffed) return content;
  const text = createDecoder(sniffed.encoding).decode(content.subarray(sniffed.bomLength));
  const format = detectFormat(text.slice(0, 64 * 1024), PARSERS)?.parser.format;
  const localized = format && LOCALIZERS[format]?.(text, locale);
  if (localized === undefined) return content;
  const target = TARGET_ENCODING[format!]?.(locale) ?? writtenAs(content, sniffed.encoding, sniffed.bomLength);
  return encode(localized, target);
}

type Localizer = (text: string, locale: Exclude<Locale, 'en-US'>) => string;

const LANGUAGE: Record<Exclude<Locale, 'en-US'>, CounterLanguage> = { 'de-DE': 'de', 'fr-FR': 'fr', 'ru-RU': 'ru', 'es-ES': 'es' };

/** cmd.exe writes systeminfo in the OEM code page; typeperf writes the ANSI one. */
const OEM: Record<Exclude<Locale, 'en-US'>, TargetEncoding> = { 'de-DE': 'ibm850', 'fr-FR': 'ibm850', 'ru-RU': 'ibm866', 'es-ES': 'ibm850' };
const ANSI: Record<Exclude<Locale, 'en-US'>, TargetEncoding> = { 'de-DE': 'windows-1252', 'fr-FR': 'windows-1252', 'ru-RU': 'windows-1251', 'es-ES': 'windows-1252' };

const TARGET_ENCODING: Partial<Record<FormatId, (locale: Exclude<Locale, 'en-US'>) => TargetEncoding>> = {
  'systeminfo-list': (locale) => OEM[locale],
  'systeminfo-csv': (locale) => OEM[locale],
  'pdh-csv': (locale) => ANSI[locale],
  'driverquery-csv': (locale) => OEM[locale],
};

const LOCALIZERS: Partial<Record<FormatId, Localizer>> = {
  'systeminfo-list': localizeSysteminfoList,
  'systeminfo-csv': localizeSysteminfoCsv,
  'pdh-csv': localizePdhHeader,
  'cim-json': (text, locale) => replaceDeviceNames(text, locale, (name) => `"${name}"`),
  'pnpdevice-csv': (text, locale) => replaceDeviceNames(text, locale, (name) => `"${name}"`),
  'getprocess-table': (text, locale) => text.replace(N2, (n) => cultureNumber(n, locale)),
  'getprocess-sum': (text, locale) => text.replace(N2, (n) => cultureNumber(n, locale)),
  'getprocess-csv': localizeProcessCsv,
  'driverquery-csv': localizeDriverquery,
};

// ---- numbers and dates ----

/** `1,783.59`, `64.00`: .NET "N2" in en-US. */
const N2 = /(?<![\d.,])\d{1,3}(?:,\d{3})*\.\d+(?![\d.,])/g;

function cultureNumber(en: string, locale: Exclude<Locale, 'en-US'>): string {
  const { group, decimal } = CULTURES[locale];
  return en.replace(/[,.]/g, (c) => (c === ',' ? group : decimal));
}

const EN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(,? )(\d{1,2}):(\d{2}):(\d{2}) (AM|PM)$/;

function cultureDate(en: string, locale: Exclude<Locale, 'en-US'>): string {
  const match = EN_DATE.exec(en.trim());
  if (!match) return en;
  const [, month, day, year, separator, hour, minute, second, half] = match;
  const h = (Number(hour) % 12) + (half === 'PM' ? 12 : 0);
  const t: LocalTime = { year: Number(year), month: Number(month), day: Number(day), hour: h, minute: Number(minute), second: Number(second), millisecond: 0 };
  return formatDateTime(t, locale, separator);
}

/** `4,095 MB` → `4 095 МБ` (ru), `4.095 MB` (de). */
function systeminfoSize(en: string, locale: Exclude<Locale, 'en-US'>): string {
  const match = /^([\d,]+) MB$/.exec(en.trim());
  return match ? `${groupDigits(Number(match[1]!.replace(/,/g, '')), locale)} ${WORDING[locale].mb}` : en;
}

// ---- systeminfo ----

const EN_LABELS = SYSTEMINFO_LABELS['en-US'];
const SIZE_INDEXES = new Set([22, 23, 24, 25, 26]);
const DATE_INDEXES = new Set([9, 10]);
const HYPER_V_INDEX = 32;

function systeminfoValue(index: number, value: string, locale: Exclude<Locale, 'en-US'>): string {
  if (SIZE_INDEXES.has(index)) return systeminfoSize(value, locale);
  if (DATE_INDEXES.has(index)) return cultureDate(value, locale);
  if (index === HYPER_V_INDEX && value.trim() === WORDING['en-US'].hypervisorDetected) return WORDING[locale].hypervisorDetected;
  return value;
}

/** Labels padded to one value column, as systeminfo pads them; continuation lines follow the new column. */
function localizeSysteminfoList(text: string, locale: Exclude<Locale, 'en-US'>): string {
  const labels = SYSTEMINFO_LABELS[locale];
  const width = Math.max(...labels.map((l) => l.length)) + 2;
  let enWidth = 0;
  return text
    .split('\n')
    .map((raw) => {
      const cr = raw.endsWith('\r') ? '\r' : '';
      const line = cr ? raw.slice(0, -1) : raw;
      const index = EN_LABELS.findIndex((label) => line.startsWith(`${label}:`));
      if (index >= 0) {
        const value = line.slice(EN_LABELS[index]!.length + 1);
        enWidth = EN_LABELS[index]!.length + 1 + (value.length - value.trimStart().length);
        return `${`${labels[index]}:`.padEnd(width)}${systeminfoValue(index, value.trimStart(), locale)}${cr}`;
      }
      if (enWidth > 0 && line.startsWith(' '.repeat(enWidth))) return ' '.repeat(width) + line.slice(enWidth) + cr;
      return raw;
    })
    .join('\n');
}

function localizeSysteminfoCsv(text: string, locale: Exclude<Locale, 'en-US'>): string {
  return mapCsvLines(text, (cells, row) =>
    row === 0 ? cells.map((cell) => SYSTEMINFO_LABELS[locale][EN_LABELS.indexOf(cell)] ?? cell) : cells.map((cell, i) => systeminfoValue(i, cell, locale)),
  );
}

// ---- counters ----

function localizePdhHeader(text: string, locale: Exclude<Locale, 'en-US'>): string {
  return mapCsvLines(text, (cells, row) =>
    row > 0
      ? cells
      : cells.map((cell, i) => {
          const match = i > 0 ? /^(\\\\[^\\]+\\)([^\\(]+)(\([^)]*\))?\\(.+)$/.exec(cell) : null;
          if (!match) return cell;
          const [, host, object, instance, counter] = match;
          const localized = localizeCounter(object!, counter!, LANGUAGE[locale]);
          return `${host}${localized.object}${instance ?? ''}\\${localized.counter}`;
        }),
  );
}

// ---- devices ----

function deviceNames(locale: Exclude<Locale, 'en-US'>): [string, string][] {
  const lang = LANGUAGE[locale];
  return [BASIC_DISPLAY_NAMES, BASIC_DISPLAY_DRIVER_NAMES, BASIC_RENDER_NAMES].flatMap((names) => {
    const english = names.find((n) => n.lang === 'en')!.name;
    const local = names.find((n) => n.lang === lang && n.confirmed)?.name;
    return local && local !== english ? [[english, local] as [string, string]] : [];
  });
}

function replaceDeviceNames(text: string, locale: Exclude<Locale, 'en-US'>, quote: (name: string) => string): string {
  return deviceNames(locale).reduce((out, [english, local]) => out.split(quote(english)).join(quote(local)), text);
}

// ---- Get-Process | Export-Csv: CPU and StartTime are formatted in the culture (seen in real 5.1 and 7 exports) ----

function localizeProcessCsv(text: string, locale: Exclude<Locale, 'en-US'>): string {
  let cpu = -1;
  let start = -1;
  return mapCsvLines(text, (cells) => {
    if (cells[0] === 'Name') {
      cpu = cells.indexOf('CPU');
      start = cells.indexOf('StartTime');
      return cells;
    }
    return cells.map((cell, i) => (i === cpu ? cell.replace('.', CULTURES[locale].decimal) : i === start ? cultureDate(cell, locale) : cell));
  });
}

function localizeDriverquery(text: string, locale: Exclude<Locale, 'en-US'>): string {
  const en = DRIVERQUERY_WORDS['en-US'];
  const words = DRIVERQUERY_WORDS[locale];
  const translate = (table: Record<string, string>, from: Record<string, string>, cell: string) => {
    const key = Object.keys(from).find((k) => from[k] === cell);
    return key === undefined ? cell : table[key]!;
  };
  return mapCsvLines(text, (cells, row) => {
    if (row === 0) return cells.map((cell) => words.header[en.header.indexOf(cell)] ?? cell);
    return cells.map((cell, i) => {
      if (i === 4) return translate(words.startModes, en.startModes, cell);
      if (i === 5) return translate(words.states, en.states, cell);
      if (i === 12) return cultureDate(cell, locale).replace(/,/, '');
      return /^\d{1,3}(,\d{3})+$/.test(cell) ? groupDigits(Number(cell.replace(/,/g, '')), locale) : cell;
    });
  });
}

// ---- CSV lines (every export here quotes each field and has no line breaks inside fields) ----

function mapCsvLines(text: string, map: (cells: string[], row: number) => string[]): string {
  let row = -1;
  return text
    .split('\n')
    .map((raw) => {
      const cr = raw.endsWith('\r') ? '\r' : '';
      const line = cr ? raw.slice(0, -1) : raw;
      if (!line.startsWith('"')) return raw;
      row++;
      const cells = [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"'));
      const delimiter = line.includes('";"') ? ';' : ',';
      return quotedCsvLine(map(cells, row), delimiter) + cr;
    })
    .join('\n');
}

// ---- encodings ----

type TargetEncoding = Encoding | 'ascii' | 'utf-8-bom' | 'utf-16le-bom' | 'utf-16be-bom';

/** How the English file was written: its encoding and BOM, and pure ASCII as Windows PowerShell 5.1's Export-Csv writes it. */
function writtenAs(content: Uint8Array, encoding: Encoding, bomLength: number): TargetEncoding {
  if (bomLength > 0) return encoding === 'utf-8' ? 'utf-8-bom' : encoding === 'utf-16le' ? 'utf-16le-bom' : 'utf-16be-bom';
  if (encoding === 'utf-8' && content.every((b) => b < 0x80)) return 'ascii';
  return encoding;
}

function encode(text: string, target: TargetEncoding): Uint8Array {
  switch (target) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
    case 'utf-16be-bom':
      return Buffer.concat([Buffer.from(target === 'utf-16be-bom' ? [0xfe, 0xff] : []), Buffer.from(text, 'utf16le').swap16()]);
    case 'ascii':
      return Buffer.from([...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : 0x3f)));
    default:
      return encodeSingleByte(text, target);
  }
}

/** A single-byte code page by its decoder's own table; a character it lacks becomes `?`, as Windows writes it. */
function encodeSingleByte(text: string, codePage: Encoding): Uint8Array {
  const upper = createDecoder(codePage).decode(Uint8Array.from({ length: 128 }, (_, i) => 0x80 + i));
  const byChar = new Map([...upper].map((c, i) => [c, 0x80 + i]));
  return Uint8Array.from([...text].map((c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : (byChar.get(c) ?? 0x3f))));
}
