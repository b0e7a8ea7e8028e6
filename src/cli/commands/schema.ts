import type { Argv, ArgumentsCamelCase } from 'yargs';
import { REPORT_SCHEMA } from '../../report/schema.js';
import { SCENARIO_SCHEMA } from '../../simulate/scenario-schema.js';
import { writeResult } from '../output.js';

interface SchemaArgs {
  which: 'report' | 'scenario';
  out?: string;
}

export const command = 'schema <which>';
export const describe = 'Print a JSON Schema (report: the --format json output; scenario: a simulator scenario file)';

export function builder(yargs: Argv): Argv<SchemaArgs> {
  return yargs
    .positional('which', { choices: ['report', 'scenario'] as const, demandOption: true })
    .option('out', { type: 'string', describe: 'Write to this file instead of stdout (- = stdout)' }) as unknown as Argv<SchemaArgs>;
}

export async function handler(argv: ArgumentsCamelCase<SchemaArgs>): Promise<void> {
  await writeResult(`${JSON.stringify(argv.which === 'report' ? REPORT_SCHEMA : SCENARIO_SCHEMA, null, 2)}\n`, argv.out);
}
