import { GiB } from '../model/bytes.js';
import type { GuestSnapshot } from '../model/snapshot.js';
import type { Bucket, Reconciliation } from '../reconcile/types.js';
import { docsPage } from './catalog.js';
import type { RuleContext } from './context.js';
import { RULES, type Rule } from './rules/index.js';
import type { Finding, Severity } from './types.js';

export interface Attribution {
  findings: Finding[];
  /** Gap bytes claimed by findings. */
  claimedBytes: number;
  /** Gap bytes in ordinary kernel and shared use (page tables, pools, mapped files … at normal sizes). */
  ordinaryBytes: number;
  unexplainedBytes: number;
}

const SEVERITY_RANK: Record<Severity, number> = { critical: 0, warn: 1, info: 2 };

/**
 * Most important first: severity, then named causes before the unexplained rest (a cause you can act on
 * is the better lead), then bytes, then confidence.
 */
export function rankFindings(findings: Finding[]): Finding[] {
  const unexplainedLast = (f: Finding) => (f.cause === 'unexplained' ? 1 : 0);
  return [...findings].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || unexplainedLast(a) - unexplainedLast(b) || b.bytes - a.bytes || b.confidence - a.confidence,
  );
}

/** Runs every rule over the snapshot; each claims bytes of the gap that earlier rules left. Pure. */
export function attribute(snapshot: GuestSnapshot, reconciliation: Reconciliation, rules: readonly Rule[] = RULES): Attribution {
  const ledger = new Map<Bucket, number>(Object.entries(reconciliation.gapBuckets) as [Bucket, number][]);
  const ctx: RuleContext = {
    snapshot,
    reconciliation,
    ramBytes: reconciliation.visibleBytes ?? reconciliation.installedBytes ?? snapshot.rammap?.total ?? 4 * GiB,
    remaining: (bucket) => ledger.get(bucket) ?? 0,
  };
  const findings: Finding[] = [];
  let claimedBytes = 0;
  let unexplainedBytes = 0;
  for (const rule of rules) {
    const finding = rule(ctx);
    if (!finding) continue;
    for (const [bucket, bytes] of Object.entries(finding.claims) as [Bucket, number][]) {
      ledger.set(bucket, ctx.remaining(bucket) - bytes);
      if (finding.cause === 'unexplained') unexplainedBytes += bytes;
      else claimedBytes += bytes;
    }
    findings.push({ ...finding, docs: docsPage(finding.cause) });
  }
  const ordinaryBytes = [...ledger.values()].reduce((s, v) => s + Math.max(0, v), 0);
  return { findings: rankFindings(findings), claimedBytes, ordinaryBytes, unexplainedBytes };
}
