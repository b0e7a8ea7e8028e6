import type { Locale } from '../state.js';

/**
 * The one place for how Windows tools print: culture number symbols, exact rounding, encodings and BOMs,
 * PowerShell CSV quoting and fixed-width tables. Every emitter formats through these.
 */

export interface CultureSymbols {
  group: string;
  decimal: string;
  /** TextInfo.ListSeparator (Export-Csv -UseCulture). */
  list: string;
}

/**
 * Number symbols per culture as .NET on Windows prints them (the test checks them against Intl): NBSP for ru,
 * narrow NBSP for fr. Spelled out rather than asked of Intl at run time, so a bundle is byte-identical on
 * every Node build; .NET always groups (es-ES prints `1.234,56`, where CLDR would print `1234,56`).
 */
export const CULTURES: Record<Locale, CultureSymbols> = {
  'en-US': { group: ',', decimal: '.', list: ',' },
  'de-DE': { group: '.', decimal: ',', list: ';' },
  'fr-FR': { group: '\u202F', decimal: ',', list: ';' },
  'ru-RU': { group: '\u00A0', decimal: ',', list: ';' },
  'es-ES': { group: '.', decimal: ',', list: ';' },
};

/** Digits of a non-negative integer with the culture's thousands separator. */
export function groupDigits(value: number | bigint, locale: Locale): string {
  const digits = BigInt(value).toString();
  const group = CULTURES[locale].group;
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += group;
    out += digits[i];
  }
  return out;
}

/** `numerator / denominator` rounded to an integer, halves away from zero (.NET "N"/"F" formatting). */
export function divideRoundHalfAway(numerator: number, denominator: number): number {
  const n = BigInt(Math.round(numerator));
  const d = BigInt(denominator);
  const quotient = n / d;
  const twiceRemainder = 2n * (n % d);
  return Number(twiceRemainder >= d ? quotient + 1n : quotient);
}

/** `numerator / denominator` rounded to an integer, halves to even (PowerShell's [long] cast of a double). */
export function divideRoundHalfEven(numerator: number, denominator: number): number {
  const n = BigInt(Math.round(numerator));
  const d = BigInt(denominator);
  const quotient = n / d;
  const twiceRemainder = 2n * (n % d);
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) return Number(quotient + 1n);
  return Number(quotient);
}

/**
 * A fixed-point amount given as an integer count of 10^-decimals units (e.g. hundredths), printed as .NET's
 * "N<decimals>" does: grouped integer part, culture decimal separator.
 */
export function formatScaled(scaled: number, decimals: number, locale: Locale, grouped = true): string {
  const negative = scaled < 0;
  const digits = Math.abs(scaled).toString().padStart(decimals + 1, '0');
  const integer = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  const head = grouped ? groupDigits(BigInt(integer), locale) : integer;
  return (negative ? '-' : '') + head + (decimals > 0 ? CULTURES[locale].decimal + fraction : '');
}

/** `"{0:N2}" -f (bytes / unit)`, exactly: e.g. bytes in MiB with two decimals. */
export function formatN2(bytes: number, unit: number, locale: Locale): string {
  return formatScaled(divideRoundHalfAway(bytes * 100, unit), 2, locale);
}

// ---- encodings ----

/**
 * How a file's bytes are written:
 * - `utf16le-bom`: Windows PowerShell 5.1 `>` / Out-File;
 * - `utf8`: PowerShell 7 everywhere, Linux tools;
 * - `utf8-bom`: PowerShell 5.1 `-Encoding UTF8`, some editors;
 * - `ascii`: PowerShell 5.1 Export-Csv (every non-ASCII UTF-16 unit becomes `?`).
 */
export type TextEncoding = 'utf16le-bom' | 'utf8' | 'utf8-bom' | 'ascii';

export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'ascii': {
      const bytes = Buffer.alloc(text.length);
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        bytes[i] = code < 0x80 ? code : 0x3f;
      }
      return bytes;
    }
  }
}

/** What `command > file` writes in this PowerShell: 5.1 → UTF-16LE with BOM, 7 → UTF-8 without BOM. */
export function redirectEncoding(powershell: '5.1' | '7'): TextEncoding {
  return powershell === '5.1' ? 'utf16le-bom' : 'utf8';
}

/** What Export-Csv writes by default: 5.1 → ASCII, 7 → UTF-8 without BOM. */
export function exportCsvEncoding(powershell: '5.1' | '7'): TextEncoding {
  return powershell === '5.1' ? 'ascii' : 'utf8';
}

export const CRLF = '\r\n';
export const LF = '\n';

/** Lines joined with `newline`, each one terminated (as every Windows tool ends its last line). */
export function joinLines(lines: readonly string[], newline = CRLF): string {
  return lines.map((line) => line + newline).join('');
}

// ---- CSV ----

/** One record as Export-Csv / ConvertTo-Csv writes it: every field double-quoted, quotes doubled. */
export function quotedCsvLine(cells: readonly string[], delimiter = ','): string {
  return cells.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(delimiter);
}

// ---- fixed-width tables (Format-Table) ----

export interface TableColumn {
  label: string;
  /** Column width; the last column has none and is never padded. */
  width?: number;
  align: 'left' | 'right';
}

/**
 * A cell as Format-Table prints it: padded to the column width on the side away from its alignment, and cut
 * with an ellipsis (`...` in 5.1, `…` in 7) when it does not fit.
 */
export function tableCell(text: string, column: TableColumn, powershell: '5.1' | '7'): string {
  if (column.width === undefined) return text;
  let cell = text;
  if (cell.length > column.width) {
    const ellipsis = powershell === '5.1' ? '...' : '\u2026';
    cell = cell.slice(0, Math.max(0, column.width - ellipsis.length)) + ellipsis;
  }
  return column.align === 'right' ? cell.padStart(column.width) : cell.padEnd(column.width);
}

/**
 * A Format-Table block as `command > file` writes it: a blank line, the header, a dash line under each label,
 * the rows, then two blank lines. Columns are separated by one space; nothing trails the last column.
 */
export function formatTable(columns: readonly TableColumn[], rows: readonly string[][], powershell: '5.1' | '7'): string[] {
  const line = (cells: readonly string[]) => columns.map((column, i) => tableCell(cells[i] ?? '', column, powershell)).join(' ').trimEnd();
  return ['', line(columns.map((c) => c.label)), line(columns.map((c) => '-'.repeat(c.label.length))), ...rows.map(line), '', ''];
}

// ---- time ----

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/**
 * The wall-clock time of the guest at `startTime` + `offsetSeconds`, from the time zone bias (UTC − local, in
 * minutes, as Windows states it). Pure arithmetic: nothing depends on the machine running guestram.
 */
export function localTime(startTime: string, offsetSeconds: number, biasMinutes: number): LocalTime {
  const utc = Date.parse(startTime);
  if (Number.isNaN(utc)) throw new Error(`startTime "${startTime}" is not an ISO 8601 time`);
  const date = new Date(utc + offsetSeconds * 1000 - biasMinutes * 60_000);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
  };
}

export function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * Date and time in the culture's short date + long time pattern (.NET `G`): `3/14/2024 10:21:07 AM` (en-US),
 * `14.03.2024 10:21:07` (de-DE), `14/03/2024 10:21:07` (fr-FR), `14.03.2024 10:21:07` (ru-RU),
 * `14/03/2024 10:21:07` (es-ES). `separator` goes between date and time (systeminfo writes `, `).
 */
export function formatDateTime(t: LocalTime, locale: Locale, separator = ' '): string {
  const time24 = `${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}`;
  switch (locale) {
    case 'en-US': {
      const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
      return `${t.month}/${t.day}/${t.year}${separator}${hour12}:${pad2(t.minute)}:${pad2(t.second)} ${t.hour < 12 ? 'AM' : 'PM'}`;
    }
    case 'de-DE':
      return `${pad2(t.day)}.${pad2(t.month)}.${t.year}${separator}${time24}`;
    case 'ru-RU':
      return `${pad2(t.day)}.${pad2(t.month)}.${t.year}${separator}${t.hour}:${pad2(t.minute)}:${pad2(t.second)}`;
    case 'fr-FR':
      return `${pad2(t.day)}/${pad2(t.month)}/${t.year}${separator}${time24}`;
    case 'es-ES':
      return `${pad2(t.day)}/${pad2(t.month)}/${t.year}${separator}${t.hour}:${pad2(t.minute)}:${pad2(t.second)}`;
  }
}

/** Short date only, in the culture's pattern (BIOS dates, driver dates). */
export function formatDate(t: Pick<LocalTime, 'year' | 'month' | 'day'>, locale: Locale): string {
  switch (locale) {
    case 'en-US':
      return `${t.month}/${t.day}/${t.year}`;
    case 'de-DE':
    case 'ru-RU':
      return `${pad2(t.day)}.${pad2(t.month)}.${t.year}`;
    case 'fr-FR':
    case 'es-ES':
      return `${pad2(t.day)}/${pad2(t.month)}/${t.year}`;
  }
}

// ---- small deterministic helpers ----

/** A stable 32-bit hash of text (FNV-1a), for identifiers derived from names (GUIDs, handles, addresses). */
export function stableHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A GUID-shaped string derived from text, lowercase as PowerShell prints a Guid. */
export function stableGuid(text: string): string {
  const hex = [0, 1, 2, 3].map((i) => stableHash(`${i}:${text}`).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Number.parseInt(hex[16]!, 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** .NET's unchecked (int) cast of a 64-bit count, as the 32-bit Process properties (WorkingSet, PagedMemorySize) do. */
export function int32(value: number): number {
  return Number(BigInt.asIntN(32, BigInt(Math.round(value))));
}
