import type { Cause, Finding } from '../attribute/types.js';
import type { InputMessage } from '../ingest/messages.js';
import type { InputStatus } from '../ingest/ingest-file.js';
import type { Hypervisor } from '../model/facts.js';
import type { RamMapUse } from '../model/rammap.js';
import type { Conflict } from '../model/snapshot.js';
import type { Reconciliation } from '../reconcile/types.js';

export const SCHEMA_VERSION = 1;

export interface ReportInput {
  path: string;
  format: string;
  formatTitle: string;
  encoding?: string;
  sizeBytes?: number;
  status: InputStatus;
  messages: InputMessage[];
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
  categories: ReportCategory[];
  processes: ReportProcess[];
}
