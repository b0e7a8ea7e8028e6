import type { Cause } from './types.js';

/** What each cause is called where people read it, and its documentation page. */
export const CAUSE_INFO = {
  balloon: { label: 'Memory balloon' },
  'missing-driver': { label: 'Missing guest driver' },
  'dynamic-memory': { label: 'Hyper-V Dynamic Memory' },
  'nonpaged-pool': { label: 'Nonpaged pool' },
  'paged-pool': { label: 'Paged pool' },
  awe: { label: 'AWE / locked pages' },
  'large-pages': { label: 'Large pages' },
  'hardware-reserved': { label: 'Hardware reserved' },
  'standby-cache': { label: 'Standby cache' },
  'memory-compression': { label: 'Memory compression' },
  'page-tables': { label: 'Page tables' },
  'memory-pressure': { label: 'Memory pressure' },
  unexplained: { label: 'Unexplained' },
} as const satisfies Record<Cause, { label: string }>;

export function docsPage(cause: Cause): string {
  return `docs/causes/${cause}.md`;
}
