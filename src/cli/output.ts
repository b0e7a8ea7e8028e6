import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/** Writes a report atomically (temp file + rename) so a crash never leaves half a report behind. */
export async function writeOutput(path: string, content: string, inputs: string[]): Promise<void> {
  const target = resolve(path);
  if (await isOneOf(target, inputs)) {
    throw new UsageError(`--out ${path} is one of the input files; guestram never overwrites its inputs.`);
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    // 'wx' fails on an existing file or a planted symbolic link instead of writing through it.
    await writeFile(temp, content, { encoding: 'utf8', mode: 0o644, flag: 'wx' });
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw new UsageError(`--out ${path} could not be written: ${reasonOf(error)}.`);
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'its folder does not exist'
    : code === 'EACCES' || code === 'EPERM' ? 'permission was denied'
    : code === 'EISDIR' ? 'it is a folder'
    : code === 'EEXIST' ? 'a temporary file of that name is in the way'
    : code === 'EROFS' ? 'the file system is read-only'
    : code === 'ENOSPC' ? 'the disk is full'
    : `the system said ${code ?? String(error)}`;
}

/** The same file by path, or reached another way: through a symbolic link or a hard link. */
async function isOneOf(target: string, inputs: string[]): Promise<boolean> {
  if (inputs.some((input) => resolve(input) === target)) return true;
  const existing = await stat(target).catch(() => undefined);
  if (!existing) return false;
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info && info.dev === existing.dev && info.ino === existing.ino) return true;
  }
  return false;
}

/** A mistake in how guestram was called: printed as one line, exit code 2. */
export class UsageError extends Error {}
