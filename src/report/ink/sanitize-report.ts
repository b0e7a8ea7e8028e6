import { cleanText } from '../sanitize.js';
import type { Report } from '../types.js';

/** Every string of the report, cleaned of control characters and escape sequences, before any of it is drawn. */
export function sanitizeReport(report: Report): Report {
  return cleanDeep(report) as Report;
}

function cleanDeep(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanDeep);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanDeep(v)]));
  return value;
}
