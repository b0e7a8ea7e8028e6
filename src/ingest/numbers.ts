/**
 * Numbers as Windows tools print them in any locale: `1,234.5` (en), `1 234,5` with NBSP or narrow
 * NBSP (fr, ru), `1.234,5` (de), `1'234.5` (de-CH), E-notation from PowerShell and PDH.
 */
export interface NumberOptions {
  /** The file's decimal separator when the caller knows it; resolves `1,234` / `1.234`. */
  decimal?: ',' | '.';
}

const GROUP_SPACES = /[\s\u00A0\u202F\u2009\u2007']/g;

export function parseNumber(raw: string | undefined, options: NumberOptions = {}): number | undefined {
  if (raw === undefined) return undefined;
  const plain = parsePlainNumber(raw, 0, raw.length, options.decimal === ',');
  if (plain !== undefined) return plain;
  let text = raw.trim();
  if (text === '') return undefined;
  const spaceGrouped = /\d[\s\u00A0\u202F\u2009\u2007]\d/.test(text);
  text = text.replace(GROUP_SPACES, '');
  let sign = 1;
  if (/^[-\u2212]/.test(text)) {
    sign = -1;
    text = text.slice(1);
  } else if (text.startsWith('+')) {
    text = text.slice(1);
  }
  const exponentMatch = /^([\d.,]+)[eE]([-+]?\d+)$/.exec(text);
  const mantissa = exponentMatch ? exponentMatch[1]! : text;
  if (!/^\d[\d.,]*$|^[.,]\d+$/.test(mantissa)) return undefined;
  const normalized = normalizeSeparators(mantissa, spaceGrouped ? ',' : options.decimal);
  if (normalized === undefined) return undefined;
  const value = Number(exponentMatch ? `${normalized}e${exponentMatch[2]}` : normalized);
  return Number.isFinite(value) ? sign * value : undefined;
}

function normalizeSeparators(text: string, decimal: ',' | '.' | undefined): string | undefined {
  const commas = count(text, ',');
  const dots = count(text, '.');
  if (commas === 0 && dots === 0) return text;
  if (commas > 0 && dots > 0) {
    const decimalSep = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const groupSep = decimalSep === ',' ? '.' : ',';
    if (count(text, decimalSep) > 1) return undefined;
    return validGrouping(text.split(decimalSep)[0]!, groupSep) ? text.split(groupSep).join('').replace(',', '.') : undefined;
  }
  const sep = commas > 0 ? ',' : '.';
  const occurrences = Math.max(commas, dots);
  if (occurrences > 1) return validGrouping(text, sep) ? text.split(sep).join('') : undefined;
  const digitsAfter = text.length - text.indexOf(sep) - 1;
  const looksGrouped = digitsAfter === 3 && text.indexOf(sep) > 0 && text.indexOf(sep) <= 3;
  // `1,234` is a thousand in en and 1.234 in de; `1.234` the other way round. Without a hint,
  // a comma followed by exactly three digits is read as grouping and a dot as a decimal point.
  const isGrouping = looksGrouped && (decimal ? decimal !== sep : sep === ',');
  return isGrouping ? text.replace(sep, '') : text.replace(sep, '.');
}

function validGrouping(integerPart: string, sep: string): boolean {
  const groups = integerPart.split(sep);
  return groups[0]!.length >= 1 && groups[0]!.length <= 3 && groups.slice(1).every((g) => g.length === 3);
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

/** Parses a non-negative integer (a PID, a page count); undefined for anything else. */
export function parseInteger(raw: string | undefined, options: NumberOptions = {}): number | undefined {
  const value = parseNumber(raw, options);
  return value !== undefined && Number.isInteger(value) && value >= 0 ? value : undefined;
}

const EXACT_POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * What PDH and Export-Csv write millions of times, read from `text` [from, to) without regular expressions or
 * a substring: `-?digits(.digits)?`, or `-?digits(,digits)?` when `decimalComma` (the general path reads a comma
 * as the decimal mark then, and a dot as a grouping one, so that is not handled here). Undefined for anything
 * else, which the general path (parseNumber) reads. Up to 15 significant digits the integer mantissa and 10^k
 * are exact, so one division rounds correctly, as Number() does; longer numbers go to Number() itself.
 */
export function parsePlainNumber(text: string, from: number, to: number, decimalComma: boolean): number | undefined {
  const mark = decimalComma ? 0x2c : 0x2e;
  let i = from < to && text.charCodeAt(from) === 0x2d ? from + 1 : from;
  const digitsStart = i;
  let mantissa = 0;
  let dot = -1;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) mantissa = mantissa * 10 + (c - 0x30);
    else if (c === mark && dot === -1 && i > digitsStart && i + 1 < to) dot = i;
    else return undefined;
  }
  if (i === digitsStart) return undefined;
  const digits = to - digitsStart - (dot === -1 ? 0 : 1);
  if (digits > 15) {
    const raw = text.slice(from, to);
    const value = Number(decimalComma ? raw.replace(',', '.') : raw);
    return Number.isFinite(value) ? value : undefined;
  }
  const value = dot === -1 ? mantissa : mantissa / EXACT_POWERS_OF_TEN[to - dot - 1]!;
  return digitsStart === from ? value : -value;
}
