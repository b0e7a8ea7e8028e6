/**
 * Scale benchmark (not a test): makes big inputs with the simulator in a temporary folder, then times
 * `guestram analyze --format json` on each against a bare Node stream read of the same file, each in a fresh
 * process, several times, and prints medians. Machines are noisy: the ratio is the figure that matters.
 *   npm run bench [-- --runs 5] [--only rmp|csv|bundle]
 */
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat, statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeCounterLog, writeProcessCsv, writeRmp, writeTypicalBundle } from './bench/inputs.js';
import { bareReadArgs, median, NodeRunner, type Run } from './bench/measure.js';

const CLI = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
const MiB = 1024 * 1024;
/** Free space the 64 GiB snapshot (~0.85 GB) needs, with room to spare. */
const BIG_SNAPSHOT_BYTES = 1.2 * 1024 * MiB;

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, only: { type: 'string' } } });
const runs = Number(values.runs);
if (!Number.isSafeInteger(runs) || runs < 1) throw new Error(`--runs must be a positive whole number, not "${values.runs}"`);
if (!existsSync(CLI)) throw new Error('dist/cli/main.js is missing: run npm run build first (npm run bench does).');

interface Measurement {
  name: string;
  /** `analyze` arguments after the input path. */
  flags?: string[];
  /** The baseline: a bare read of the input, or a start of the CLI (`--version`) for the small bundle. */
  baseline: 'read' | 'cli-start';
  maxRatio: number;
  maxRssMiB?: number;
  /** What the report must say about the input, so that the time measured is that of real work. */
  expect: (input: ReportInput) => string | undefined;
}

interface Group {
  kind: 'rmp' | 'csv' | 'bundle';
  make: (dir: string) => Promise<string>;
  needsBytes?: number;
  measurements: Measurement[];
}

interface ReportInput {
  path: string;
  format: string;
  status: string;
  messages: { code: string; severity: string; text: string }[];
}

const parsedAs = (format: string) => (input: ReportInput) =>
  input.format !== format ? `read as ${input.format}, not ${format}` : input.status === 'error' ? `status ${input.status}` : undefined;

const rmp = (gib: number, deepToo = false): Group => ({
  kind: 'rmp',
  make: (dir) => writeRmp(dir, gib),
  ...(gib >= 64 && { needsBytes: BIG_SNAPSHOT_BYTES }),
  measurements: [
    { name: `.rmp ${gib} GiB guest`, baseline: 'read', maxRatio: 1.5, maxRssMiB: 200, expect: parsedAs('rammap-rmp') },
    ...(deepToo
      ? [{
          name: `.rmp ${gib} GiB --deep`,
          flags: ['--deep'],
          baseline: 'read' as const,
          maxRatio: 3,
          maxRssMiB: 200,
          expect: (input: ReportInput) => parsedAs('rammap-rmp')(input) ?? (input.messages.some((m) => m.code === 'DEEP_CHECK' && m.severity === 'info') ? undefined : 'no agreeing DEEP_CHECK'),
        }]
      : []),
  ],
});

const GROUPS: Group[] = [
  rmp(4),
  rmp(16),
  rmp(64, true),
  { kind: 'csv', make: (dir) => writeProcessCsv(dir, 50_000), measurements: [{ name: 'Get-Process CSV, 50,000 processes', baseline: 'read', maxRatio: 3, maxRssMiB: 200, expect: parsedAs('getprocess-csv') }] },
  { kind: 'csv', make: (dir) => writeCounterLog(dir, 604_800, 20), measurements: [{ name: 'PDH-CSV, 604,800 rows × 20', baseline: 'read', maxRatio: 3, maxRssMiB: 200, expect: parsedAs('pdh-csv') }] },
  { kind: 'bundle', make: (dir) => writeTypicalBundle(dir), measurements: [{ name: 'typical bundle (15 files)', baseline: 'cli-start', maxRatio: 2, expect: () => undefined }] },
];

interface Row {
  name: string;
  sizeBytes: number;
  analyze: number;
  baseline: number;
  ratio: number;
  rssMiB: number;
  measurement: Measurement;
  note?: string;
}

const dir = await mkdtemp(join(tmpdir(), 'guestram-bench-'));
// Ctrl-C must not leave a gigabyte behind in the temp folder.
process.once('SIGINT', () => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(130);
});
const rows: Row[] = [];
let nodeStart = 0;
try {
  const runner = await NodeRunner.create(dir);
  nodeStart = median(await repeat(() => runner.run(['-e', '0'])));
  for (const group of GROUPS) {
    if (values.only && values.only !== group.kind) continue;
    const free = await freeBytes(dir);
    if (group.needsBytes && free < group.needsBytes) {
      console.error(`skipped ${group.measurements.map((m) => m.name).join(', ')}: ${Math.round(free / MiB)} MB free in ${dir}`);
      continue;
    }
    process.stderr.write(`making the input for ${group.measurements[0]!.name} … `);
    const made = performance.now();
    const path = await group.make(dir);
    const sizeBytes = await sizeOf(path);
    process.stderr.write(`${Math.round(sizeBytes / MiB)} MB in ${((performance.now() - made) / 1000).toFixed(1)} s\n`);
    for (const measurement of group.measurements) rows.push(await measure(runner, measurement, path, sizeBytes));
    await rm(path, { recursive: true, force: true });
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
printTable(rows);

async function measure(runner: NodeRunner, m: Measurement, path: string, sizeBytes: number): Promise<Row> {
  process.stderr.write(`  ${m.name}: `);
  const analyzeArgs = [CLI, 'analyze', path, '--format', 'json', ...(m.flags ?? [])];
  const check = await runner.run(analyzeArgs, true);
  const report = JSON.parse(check.stdout) as { inputs: ReportInput[] };
  const problems = report.inputs.map((input) => m.expect(input)).filter((p): p is string => p !== undefined);
  const baselineArgs = m.baseline === 'read' ? bareReadArgs(path) : [CLI, '--version'];
  const analyze: Run[] = [];
  const baseline: Run[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate the order so that a burst of load elsewhere does not always hit the same side.
    if (i % 2 === 0) baseline.push(await runner.run(baselineArgs));
    analyze.push(await runner.run(analyzeArgs));
    if (i % 2 === 1) baseline.push(await runner.run(baselineArgs));
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  const ratios = analyze.map((a, i) => a.seconds / baseline[i]!.seconds);
  return {
    name: m.name,
    sizeBytes,
    analyze: median(analyze.map((r) => r.seconds)),
    baseline: median(baseline.map((r) => r.seconds)),
    ratio: median(ratios),
    rssMiB: Math.max(...analyze.map((r) => r.rssBytes)) / MiB,
    measurement: m,
    ...(problems.length > 0 && { note: `the report says: ${problems.join('; ')}` }),
  };
}

function printTable(table: Row[]): void {
  const header = ['input', 'size', 'analyze', 'baseline', 'ratio', 'target', 'peak RSS', 'target', 'MB/s'];
  const lines = table.map((r) => {
    const ratioOk = r.ratio <= r.measurement.maxRatio;
    const rssOk = r.measurement.maxRssMiB === undefined || r.rssMiB < r.measurement.maxRssMiB;
    return [
      r.name,
      `${(r.sizeBytes / MiB).toFixed(0)} MB`,
      `${r.analyze.toFixed(2)} s`,
      `${r.baseline.toFixed(2)} s ${r.measurement.baseline === 'read' ? 'read' : 'CLI start'}`,
      `${r.ratio.toFixed(2)}×`,
      `≤ ${r.measurement.maxRatio}× ${ratioOk ? 'met' : 'MISSED'}`,
      `${r.rssMiB.toFixed(0)} MB`,
      r.measurement.maxRssMiB === undefined ? '' : `< ${r.measurement.maxRssMiB} MB ${rssOk ? 'met' : 'MISSED'}`,
      (r.sizeBytes / MiB / r.analyze).toFixed(0),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(`\nmedian of ${runs} runs each, in fresh processes; node -e 0 takes ${nodeStart.toFixed(2)} s here`);
  console.log(format(header));
  console.log(format(widths.map((w) => '-'.repeat(w))));
  for (const line of lines) console.log(format(line));
  for (const r of table) if (r.note) console.log(`note: ${r.name}: ${r.note}`);
  const snapshots = table.filter((r) => r.name.startsWith('.rmp') && !r.name.includes('--deep'));
  const steps = snapshots.slice(1).map((r, i) => {
    const before = snapshots[i]!;
    const perGb = (r.analyze - before.analyze) / ((r.sizeBytes - before.sizeBytes) / 1024 / MiB);
    return `${before.name.replace(/\D+/g, ' ').trim()} → ${r.name.replace(/\D+/g, ' ').trim()} GiB: ${perGb.toFixed(2)} s per extra GB`;
  });
  if (steps.length > 0) console.log(`.rmp growth (linear when the steps agree): ${steps.join('; ')}`);
}

async function repeat(run: () => Promise<Run>): Promise<number[]> {
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) seconds.push((await run()).seconds);
  return seconds;
}

async function freeBytes(path: string): Promise<number> {
  const info = await statfs(path);
  return info.bavail * info.bsize;
}

async function sizeOf(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  const sizes = await Promise.all((await readdir(path)).map((name) => sizeOf(join(path, name))));
  return sizes.reduce((a, b) => a + b, 0);
}
