import type { Argv, ArgumentsCamelCase } from 'yargs';
import { REPORT_SCHEMA } from '../../report/schema.js';

export const command = 'schema <which>';
export const describe = 'Print a JSON Schema (report: the --format json output)';

export function builder(yargs: Argv): Argv<{ which: 'report' }> {
  return yargs.positional('which', { choices: ['report'] as const, demandOption: true }) as unknown as Argv<{ which: 'report' }>;
}

export function handler(_argv: ArgumentsCamelCase<{ which: 'report' }>): void {
  process.stdout.write(`${JSON.stringify(REPORT_SCHEMA, null, 2)}\n`);
}
