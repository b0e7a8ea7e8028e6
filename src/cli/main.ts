import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { VERSION } from '../analyze.js';
import * as analyze from './commands/analyze.js';
import * as collect from './commands/collect.js';
import * as explain from './commands/explain.js';
import * as formats from './commands/formats.js';
import * as scenarios from './commands/scenarios.js';
import * as schema from './commands/schema.js';
import * as simulateCommand from './commands/simulate.js';
import * as whatif from './commands/whatif.js';
import { ScenarioError } from '../simulate/load-scenario.js';
import { STDIO_ARG, UsageError } from './output.js';

/** Exit codes: 0 analyzed, 1 a finding at or above --fail-on, 2 usage error or nothing could be analyzed. */
async function main(): Promise<void> {
  await yargs(hideBin(process.argv).map((arg) => (arg === '-' ? STDIO_ARG : arg)))
    .scriptName('guestram')
    .usage('$0 <command> [options]\n\nTells where the RAM of a Windows guest VM went, from the diagnostics you exported.')
    .command(analyze)
    .command(formats)
    .command(schema)
    .command(collect)
    .command(explain)
    .command(scenarios)
    .command(simulateCommand)
    .command(whatif)
    .demandCommand(1, 'Say what to do: guestram analyze <folder>, or see --help.')
    .strict()
    .version(VERSION)
    .epilog('Exit codes: 0 analyzed · 1 a finding at or above --fail-on · 2 usage error or nothing could be analyzed · 3 (with --fail-on) the inputs allow no verdict')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .fail((message, error) => {
      if (error) throw error;
      process.stderr.write(`guestram: ${message}\nRun 'guestram --help' for usage.\n`);
      process.exit(2);
    })
    .parseAsync();
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ScenarioError) {
    process.stderr.write(`guestram: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  throw error;
});
