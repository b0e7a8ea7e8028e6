import type { Argv, ArgumentsCamelCase } from 'yargs';
import { REPORT_SCHEMA } from '../../report/schema.js';
import { SCENARIO_SCHEMA } from '../../simulate/scenario-schema.js';

export const command = 'schema <which>';
export const describe = 'Print a JSON Schema (report: the --format json output; scenario: a simulator scenario file)';

export function builder(yargs: Argv): Argv<{ which: 'report' | 'scenario' }> {
  return yargs.positional('which', { choices: ['report', 'scenario'] as const, demandOption: true }) as unknown as Argv<{ which: 'report' | 'scenario' }>;
}

export function handler(argv: ArgumentsCamelCase<{ which: 'report' | 'scenario' }>): void {
  process.stdout.write(`${JSON.stringify(argv.which === 'report' ? REPORT_SCHEMA : SCENARIO_SCHEMA, null, 2)}\n`);
}
