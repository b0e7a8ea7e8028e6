import type { Argv, ArgumentsCamelCase } from 'yargs';
import { analyzePaths } from '../../analyze.js';
import { formatBytes } from '../../model/bytes.js';
import { listLabel, RAMMAP_LISTS, RAMMAP_USES, useLabel } from '../../model/rammap.js';
import { availableBytes, simulate } from '../../simulate/model.js';
import { applyChange, calibrate, CHANGES, whatIf, type ChangeName } from '../../simulate/whatif.js';
import { UsageError, writeResult } from '../output.js';

interface WhatIfArgs {
  paths: string[];
  change: ChangeName;
  value?: string;
  out?: string;
}

const NEEDS_VALUE: ChangeName[] = ['set-balloon', 'set-dm-minimum', 'cap-sql-memory'];

export const command = 'whatif <paths..>';
export const describe = 'What one fix would give back: the model calibrated on a bundle, before and after the change';

export function builder(yargs: Argv): Argv<WhatIfArgs> {
  return yargs
    .positional('paths', { type: 'string', array: true, demandOption: true, describe: 'The bundle (files and/or folders)' })
    .option('change', { choices: CHANGES, demandOption: true, describe: 'The fix to try' })
    .option('value', { type: 'string', describe: 'MB for set-balloon, set-dm-minimum and cap-sql-memory; the pool tag for fix-pool-leak' })
    .option('out', { type: 'string', describe: 'Write to this file instead of stdout (- = stdout)' })
    .example('$0 whatif ./bundle --change install-display-driver', 'What installing the VirtIO display driver gives back')
    .example('$0 whatif ./bundle --change cap-sql-memory --value 4096', 'SQL Server capped at 4 GB') as unknown as Argv<WhatIfArgs>;
}

export async function handler(argv: ArgumentsCamelCase<WhatIfArgs>): Promise<void> {
  if (NEEDS_VALUE.includes(argv.change) && !(Number(argv.value) > 0)) throw new UsageError(`--change ${argv.change} needs --value MB (a positive number).`);
  const report = await analyzePaths(argv.paths);
  if (!report.inputs.some((i) => i.status === 'ok' || i.status === 'partial')) throw new UsageError('None of the inputs could be analyzed, so there is nothing to calibrate the model on.');
  const change = { name: argv.change, ...(argv.value !== undefined && { argument: NEEDS_VALUE.includes(argv.change) ? Number(argv.value) : argv.value }) };
  const scenario = calibrate(report);
  const before = simulate(scenario, 1, { exact: true }).state;
  const after = simulate(applyChange(scenario, change), 1, { exact: true }).state;
  const result = whatIf(report, change);
  const out = [
    `What if: ${result.change}`,
    `Now: ${report.summary.headline}`,
    '',
    `Available memory: ${formatBytes(result.availableBeforeBytes)} → ${formatBytes(result.availableAfterBytes)} (${signed(result.availableAfterBytes - result.availableBeforeBytes)})`,
    '',
    'What changes in the model of this guest (RAMMap rows, by page list):',
  ];
  for (const [use] of RAMMAP_USES) {
    for (const [list] of RAMMAP_LISTS) {
      const delta = (after.pages[use][list] - before.pages[use][list]) * 4096;
      if (Math.abs(delta) >= 1024 * 1024) out.push(`  ${`${useLabel(use)} / ${listLabel(list)}`.padEnd(34)} ${formatBytes(before.pages[use][list] * 4096).padStart(9)} → ${formatBytes(after.pages[use][list] * 4096).padStart(9)}`);
    }
  }
  if (availableBytes(before) === availableBytes(after)) out.push('  nothing: this change does not apply to what the bundle shows.');
  await writeResult(`${out.join('\n')}\n`, argv.out, report.inputs.map((i) => i.path));
}

function signed(bytes: number): string {
  return `${bytes >= 0 ? '+' : '−'}${formatBytes(Math.abs(bytes))}`;
}
