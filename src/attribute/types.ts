import type { SourceRef } from '../model/source.js';
import type { Bucket } from '../reconcile/types.js';

/** The causes guestram names, exactly as they appear in the JSON report. */
export const CAUSES = [
  'balloon',
  'missing-driver',
  'dynamic-memory',
  'nonpaged-pool',
  'paged-pool',
  'awe',
  'large-pages',
  'hardware-reserved',
  'standby-cache',
  'memory-compression',
  'page-tables',
  'unexplained',
] as const;
export type Cause = (typeof CAUSES)[number];

export type Severity = 'info' | 'warn' | 'critical';

export interface Evidence {
  text: string;
  source?: SourceRef;
}

export interface ChecklistStep {
  text: string;
  /** A command to paste: PowerShell in the guest unless `where` says otherwise. */
  command?: string;
  where?: 'guest' | 'host';
}

export interface Finding {
  cause: Cause;
  /** Bytes this cause accounts for. */
  bytes: number;
  /** 0–1: how much independent evidence agrees. */
  confidence: number;
  severity: Severity;
  title: string;
  evidence: Evidence[];
  checklist: ChecklistStep[];
  /** Bytes taken from the in-use gap, per bucket (empty for causes outside "in use", like standby). */
  claims: Partial<Record<Bucket, number>>;
  /** The documentation page of the cause. */
  docs: string;
  /** What the guest's available memory would be after this cause's fix (from the simulated guest model). */
  whatIf?: WhatIf;
}

export interface WhatIf {
  change: string;
  availableBeforeBytes: number;
  availableAfterBytes: number;
}

/** What a rule returns; the documentation link is added from the cause. */
export type RuleFinding = Omit<Finding, 'docs' | 'whatIf'>;
