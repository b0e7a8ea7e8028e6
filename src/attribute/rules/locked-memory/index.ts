import { lockedBucket, severityByShare, significant, sized, type RuleContext } from '../../context.js';
import { devicesWithoutDriver } from '../../devices.js';
import { confidenceOf, distinct, hasDirectSupport, LOG_ODDS, supports } from '../../evidence.js';
import { collectStep, type EvidenceRequest } from '../../next-evidence.js';
import type { Alternative, RuleFinding } from '../../types.js';
import { balloonHypothesis } from './balloon.js';
import { displayHypothesis } from './display.js';
import { dynamicMemoryHypothesis } from './dynamic-memory.js';
import type { LockedHypothesis } from './hypothesis.js';

/** An unmeasured cause takes the locked bytes only from this confidence, and only with an item that points at it. */
const CLAIM_FROM = 0.4;
/** Competing causes below this are not worth a reader's time. */
const MENTION_FROM = 0.15;

/**
 * Locked memory (RAMMap's Driver Locked, or without RAMMap the gap no counter explains) has three known holders
 * that compete for the same bytes: a balloon, Hyper-V Dynamic Memory, and the Basic Display Adapter. Measured
 * causes take their measured bytes first; what is left goes to the most likely unmeasured cause when evidence
 * points at it, else it stays unexplained. Every finding names the competitors it beat and why.
 */
export function lockedMemoryRule(ctx: RuleContext): RuleFinding[] {
  const bucket = lockedBucket(ctx);
  const viaRamMap = bucket === 'driverLocked';
  const locked = ctx.remaining(bucket);
  const scored = scoreLockedHypotheses(ctx, locked);
  const findings: RuleFinding[] = [];
  let left = locked;
  for (const { h } of scored) {
    if (!h.measured) continue;
    const bytes = h.measured.all ? left : h.measured.bytes;
    if (!significant(ctx, bytes)) continue;
    const claim = Math.min(bytes, left);
    left -= claim;
    findings.push(finding(ctx, h, bytes, claim, bucket, scored));
  }
  if (significant(ctx, left)) {
    const best = scored
      .filter(({ h, confidence }) => !h.measured && h.specific && confidence >= CLAIM_FROM && hasSupport(h))
      .sort((a, b) => b.confidence - a.confidence)[0];
    if (best) {
      findings.push(finding(ctx, best.h, left, left, bucket, scored));
      left = 0;
    }
  }
  const driverless = driverlessDevices(ctx, findings);
  return driverless ? [...findings, driverless] : findings;
}

type Scored = { h: LockedHypothesis; confidence: number };

/** The three holders of locked memory, each with its confidence. */
export function scoreLockedHypotheses(ctx: RuleContext, locked = ctx.remaining(lockedBucket(ctx))): Scored[] {
  const viaRamMap = lockedBucket(ctx) === 'driverLocked';
  const hypotheses = [balloonHypothesis(ctx, locked, viaRamMap), dynamicMemoryHypothesis(ctx, viaRamMap), displayHypothesis(ctx, viaRamMap)];
  return hypotheses.map((h) => ({ h, confidence: confidenceOf(h.prior, h.items, h.ceiling) }));
}

/**
 * For locked memory no cause took: the holders still possible (with a clue for each), most likely first, and what
 * would decide between them.
 */
export function lockedCompetitors(ctx: RuleContext): { alternatives: Alternative[]; requests: EvidenceRequest[] } {
  const scored = scoreLockedHypotheses(ctx, 0);
  const alternatives = competitors(undefined, scored);
  const best = scored.filter(({ h }) => hasSupport(h)).sort((a, b) => b.confidence - a.confidence)[0];
  return { alternatives, requests: best ? best.h.requests : [] };
}

/** A clue for this cause in particular: Driver Locked itself is where all three would show, so it tells none apart. */
function hasSupport(h: LockedHypothesis): boolean {
  return h.items.some((i) => i.direction === 'supports' && i.key !== 'driver-locked');
}

function finding(ctx: RuleContext, h: LockedHypothesis, bytes: number, claim: number, bucket: ReturnType<typeof lockedBucket>, scored: Scored[]): RuleFinding {
  const likely = !hasDirectSupport(distinct(h.items));
  const severity = severityByShare(ctx, bytes);
  return {
    cause: h.cause,
    bytes,
    prior: h.prior,
    ...(h.ceiling !== undefined && { ceiling: h.ceiling }),
    items: h.items,
    notes: h.notes,
    severity,
    title: h.title(sized(ctx, bytes), likely),
    checklist: h.checklist,
    claims: claim > 0 ? { [bucket]: claim } : {},
    alternatives: competitors(h, scored),
    requests: [...h.requests, ...competitors(h, scored).flatMap((a) => scored.find((s) => s.h.cause === a.cause)!.h.requests)],
  };
}

/** The other holders of locked memory that are still possible, and what keeps each below the chosen one. */
function competitors(chosen: LockedHypothesis | undefined, scored: Scored[]): Alternative[] {
  return scored
    .filter(({ h, confidence }) => h !== chosen && !h.measured && confidence >= MENTION_FROM && hasSupport(h))
    .sort((a, b) => b.confidence - a.confidence)
    .map(({ h, confidence }) => {
      const against = h.items.filter((i) => i.direction === 'contradicts').sort((a, b) => LOG_ODDS[b.weight] - LOG_ODDS[a.weight])[0];
      return { cause: h.cause, confidence, why: against ? against.text : h.missing };
    });
}

/**
 * Devices Windows has no driver for (code 28) or that failed: noted on the display finding when there is one,
 * else a finding of their own: worth fixing, though they hold no measured memory.
 */
function driverlessDevices(ctx: RuleContext, findings: RuleFinding[]): RuleFinding | undefined {
  const devices = devicesWithoutDriver(ctx.snapshot);
  if (devices.length === 0) return undefined;
  const shown = devices.slice(0, 5);
  const more = devices.length > 5 ? [{ text: `… and ${devices.length - 5} more devices without a working driver.` }] : [];
  const display = findings.find((f) => f.cause === 'missing-driver');
  if (display) {
    display.notes = [...(display.notes ?? []), ...shown.map((d) => ({ text: `"${d.name}" has no working driver (problem code ${d.problemCode ?? 'unknown'}).`, source: d.source })), ...more];
    return undefined;
  }
  return {
    cause: 'missing-driver',
    bytes: 0,
    prior: 0.5,
    items: shown.map((d) => supports(`driverless:${d.instanceId ?? d.name}`, 'weak', `"${d.name}" has no working driver (problem code ${d.problemCode ?? 'unknown'}).`, d.source, true)),
    notes: more,
    severity: 'warn',
    title: `${devices.length} device(s) run without a working driver`,
    checklist: [
      collectStep('pnp-devices', 'List the devices and whether each has a working driver'),
      { text: 'Install the guest drivers for this hypervisor (virtio-win, VMware Tools, Guest Additions, Integration Services) and reboot' },
    ],
    claims: {},
    requests: ['pnp-devices'],
  };
}
