import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { InputMessage } from './messages.js';

export interface CollectedFiles {
  files: string[];
  messages: InputMessage[];
}

/**
 * Expands the paths the user gave into files: folders recursively, in name order, skipping hidden
 * entries (.DS_Store, .git) and following each real folder once so a symlink loop cannot recurse.
 */
export async function collectFiles(paths: string[]): Promise<CollectedFiles> {
  const files: string[] = [];
  const messages: InputMessage[] = [];
  const seenFolders = new Set<string>();

  async function visit(path: string, explicit: boolean): Promise<void> {
    let info;
    try {
      info = await stat(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code === 'ENOENT' ? (explicit ? 'it does not exist' : 'it is a broken link') : code === 'ELOOP' ? 'it is a symbolic link loop' : code === 'EACCES' || code === 'EPERM' ? 'permission was denied' : `the system said ${code}`;
      messages.push({ code: 'FILE_UNREADABLE', severity: 'error', file: path, text: `Skipped: ${reason}.` });
      return;
    }
    if (!info.isDirectory()) {
      // Opening a named pipe waits for a writer forever; sockets and devices are not exports either.
      if (info.isFile()) files.push(path);
      else messages.push({ code: 'FILE_UNREADABLE', severity: 'error', file: path, text: 'Skipped: it is not a regular file (a named pipe, socket or device).' });
      return;
    }
    const real = await realpath(path).catch(() => path);
    if (seenFolders.has(real)) {
      messages.push({ code: 'FILE_UNREADABLE', severity: 'warning', file: path, text: 'Skipped: this folder was already read through another path (a symbolic link loop?).' });
      return;
    }
    seenFolders.add(real);
    let entries: string[];
    try {
      entries = (await readdir(path)).sort();
    } catch {
      messages.push({ code: 'FILE_UNREADABLE', severity: 'error', file: path, text: 'Skipped: the folder could not be listed (permission denied?).' });
      return;
    }
    for (const entry of entries) {
      if (entry.startsWith('.')) continue;
      await visit(join(path, entry), false);
    }
  }

  for (const path of paths) await visit(path, true);
  return { files, messages };
}
