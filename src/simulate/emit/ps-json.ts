import { CRLF } from './text.js';

/** A DateTime property: 5.1 writes `"\/Date(ms)\/"`, 7 the local time in ISO 8601 with its offset. */
export class PsDateTime {
  constructor(
    readonly utcMs: number,
    /** Local − UTC, minutes (−bias). */
    readonly offsetMinutes: number,
  ) {}
}

/** A value ConvertTo-Json writes; objects keep their key order. */
export type JsonValue = string | number | boolean | null | PsDateTime | JsonValue[] | { [key: string]: JsonValue };

/**
 * `ConvertTo-Json` text as each PowerShell prints it (CRLF on Windows).
 * - 5.1 (JavaScriptSerializer + its own indenter): `"key":  value` with two spaces, nested values indented to
 *   four past the column where they start, and `< > & '` escaped as `\u003c \u003e \u0026 \u0027`.
 * - 7 (Newtonsoft): two-space indentation, `"key": value`, only quotes, backslashes and controls escaped.
 */
export function convertToJson(value: JsonValue, powershell: '5.1' | '7'): string {
  return powershell === '5.1' ? write51(value, 0) : write7(value, 0);
}

function write51(value: JsonValue, column: number): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[\r\n\r\n' + ' '.repeat(column) + ']';
    const items = value.map((item) => ' '.repeat(column + 4) + write51(item, column + 4));
    return `[${CRLF}${items.join(`,${CRLF}`)}${CRLF}${' '.repeat(column)}]`;
  }
  if (value instanceof PsDateTime) return dateTime(value, true);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, inner]) => {
      const prefix = `${quote(key, true)}:  `;
      return ' '.repeat(column + 4) + prefix + write51(inner, column + 4 + prefix.length);
    });
    if (entries.length === 0) return '{\r\n\r\n' + ' '.repeat(column) + '}';
    return `{${CRLF}${entries.join(`,${CRLF}`)}${CRLF}${' '.repeat(column)}}`;
  }
  return scalar(value, true);
}

function write7(value: JsonValue, depth: number): string {
  const indent = '  '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[${CRLF}${value.map((item) => `${indent}  ${write7(item, depth + 1)}`).join(`,${CRLF}`)}${CRLF}${indent}]`;
  }
  if (value instanceof PsDateTime) return dateTime(value, false);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{${CRLF}${entries.map(([key, inner]) => `${indent}  ${quote(key, false)}: ${write7(inner, depth + 1)}`).join(`,${CRLF}`)}${CRLF}${indent}}`;
  }
  return scalar(value, false);
}

function scalar(value: string | number | boolean | null, html: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value, html);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`ConvertTo-Json cannot write ${value}`);
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  }
  return value ? 'true' : 'false';
}

function dateTime(value: PsDateTime, ps51: boolean): string {
  if (ps51) return `"\\/Date(${value.utcMs})\\/"`;
  const local = new Date(value.utcMs + value.offsetMinutes * 60_000).toISOString().slice(0, 23).replace(/\.?0+$/, '');
  const sign = value.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(value.offsetMinutes);
  return `"${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}"`;
}

const SHORT_ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function quote(text: string, html: boolean): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const short = SHORT_ESCAPES[ch];
    if (short) out += short;
    else if (code < 0x20 || (html && (ch === '<' || ch === '>' || ch === '&' || ch === "'"))) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
