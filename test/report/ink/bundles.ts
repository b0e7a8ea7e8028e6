import { join } from 'node:path';
import { analyzePaths } from '../../../src/analyze.js';
import type { Report } from '../../../src/report/types.js';
import { ROOT } from '../../helpers/cli.js';

const cache = new Map<string, Promise<Report>>();

/** The report of a fixture bundle, computed in-process once per test file; paths stay relative as on the CLI. */
export function bundleReport(name: string): Promise<Report> {
  if (!cache.has(name)) {
    const cwd = process.cwd();
    process.chdir(ROOT);
    cache.set(name, analyzePaths([join('fixtures', 'bundles', name)]).finally(() => process.chdir(cwd)));
  }
  return cache.get(name)!;
}
