import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

let root: URL | undefined;

/**
 * The package's own folder: the nearest one above this code that holds package.json. The code runs as
 * src/*.ts in the tests and bundled into dist/cli/ in the CLI, at different depths, so it is found, not assumed.
 */
function packageRoot(): URL {
  if (root) return root;
  for (let dir = new URL('./', import.meta.url); ; ) {
    if (existsSync(new URL('package.json', dir))) return (root = dir);
    const parent = new URL('../', dir);
    if (parent.href === dir.href) throw new Error(`guestram's package.json was not found above ${import.meta.url}`);
    dir = parent;
  }
}

/** A file shipped with the package (assets/, docs/, package.json). */
export function packageFileUrl(relative: string): URL {
  return new URL(relative, packageRoot());
}

export function readPackageFile(relative: string): Promise<string> {
  return readFile(packageFileUrl(relative), 'utf8');
}

export function readPackageFileSync(relative: string): string {
  return readFileSync(packageFileUrl(relative), 'utf8');
}
