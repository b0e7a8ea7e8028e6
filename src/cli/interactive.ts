import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from './output.js';

export type OutputFormat = 'auto' | 'tui' | 'text' | 'md' | 'json';

interface Terminal {
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** CI services set CI (or CONTINUOUS_INTEGRATION); "0" and "false" mean not CI, as Ink reads it too. */
export function inCi(env: NodeJS.ProcessEnv): boolean {
  return ['CI', 'CONTINUOUS_INTEGRATION'].some((name) => env[name] !== undefined && env[name] !== '0' && env[name] !== 'false');
}

/** auto → the interactive report in an interactive terminal outside CI, else text. Checked before anything is read. */
export function resolveFormat(format: OutputFormat, out: string | undefined, terminal: Terminal): Exclude<OutputFormat, 'auto'> {
  const interactive = terminal.stdoutIsTTY && terminal.stdinIsTTY;
  if (format === 'tui') {
    if (out !== undefined) throw new UsageError('--format tui is interactive and cannot be written to a file; use --format text, md or json with --out.');
    if (!interactive) throw new UsageError(`--format tui needs an interactive terminal, but ${terminal.stdoutIsTTY ? 'stdin' : 'stdout'} is not one; use --format text, md or json.`);
    return 'tui';
  }
  if (format === 'auto') return interactive && out === undefined && !inCi(terminal.env) ? 'tui' : 'text';
  return format;
}

/** Writes the checklist the interactive report exports into the working folder, never over an existing file. */
export async function writeChecklistFile(markdown: string, folder = process.cwd()): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const path = resolve(folder, n === 1 ? 'guestram-checklist.md' : `guestram-checklist-${n}.md`);
    try {
      await writeFile(path, markdown, { encoding: 'utf8', flag: 'wx', mode: 0o666 });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error(`every name from guestram-checklist.md to guestram-checklist-999.md is taken in ${folder}`);
}
