import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Spawns the built CLI (npm test builds first), by default from the repository root, without colour or a TTY.
 * `cli`: another copy of dist/cli/main.js; `env`: variables added to the environment.
 */
export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string>; cli?: string } = {}): CliResult {
  const env = { ...process.env, NO_COLOR: '1', CI: 'true', ...options.env };
  const result = spawnSync(process.execPath, [options.cli ?? CLI, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', env });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
