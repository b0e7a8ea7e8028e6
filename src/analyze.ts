import { attribute } from './attribute/attribute.js';
import { collectFiles } from './ingest/collect-files.js';
import { ingestOpened, type ParsedFile } from './ingest/ingest-file.js';
import type { Parser } from './ingest/parser.js';
import { PARSERS } from './ingest/parsers/index.js';
import { openInputFile } from './ingest/read.js';
import { decideVerdict } from './attribute/verdict.js';
import { buildSnapshot } from './model/build-snapshot.js';
import { groupByMachine, type MachineGrouping } from './model/machines.js';
import type { Hypervisor } from './model/facts.js';
import type { Conflict } from './model/snapshot.js';
import { formatSource } from './model/source.js';
import { readPackageFileSync } from './package-file.js';
import type { InputMessage } from './ingest/messages.js';
import { reconcile } from './reconcile/reconcile.js';
import { buildReport } from './report/build-report.js';
import { describeValue } from './report/format.js';
import { withWhatIfs } from './simulate/whatif.js';
import type { Report } from './report/types.js';

export interface AnalyzeOptions {
  hypervisor?: Hypervisor;
  parsers?: readonly Parser[];
  /** Called before each file is read. */
  onFile?: (path: string, index: number, total: number) => void;
  /** Called as a file's bytes are read (again from 0 each time a parser re-reads it). */
  onProgress?: (path: string, bytesRead: number, totalBytes: number) => void;
  /** Also decode payloads the report does not need, to cross-check them (RAMMap's PfnDatabase). */
  deep?: boolean;
  /** One report per machine instead of one report that refuses to mix them. */
  split?: boolean;
}

export const VERSION: string = (JSON.parse(readPackageFileSync('package.json')) as { version: string }).version;

/** Reads every file under the given paths and analyzes them as one guest (with `split`, one report per machine). */
export async function analyzePaths(paths: string[], options: AnalyzeOptions & { split: true }): Promise<Report[]>;
export async function analyzePaths(paths: string[], options?: AnalyzeOptions & { split?: false }): Promise<Report>;
export async function analyzePaths(paths: string[], options: AnalyzeOptions = {}): Promise<Report | Report[]> {
  const parsers = options.parsers ?? PARSERS;
  const { files, messages } = await collectFiles(paths);
  const parsed: ParsedFile[] = messages.map((message) => ({ path: message.file, format: 'unknown', formatTitle: 'unknown', status: 'error', messages: [message], facts: [] }));
  for (const [index, file] of files.entries()) {
    options.onFile?.(file, index, files.length);
    const onProgress = options.onProgress;
    parsed.push(await ingestOpened(await openInputFile(file, file, onProgress && ((read, total) => onProgress(file, read, total))), parsers, { deep: options.deep ?? false }));
  }
  return options.split ? analyzeSplit(parsed, options) : analyzeParsed(parsed, options);
}

/**
 * The pure half: parsed files → report. Inputs of several machines are not merged: the report says so
 * (`mixed-inputs`) and names each machine with its own verdict; `analyzeSplit` gives each its full report.
 */
export function analyzeParsed(parsed: ParsedFile[], options: AnalyzeOptions = {}): Report {
  const ordered = byTrust(parsed, options.parsers ?? PARSERS);
  const grouping = groupByMachine(ordered.map((f) => ({ file: f.path, facts: f.facts })));
  if (grouping.mixed) {
    const perMachine = grouping.groups.map((group) => analyzeOne(group.members.map((i) => ordered[i]!), options, groupByMachine([])));
    return analyzeOne(ordered, options, grouping, perMachine);
  }
  return analyzeOne(ordered, options, grouping);
}

/** One report per machine the inputs describe (one report when they describe one). */
export function analyzeSplit(parsed: ParsedFile[], options: AnalyzeOptions = {}): Report[] {
  const ordered = byTrust(parsed, options.parsers ?? PARSERS);
  const grouping = groupByMachine(ordered.map((f) => ({ file: f.path, facts: f.facts })));
  if (!grouping.mixed) return [analyzeOne(ordered, options, grouping)];
  return grouping.groups.map((group) => {
    const files = group.members.map((i) => ordered[i]!);
    return analyzeOne(files, options, groupByMachine(files.map((f) => ({ file: f.path, facts: f.facts }))));
  });
}

/** Files most exact first: the first source of a value wins (see PARSERS). */
function byTrust(parsed: ParsedFile[], parsers: readonly Parser[]): ParsedFile[] {
  const trust = (file: ParsedFile) => {
    const index = parsers.findIndex((p) => p.format === file.format);
    return index < 0 ? parsers.length : index;
  };
  return [...parsed].sort((a, b) => trust(a) - trust(b));
}

function analyzeOne(ordered: ParsedFile[], options: AnalyzeOptions, grouping: MachineGrouping, perMachine?: Report[]): Report {
  // Inputs of several machines are not merged: no figure, finding or conflict of a mixture is reported.
  const batches = grouping.mixed ? [] : ordered.map((f) => ({ file: f.path, facts: f.facts }));
  const snapshot = buildSnapshot(batches, options.hypervisor);
  const reconciliation = reconcile(snapshot);
  const attribution = grouping.mixed ? { findings: [], claimedBytes: 0, ordinaryBytes: 0, unexplainedBytes: 0 } : attribute(snapshot, reconciliation);
  const usable = ordered.some((f) => f.status === 'ok' || f.status === 'partial');
  const verdict = decideVerdict(snapshot, reconciliation, attribution.findings, grouping, usable);
  const files = withConflictMessages(ordered, snapshot.conflicts);
  const report = buildReport({ version: VERSION, files, snapshot, reconciliation, attribution, verdict, grouping, ...(perMachine && { perMachine }) });
  return grouping.mixed ? report : withWhatIfs(report);
}

/** Tells, on each file whose value was not used, which source was used instead. */
function withConflictMessages(parsed: ParsedFile[], conflicts: Conflict[]): ParsedFile[] {
  return parsed.map((file) => {
    const notes = conflicts.flatMap((c) =>
      c.ignored
        .filter((i) => i.source.file === file.path)
        .map((i): InputMessage => ({
          code: 'CONFLICTING_SOURCES',
          severity: 'warning',
          file: file.path,
          ...(i.source.line !== undefined && { line: i.source.line }),
          text: `This file says ${describeValue(i.value)} for ${c.subject}, but ${formatSource(c.used.source)} says ${describeValue(c.used.value)}; guestram used the latter.`,
        })),
    );
    return notes.length === 0 ? file : { ...file, messages: [...file.messages, ...notes], status: file.status === 'ok' ? 'partial' : file.status };
  });
}
