import { useLabel } from '../../model/rammap.js';
import type { Bucket } from '../../reconcile/types.js';
import { evidence, percent, severityByShare, significant, size, type RuleContext } from '../context.js';
import type { RuleFinding } from '../types.js';

/** Rows that are not ordinary kernel use: what no cause claimed of them is unexplained. */
export const SUSPECT_BUCKETS: Bucket[] = ['driverLocked', 'awe', 'largePage', 'unused', 'unattributed'];

/** Whatever no cause claimed, said out loud with the numbers instead of hidden. */
export function unexplainedRule(ctx: RuleContext): RuleFinding | undefined {
  const parts = SUSPECT_BUCKETS.map((bucket) => ({ bucket, bytes: ctx.remaining(bucket) })).filter((p) => p.bytes > 0);
  const bytes = parts.reduce((s, p) => s + p.bytes, 0);
  if (!significant(ctx, bytes)) return undefined;
  const source = ctx.snapshot.rammap?.source;
  return {
    cause: 'unexplained',
    bytes,
    confidence: 0.5,
    severity: severityByShare(ctx, bytes),
    title: `${size(bytes)} (${percent(ctx, bytes)} of RAM) in use is not explained by any cause guestram knows`,
    evidence: parts.map((p) =>
      evidence(p.bucket === 'unattributed'
        ? `${size(p.bytes)} of in-use memory is outside the processes and the kernel counters given.`
        : `${size(p.bytes)} of ${useLabel(p.bucket)} is not claimed by any cause.`, source)),
    checklist: [
      { text: 'Capture a RAMMap snapshot (File > Save) and add it to the bundle: it splits the gap by use', command: 'RAMMap64.exe -accepteula C:\\temp\\guestram\\snapshot.rmp' },
      { text: 'Export the device and driver lists so missing guest drivers can be ruled out', command: 'Get-PnpDevice | Export-Csv C:\\temp\\guestram\\pnpdevices.csv -NoTypeInformation; driverquery /v /fo csv > C:\\temp\\guestram\\drivers.csv' },
      { text: 'Export the hypervisor\'s memory settings for this VM (see guestram collect --host)' },
    ],
    claims: Object.fromEntries(parts.map((p) => [p.bucket, p.bytes])),
  };
}
