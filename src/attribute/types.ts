import type { SourceRef } from '../model/source.js';
import type { Bucket } from '../reconcile/types.js';
import type { Direction, EvidenceItem, Weight } from './evidence.js';
import type { EvidenceRequest } from './next-evidence.js';

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
  'memory-pressure',
  'unexplained',
] as const;
export type Cause = (typeof CAUSES)[number];

export type Severity = 'info' | 'warn' | 'critical';

export interface Evidence {
  text: string;
  source?: SourceRef;
  /** For or against the finding's cause; absent on a plain note (e.g. "the size is an upper bound"). */
  direction?: Direction;
  weight?: Weight;
  /** The input shows the cause itself, not a clue it is inferred from. */
  direct?: boolean;
}

/** A competing cause for the same bytes, and why it ranks lower. */
export interface Alternative {
  cause: Cause;
  confidence: number;
  why: string;
}

/** The one input that would decide, and the command that produces it (output guestram reads). */
export interface NextEvidence {
  request: EvidenceRequest;
  text: string;
  command: string;
  where: 'guest' | 'host';
}

export interface ChecklistStep {
  text: string;
  /** A command to paste: PowerShell in the guest unless `where` says otherwise. */
  command?: string;
  where?: 'guest' | 'host';
  /** Its output is evidence guestram reads: the request it answers. */
  collects?: EvidenceRequest;
  /** It changes the guest or the host (a fix); its output is not evidence. A step with a command is one or the other. */
  fix?: true;
}

export interface Finding {
  cause: Cause;
  /** Bytes this cause accounts for. */
  bytes: number;
  /** 0–1, from the evidence items by one rule (docs/attribution.md). */
  confidence: number;
  /** Only indirect clues support it: a lead to confirm, never above warn. */
  likely: boolean;
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
  /** Other causes that could hold the same bytes, most likely first. */
  alternatives?: Alternative[];
  /** Below 80 % confidence: the input that would decide. */
  nextEvidence?: NextEvidence;
}

export interface WhatIf {
  change: string;
  availableBeforeBytes: number;
  availableAfterBytes: number;
}

/**
 * What a rule returns: the evidence items, not a confidence; `attribute` scores them by the one rule of
 * evidence.ts and adds the documentation link, the alternatives and the next evidence.
 */
export interface RuleFinding extends Omit<Finding, 'docs' | 'whatIf' | 'confidence' | 'likely' | 'evidence' | 'nextEvidence'> {
  /** Odds of this cause before any item is read. */
  prior: number;
  items: EvidenceItem[];
  /** Below 95 % when the cause's link to the bytes is itself unconfirmed. */
  ceiling?: number;
  /** Facts that are neither for nor against, shown with the evidence. */
  notes?: Evidence[];
  /** What would decide, best first; the first not yet given becomes the next evidence. */
  requests?: EvidenceRequest[];
}
