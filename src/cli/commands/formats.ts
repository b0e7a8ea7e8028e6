import type { Argv } from 'yargs';
import { PARSERS } from '../../ingest/parsers/index.js';

export const command = 'formats';
export const describe = 'List the export formats guestram recognises';

export function builder(yargs: Argv): Argv {
  return yargs;
}

export function handler(): void {
  const width = Math.max(...PARSERS.map((p) => p.format.length));
  process.stdout.write(`${PARSERS.map((p) => `${p.format.padEnd(width)}  ${p.title}`).join('\n')}\n`);
}
