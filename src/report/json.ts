import type { Report } from './types.js';

/**
 * JSON.stringify escapes C0 controls but writes C1 controls (U+0080–U+009F, which some terminals obey) and
 * bidirectional overrides raw; escaping them too keeps the output safe to print and parses to the same values.
 */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function renderJson(report: Report): string {
  const json = JSON.stringify(report, null, 2).replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${json}\n`;
}
