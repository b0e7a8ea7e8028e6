import type { Cause, Finding, NextEvidence } from '../attribute/types.js';
import type { Verdict } from '../attribute/verdict.js';
import type { InputMessage } from '../ingest/messages.js';
import type { InputStatus } from '../ingest/ingest-file.js';
import type { Hypervisor } from '../model/facts.js';
import type { RamMapUse } from '../model/rammap.js';
import type { Conflict } from '../model/snapshot.js';
import type { Reconciliation } from '../reconcile/types.js';
import type { ReportFact } from './input-facts.js';

export const SCHEMA_VERSION = 2;

export interface ReportInput {
  path: string;
  format: string;
  formatTitle: string;
  encoding?: string;
  sizeBytes?: number;
  status: InputStatus;
  messages: InputMessage[];
  /** What guestram took from this input (sizes in bytes), so a user can check it against the file. */
  facts: ReportFact[];
}

/** One machine the inputs describe; more than one makes the verdict `mixed-inputs`. */
export interface ReportMachine {
  key: string;
  label: string;
  hostName?: string;
  hypervisor?: Hypervisor;
  files: string[];
  /** With several machines: each one's own verdict and headline, as `--split` reports them. */
  verdict?: Verdict;
  headline?: string;
}

export interface WaterfallStep {
  label: string;
  bytes: number;
  kind: 'total' | 'subtract' | 'cause' | 'rest';
  cause?: Cause;
}

export interface ReportProcess {
  name: string;
  pid?: number;
  pmBytes?: number;
  wsBytes?: number;
  rammapPrivateBytes?: number;
}

export interface ReportCategory {
  use: RamMapUse;
  label: string;
  totalBytes: number;
  inUseBytes: number;
}

/** The one object every renderer receives. Renderers format it; they never recompute it. */
export interface Report {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: 'guestram'; version: string };
  summary: {
    /** problem | pressure | healthy | insufficient-evidence | mixed-inputs: `healthy` only when the accounting ran and held. */
    verdict: Verdict;
    verdictReason: string;
    /** When the evidence does not decide: the one input that would, with its command. */
    nextEvidence?: NextEvidence;
    primaryCause: Cause | 'none';
    headline: string;
    hypervisor: Hypervisor | 'unknown';
    physicalBytes: number | null;
    installedBytes: number | null;
    inUseBytes: number | null;
    processPrivateBytes: number | null;
    gapBytes: number | null;
    unexplainedBytes: number;
  };
  inputs: ReportInput[];
  reconciliation: Reconciliation & {
    claimedBytes: number;
    ordinaryBytes: number;
    unexplainedBytes: number;
    waterfall: WaterfallStep[];
  };
  findings: Finding[];
  conflicts: Conflict[];
  machines: ReportMachine[];
  categories: ReportCategory[];
  processes: ReportProcess[];
}
