import { readFile } from 'node:fs/promises';

/**
 * A file shipped with the package (assets/, docs/). This module sits one level below the package root both
 * as src/package-file.ts and as dist/package-file.js, so one relative URL serves the tests and the built CLI.
 */
export function packageFileUrl(relative: string): URL {
  return new URL(`../${relative}`, import.meta.url);
}

export function readPackageFile(relative: string): Promise<string> {
  return readFile(packageFileUrl(relative), 'utf8');
}
