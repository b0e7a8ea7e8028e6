import type { Argv } from 'yargs';
import { builtInScenarioNames, loadBuiltInScenario } from '../../simulate/load-scenario.js';

export const command = 'scenarios';
export const describe = 'List the built-in scenarios of the simulated guest model';

export function builder(yargs: Argv): Argv {
  return yargs;
}

export function handler(): void {
  const names = builtInScenarioNames();
  const width = Math.max(...names.map((n) => n.length));
  const lines = names.map((name) => {
    const scenario = loadBuiltInScenario(name);
    return `${name.padEnd(width)}  ${scenario.expect.primaryCause.padEnd(18)} ${scenario.description}`;
  });
  process.stdout.write(`${'name'.padEnd(width)}  ${'expected cause'.padEnd(18)} description\n${lines.join('\n')}\n`);
}
