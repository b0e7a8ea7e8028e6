import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Writes a report atomically (temp file + rename) so a crash never leaves half a report behind. */
export async function writeOutput(path: string, content: string, inputs: string[]): Promise<void> {
  const target = resolve(path);
  if (inputs.some((input) => resolve(input) === target)) {
    throw new UsageError(`--out ${path} is one of the input files; guestram never overwrites its inputs.`);
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  await writeFile(temp, content, { encoding: 'utf8', mode: 0o644 });
  await rename(temp, target);
}

/** A mistake in how guestram was called: printed as one line, exit code 2. */
export class UsageError extends Error {}
