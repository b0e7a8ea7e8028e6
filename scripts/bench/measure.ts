import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Run {
  seconds: number;
  /** Peak resident set of the child, bytes. */
  rssBytes: number;
  stdout: string;
}

/** What a child reports at exit: its peak RSS (process.resourceUsage().maxRSS, KiB), written to a file. */
const REPORTER = `import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));
`;

/** Runs `node <args>` in a fresh process, wall time from spawn to exit. */
export class NodeRunner {
  private constructor(
    private readonly reporter: string,
    private readonly rssFile: string,
  ) {}

  static async create(dir: string): Promise<NodeRunner> {
    const reporter = join(dir, 'report-rss.mjs');
    await writeFile(reporter, REPORTER);
    return new NodeRunner(reporter, join(dir, 'rss.txt'));
  }

  async run(args: string[], keepStdout = false): Promise<Run> {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', pathToFileURL(this.reporter).href, ...args], {
      stdio: ['ignore', keepStdout ? 'pipe' : 'ignore', 'pipe'],
      env: { ...process.env, BENCH_RSS_FILE: this.rssFile },
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const seconds = (performance.now() - started) / 1000;
    if (code !== 0 && code !== 1) throw new Error(`node ${args.join(' ')} exited with ${code}: ${stderr.slice(0, 500)}`);
    const rssBytes = Number(await readFile(this.rssFile, 'utf8')) * 1024;
    return { seconds, rssBytes, stdout };
  }
}

/** A Node stream over the file, doing nothing with it: the floor any reader of the file stands on. */
export function bareReadArgs(path: string): string[] {
  return ['-e', "const s = require('fs').createReadStream(process.argv[1], { highWaterMark: 1 << 20 }); s.on('data', () => {});", path];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
