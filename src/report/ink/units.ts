import { formatBytes, GiB, MiB } from '../../model/bytes.js';
import type { Report } from '../types.js';

/** How sizes are shown; `u` cycles through them. */
export const UNIT_MODES = ['auto', 'MB', 'GB', 'percent'] as const;
export type UnitMode = (typeof UNIT_MODES)[number];

export const UNIT_LABELS: Record<UnitMode, string> = { auto: 'auto', MB: 'MB', GB: 'GB', percent: '% of RAM' };

export function nextUnit(mode: UnitMode): UnitMode {
  return UNIT_MODES[(UNIT_MODES.indexOf(mode) + 1) % UNIT_MODES.length]!;
}

/** "% of RAM" means of the installed RAM when known (the waterfall starts there), else of the visible RAM. */
export function ramBytes(report: Report): number | null {
  return report.summary.installedBytes ?? report.summary.physicalBytes;
}

export function percentOf(bytes: number, ram: number | null): string {
  if (!ram) return '—';
  const value = (bytes / ram) * 100;
  if (value === 0) return '0 %';
  if (Math.abs(value) < 0.1) return '<0.1 %';
  return `${Math.abs(value) < 10 ? value.toFixed(1) : value.toFixed(0)} %`;
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatAmount(bytes: number | null | undefined, mode: UnitMode, ram: number | null): string {
  if (bytes === null || bytes === undefined) return '—';
  switch (mode) {
    case 'MB': return `${grouped.format(bytes / MiB)} MB`;
    case 'GB': return `${(bytes / GiB).toFixed(2)} GB`;
    case 'percent': return ram ? percentOf(bytes, ram) : formatBytes(bytes);
    default: return formatBytes(bytes);
  }
}
