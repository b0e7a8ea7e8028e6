import type { Argv, ArgumentsCamelCase } from 'yargs';
import { analyzePaths } from '../../analyze.js';
import type { Severity } from '../../attribute/types.js';
import type { Hypervisor } from '../../model/facts.js';
import { exitCode, exitCodeOfAll, EXIT } from '../../report/exit-code.js';
import { renderJson } from '../../report/json.js';
import { renderMarkdown } from '../../report/markdown.js';
import { renderText } from '../../report/text.js';
import { colorEnabled } from '../../report/ink/theme.js';
import { cleanText } from '../../report/sanitize.js';
import type { Report } from '../../report/types.js';
import { resolveFormat, writeChecklistFile } from '../interactive.js';
import { loadInteractiveReport } from '../load-tui.js';
import { UsageError, writeResult } from '../output.js';
import { progressLine } from '../progress.js';

const FORMATS = ['auto', 'tui', 'text', 'md', 'json'] as const;
const HYPERVISORS = ['auto', 'hyperv', 'kvm', 'vmware', 'virtualbox'] as const;
const LEVELS = ['info', 'warn', 'critical'] as const;

interface AnalyzeArgs {
  paths: string[];
  format: (typeof FORMATS)[number];
  out?: string;
  hypervisor: (typeof HYPERVISORS)[number];
  strict: boolean;
  failOn?: Severity;
  deep: boolean;
  split: boolean;
}

export const command = 'analyze <paths..>';
export const describe = 'Explain where the guest\'s RAM went, from the exports in these files and folders';

export function builder(yargs: Argv): Argv<AnalyzeArgs> {
  return yargs
    .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'Export files and/or bundle folders (read recursively)' })
    .option('format', { choices: FORMATS, default: 'auto' as const, describe: 'auto = the interactive report (tui) in a terminal outside CI, else text; md = Markdown checklist for a ticket' })
    .option('out', { type: 'string', describe: 'Write the report to this file (a link is followed, a device or pipe written through, a file keeps its mode; - = stdout)' })
    .option('hypervisor', { choices: HYPERVISORS, default: 'auto' as const, describe: 'Override the detected hypervisor' })
    .option('strict', { type: 'boolean', default: false, describe: 'Exit 2 if any input produced a warning or error message' })
    .option('fail-on', { choices: LEVELS, describe: 'Exit 1 if a finding has this severity or higher; exit 3 if the inputs allow no verdict (insufficient evidence, mixed machines)' })
    .option('split', { type: 'boolean', default: false, describe: 'Inputs of several machines: one report per machine (JSON: an array of reports)' })
    .option('deep', { type: 'boolean', default: false, describe: 'Also count the RAMMap PFN database page by page and check it against the Use Counts (slower)' })
    .example('$0 analyze ./bundle', 'Analyze every export in a folder')
    .example('$0 analyze ./bundle --format md --out ticket.md', 'Write a Markdown checklist for a ticket')
    .example('$0 analyze vm.rmp processes.csv --format json', 'Machine-readable report') as unknown as Argv<AnalyzeArgs>;
}

export async function handler(argv: ArgumentsCamelCase<AnalyzeArgs>): Promise<void> {
  const format = resolveFormat(argv.format, argv.out, { stdoutIsTTY: process.stdout.isTTY === true, stdinIsTTY: process.stdin.isTTY === true, env: process.env });
  if (argv.split && format === 'tui') throw new UsageError('--split writes one report per machine: use --format text, md or json.');
  const progress = process.stderr.isTTY === true ? progressLine(process.stderr) : undefined;
  const options = {
    ...(argv.hypervisor !== 'auto' && { hypervisor: argv.hypervisor as Hypervisor }),
    ...(argv.deep && { deep: true }),
    ...(progress && { onFile: progress.onFile, onProgress: progress.onProgress }),
  };
  if (argv.split) {
    const reports = await analyzePaths(argv.paths, { ...options, split: true });
    progress?.clear();
    await writeResult(renderAll(reports, format as 'text' | 'md' | 'json'), argv.out, reports.flatMap((r) => r.inputs.map((i) => i.path)));
    process.exitCode = exitCodeOfAll(reports, argv.failOn);
    return;
  }
  const report = await analyzePaths(argv.paths, options);
  progress?.clear();
  if (format === 'tui') {
    const runInteractiveReport = await loadInteractiveReport();
    await runInteractiveReport(report, { color: colorEnabled(process.env, true), exportChecklist: (markdown) => writeChecklistFile(markdown) });
    process.stdout.write(`${cleanText(report.summary.headline)}\n`);
  } else {
    await writeResult(render(report, format), argv.out, report.inputs.map((i) => i.path));
  }
  const code = exitCode(report, argv.failOn);
  const strictFailure = argv.strict && report.inputs.some((i) => i.messages.some((m) => m.severity !== 'info'));
  if (code === EXIT.usageOrNothing) process.stderr.write('guestram: none of the inputs could be analyzed (see Inputs above).\n');
  process.exitCode = strictFailure ? EXIT.usageOrNothing : code;
}

/** `--split`: each machine's report in turn (JSON: one array). */
function renderAll(reports: Report[], format: 'text' | 'md' | 'json'): string {
  if (format === 'json') return `[\n${reports.map((r) => renderJson(r).trimEnd()).join(',\n')}\n]\n`;
  const rule = format === 'md' ? '\n---\n\n' : `\n${'='.repeat(72)}\n\n`;
  return reports.map((r) => render(r, format)).join(rule);
}

function render(report: Report, format: 'text' | 'md' | 'json'): string {
  switch (format) {
    case 'json': return renderJson(report);
    case 'md': return renderMarkdown(report);
    default: return renderText(report);
  }
}
