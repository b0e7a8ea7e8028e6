import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, readlink, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * Every file guestram writes goes through here (`--out` of analyze, whatif, schema, collect; simulate's folder),
 * with what a shell redirect would do, and nothing worse:
 * - `-` is standard output;
 * - a symbolic link is followed and its target written (the link stays);
 * - a character device or a FIFO is written through, never replaced (`/dev/null`, a pipe's reader);
 * - an existing regular file keeps its mode, owner and hard links; a new one gets 0666 minus the umask;
 * - the content is complete before the first byte is written, and a failure leaves the old file as it was;
 * - an input file is never the target.
 */
export async function writeOutput(path: string, content: string | Uint8Array, inputs: readonly string[] = []): Promise<void> {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  if (isStdio(path)) {
    await writeStdout(data);
    return;
  }
  try {
    const target = await followLinks(resolve(path));
    if (await isOneOf(target, inputs)) {
      throw new UsageError(`--out ${path} is one of the input files; guestram never overwrites its inputs.`);
    }
    const info = await lstat(target).catch(notFound);
    if (!info) await createFile(target, data);
    else if (info.isFile()) await replaceFile(target, info, data);
    else if (info.isCharacterDevice() || info.isFIFO()) await writeThrough(target, data);
    else throw new UsageError(`--out ${path} could not be written: ${refusal(info)}.`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--out ${path} could not be written: ${reasonOf(error)}.`);
  }
}

/**
 * A command's result: to standard output, or to `--out` (then a line on stderr says where, so a script that
 * redirects stdout still sees it). `-` is standard output.
 */
export async function writeResult(content: string, out: string | undefined, inputs: readonly string[] = []): Promise<void> {
  if (out === undefined || isStdio(out)) {
    await writeStdout(Buffer.from(content, 'utf8'));
    return;
  }
  await writeOutput(out, content, inputs);
  process.stderr.write(`Written to ${out}\n`);
}

/** What a file's writer needs of `writeOutputFolder`: a name inside the folder and its bytes. */
export interface OutputFile {
  name: string;
  content: string | Uint8Array;
}

/**
 * Writes files into a folder (created when missing). A folder that holds anything else than `ours` may hold
 * is refused unless `force`; files of an earlier run that this run does not write again are removed, so the
 * folder never mixes two runs.
 */
export async function writeOutputFolder(dir: string, files: readonly OutputFile[], ours: (name: string) => boolean, force = false): Promise<void> {
  const target = resolve(dir);
  try {
    await mkdir(target, { recursive: true });
    const entries = await readdir(target, { withFileTypes: true });
    const strangers = entries.filter((e) => !e.isFile() || !ours(e.name)).map((e) => e.name);
    if (strangers.length > 0 && !force) {
      throw new UsageError(`${dir} already holds files guestram did not write (${strangers.slice(0, 3).join(', ')}${strangers.length > 3 ? ', …' : ''}); give an empty or new folder, or --force to write into it anyway.`);
    }
    const names = new Set(files.map((f) => f.name));
    for (const entry of entries) {
      if (entry.isFile() && ours(entry.name) && !names.has(entry.name)) await rm(join(target, entry.name));
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${dir} could not be written: ${reasonOf(error)}.`);
  }
  for (const file of files) await writeOutput(join(target, file.name), file.content);
}

async function writeStdout(data: Uint8Array): Promise<void> {
  await new Promise<void>((done, fail) => {
    process.stdout.write(data, (error) => (error ? fail(error) : done()));
  });
}

/** The file a path finally names, through any symbolic links (a dangling link names its missing target). */
async function followLinks(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(current).catch(notFound);
    if (!info?.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
}

function notFound(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
  throw error;
}

function refusal(info: Stats): string {
  if (info.isDirectory()) return 'it is a folder';
  if (info.isBlockDevice()) return 'it is a block device (a disk); guestram will not write a report over a disk';
  if (info.isSocket()) return 'it is a socket, which cannot be opened as a file; use --out - and a pipe instead';
  return 'it is not a file';
}

/** A new file: written whole under a temporary name, then renamed into place; 0666 minus the umask, like `>`. */
async function createFile(target: string, data: Uint8Array): Promise<void> {
  const temp = await writeTemp(target, data, 0o666);
  await renameOrRemove(temp, target);
}

/**
 * An existing file. With one link it is replaced by a complete copy with its mode and owner; when that cannot
 * be done (hard links, a folder we may not write to, an owner we may not give) it is rewritten in place.
 */
async function replaceFile(target: string, info: Stats, data: Uint8Array): Promise<void> {
  if (info.nlink === 1) {
    const temp = await writeTemp(target, data, info.mode & 0o7777, info).catch(() => undefined);
    if (temp) {
      await renameOrRemove(temp, target);
      return;
    }
  }
  await rewriteInPlace(target, info, data);
}

async function writeTemp(target: string, data: Uint8Array, mode: number, keep?: Stats): Promise<string> {
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx' fails on an existing name, so a planted link is never written through.
  const handle = await open(temp, 'wx', mode);
  try {
    if (keep) {
      await handle.chmod(mode);
      if (keep.uid !== process.getuid?.() || keep.gid !== process.getgid?.()) await handle.chown(keep.uid, keep.gid);
    }
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return temp;
}

async function renameOrRemove(temp: string, target: string): Promise<void> {
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Old content up to this size is kept in memory to put back if the rewrite fails half way. */
const RESTORABLE_BYTES = 64 * 1024 * 1024;

async function rewriteInPlace(target: string, info: Stats, data: Uint8Array): Promise<void> {
  const old = info.size <= RESTORABLE_BYTES ? await readFile(target) : undefined;
  const handle = await open(target, 'r+');
  try {
    await handle.write(data, 0, data.length, 0);
    await handle.truncate(data.length);
  } catch (error) {
    if (old) await handle.truncate(0).then(() => handle.write(old, 0, old.length, 0)).catch(() => undefined);
    throw error;
  } finally {
    await handle.close();
  }
}

/** Devices and pipes are written as they are: opened for writing, never truncated by rename or replaced. */
async function writeThrough(target: string, data: Uint8Array): Promise<void> {
  const handle = await open(target, 'w');
  try {
    let offset = 0;
    while (offset < data.length) {
      const { bytesWritten } = await handle.write(data, offset, Math.min(1 << 20, data.length - offset));
      offset += bytesWritten;
    }
  } finally {
    await handle.close();
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'its folder does not exist'
    : code === 'ENOTDIR' ? 'a part of its path is not a folder'
    : code === 'EACCES' || code === 'EPERM' ? 'permission was denied'
    : code === 'EISDIR' ? 'it is a folder'
    : code === 'ELOOP' ? 'it is a loop of symbolic links'
    : code === 'ENXIO' ? 'nothing is reading from that pipe or device'
    : code === 'EROFS' ? 'the file system is read-only'
    : code === 'ENOSPC' ? 'the disk is full'
    : code === 'EDQUOT' ? 'the disk quota is used up'
    : `the system said ${code ?? String(error)}`;
}

/** The same file by path, or reached another way: through a symbolic link or a hard link. */
async function isOneOf(target: string, inputs: readonly string[]): Promise<boolean> {
  if (inputs.some((input) => resolve(input) === target)) return true;
  const existing = await stat(target).catch(() => undefined);
  if (!existing) return false;
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info && info.dev === existing.dev && info.ino === existing.ino) return true;
  }
  return false;
}

/**
 * yargs drops a lone `-` from the command line, so main.ts hands it over as this (a NUL cannot be in a path):
 * `--out -` is standard output and `analyze -` standard input.
 */
export const STDIO_ARG = '\0-';

export function isStdio(arg: string): boolean {
  return arg === '-' || arg === STDIO_ARG;
}

/** A mistake in how guestram was called: printed as one line, exit code 2. */
export class UsageError extends Error {}
