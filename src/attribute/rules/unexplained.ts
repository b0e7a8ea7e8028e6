import { useLabel } from '../../model/rammap.js';
import type { Bucket } from '../../reconcile/types.js';
import { severityByShare, significant, sized, size, type RuleContext } from '../context.js';
import { collectStep, type EvidenceRequest } from '../next-evidence.js';
import { lockedCompetitors } from './locked-memory/index.js';
import type { RuleFinding } from '../types.js';

/** Rows that are not ordinary kernel use: what no cause claimed of them is unexplained. */
export const SUSPECT_BUCKETS: Bucket[] = ['driverLocked', 'awe', 'largePage', 'unused', 'unattributed'];

/**
 * Whatever no cause claimed, said out loud with the numbers instead of hidden. It is not a cause, so it is neither
 * supported nor contradicted: its confidence stays at the even prior.
 */
export function unexplainedRule(ctx: RuleContext): RuleFinding | undefined {
  const parts = SUSPECT_BUCKETS.map((bucket) => ({ bucket, bytes: ctx.remaining(bucket) })).filter((p) => p.bytes > 0);
  const bytes = parts.reduce((s, p) => s + p.bytes, 0);
  if (!significant(ctx, bytes)) return undefined;
  const source = ctx.snapshot.rammap?.source;
  const hypervisor = ctx.snapshot.hypervisor?.value;
  const host: EvidenceRequest[] = hypervisor === 'hyperv' ? ['vm-memory'] : hypervisor === 'vmware' ? ['vmware-balloon'] : hypervisor === 'virtualbox' ? ['vbox-balloon'] : ['qm-config', 'info-balloon'];
  // Locked memory nobody took: the holders a clue still points at, and what would decide between them.
  const locked = parts.some((p) => p.bucket === 'driverLocked' || p.bucket === 'unattributed') ? lockedCompetitors(ctx) : { alternatives: [], requests: [] };
  return {
    cause: 'unexplained',
    bytes,
    prior: 0.5,
    items: [],
    notes: parts.map((p) => ({
      text: p.bucket === 'unattributed'
        ? `${size(p.bytes)} of in-use memory is outside the processes and the kernel counters given.`
        : `${size(p.bytes)} of ${useLabel(p.bucket)} is not claimed by any cause.`,
      ...(source && { source }),
    })),
    severity: severityByShare(ctx, bytes),
    title: `${sized(ctx, bytes)} in use is not explained by any cause guestram knows`,
    checklist: [
      collectStep('rammap', 'Capture a RAMMap snapshot and add it to the bundle: it splits the gap by use'),
      collectStep('pnp-devices', 'Export the device list so missing guest drivers can be ruled out'),
      collectStep(host[0]!, 'Export the hypervisor\'s memory settings for this VM (see guestram collect --host)'),
    ],
    claims: Object.fromEntries(parts.map((p) => [p.bucket, p.bytes])),
    alternatives: locked.alternatives,
    requests: ['rammap', ...locked.requests, 'video-controller', ...host],
  };
}
