import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

export interface Sample {
  /** Path under fixtures/, used as the file name in every message. */
  name: string;
  bytes: Uint8Array;
}

export interface Bundle {
  name: string;
  files: Sample[];
}

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const load = (path: string): Sample => ({ name: relative(FIXTURES, path), bytes: new Uint8Array(readFileSync(path)) });

/** Every export sample and every bundle file (the `.expected.json` answers and the README are not inputs). */
export function loadSamples(): Sample[] {
  return walk(FIXTURES).filter((path) => !path.endsWith('.expected.json') && path !== join(FIXTURES, 'README.md')).map(load);
}

export function loadBundles(): Bundle[] {
  const root = join(FIXTURES, 'bundles');
  return readdirSync(root)
    .filter((name) => statSync(join(root, name)).isDirectory())
    .sort()
    .map((name) => ({ name, files: walk(join(root, name)).map(load) }));
}
