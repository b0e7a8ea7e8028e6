import type { Finding } from '../../attribute/types.js';
import { useLabel, type RamMapUse } from '../../model/rammap.js';
import type { Bucket } from '../../reconcile/types.js';
import type { Report } from '../types.js';
import { SEVERITY_RANK, SEVERITY_TONE, type Tone } from './theme.js';

/** One part of the visible RAM as the Overview bar draws it. */
export interface BarSegment {
  label: string;
  bytes: number;
  glyph: string;
  tone: Tone;
}

/** Distinct glyphs so the bar reads without colour; the legend repeats each glyph beside its label. */
const IN_USE_GLYPHS = ['█', '▓', '▒', '#', '=', '+', '%', '*', '&', '@'];
const SMALL_SHARE = 0.02;

/**
 * Visible RAM split the way the report already splits it: in-use bytes per RAMMap use type (or, without
 * RAMMap, process private and the gap buckets), then modified, standby and free. Types under 2 % are drawn
 * together as "Other kernel". A part that a warn or critical finding claimed takes that finding's colour.
 */
export function memorySegments(report: Report): BarSegment[] {
  const r = report.reconciliation;
  const inUse = inUseParts(report);
  if (inUse.length === 0) return [];
  const visible = r.visibleBytes ?? inUse.reduce((s, p) => s + p.bytes, 0);
  const processPart = inUse.find((p) => p.bucket === 'processPrivate');
  const kernel = inUse.filter((p) => p !== processPart);
  const big = kernel.filter((p) => p.bytes >= visible * SMALL_SHARE).sort((a, b) => b.bytes - a.bytes);
  const small = kernel.filter((p) => p.bytes < visible * SMALL_SHARE);
  const parts = [...(processPart ? [processPart] : []), ...big];
  if (small.length === 1) parts.push(small[0]!);
  if (small.length > 1) parts.push({ label: 'Other kernel', bytes: small.reduce((s, p) => s + p.bytes, 0) });
  const segments: BarSegment[] = parts.map((p, i) => ({
    label: p.label,
    bytes: p.bytes,
    glyph: IN_USE_GLYPHS[i % IN_USE_GLYPHS.length]!,
    tone: claimTone(report.findings, p.bucket) ?? (p.bucket === 'processPrivate' ? 'process' : 'kernel'),
  }));
  if (r.modifiedBytes) segments.push({ label: 'Modified', bytes: r.modifiedBytes, glyph: '~', tone: 'cache' });
  if (r.standbyBytes) segments.push({ label: 'Standby', bytes: r.standbyBytes, glyph: ':', tone: 'cache' });
  if (r.freeBytes) segments.push({ label: 'Free', bytes: r.freeBytes, glyph: '·', tone: 'free' });
  return segments;
}

interface InUsePart {
  label: string;
  bytes: number;
  bucket?: Bucket | 'processPrivate';
}

function inUseParts(report: Report): InUsePart[] {
  if (report.categories.length > 0) {
    return report.categories.filter((c) => c.inUseBytes > 0).map((c) => ({ label: c.label, bytes: c.inUseBytes, bucket: c.use }));
  }
  const r = report.reconciliation;
  if (r.inUseBytes === undefined) return [];
  const parts: InUsePart[] = [];
  if (r.processPrivateBytes) parts.push({ label: 'Process Private', bytes: r.processPrivateBytes, bucket: 'processPrivate' });
  for (const [bucket, bytes] of Object.entries(r.gapBuckets) as [Bucket, number | undefined][]) {
    if (bytes) parts.push({ label: bucket === 'unattributed' ? 'Other in use' : useLabel(bucket as RamMapUse), bytes, bucket });
  }
  return parts;
}

function claimTone(findings: readonly Finding[], bucket: InUsePart['bucket']): Tone | undefined {
  if (!bucket || bucket === 'processPrivate') return undefined;
  const claiming = findings.filter((f) => f.severity !== 'info' && (f.claims[bucket] ?? 0) > 0);
  const worst = claiming.sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity])[0];
  return worst ? SEVERITY_TONE[worst.severity] : undefined;
}

/** Cells per segment for a bar `width` wide (largest remainder, so the cells add up to the width). */
export function barCells(segments: readonly BarSegment[], width: number): number[] {
  const total = segments.reduce((s, g) => s + g.bytes, 0);
  if (total <= 0 || width <= 0) return segments.map(() => 0);
  const exact = segments.map((g) => (g.bytes / total) * width);
  const cells = exact.map(Math.floor);
  let left = width - cells.reduce((s, c) => s + c, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    cells[i]! += 1;
  }
  return cells;
}
