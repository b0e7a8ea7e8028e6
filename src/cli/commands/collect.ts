import type { Argv, ArgumentsCamelCase } from 'yargs';
import { guestScript, hostSheet, HOSTS, type Host } from '../../collect/sources.js';
import { PARSERS } from '../../ingest/parsers/index.js';
import { isStdio, writeResult } from '../output.js';

interface CollectArgs {
  host?: Host;
  out?: string;
}

const RUN_IT = 'Copy it into the guest and run it in an elevated PowerShell:\n'
  + '  powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\\guestram-collect.ps1\n'
  + 'It writes a guestram-<computer>-<time> folder and .zip on the Desktop; analyze it with: guestram analyze <folder>\n';

export const command = 'collect';
export const describe = 'Print the PowerShell script that collects a bundle inside the guest, or (--host) the host-side commands';

export function builder(yargs: Argv): Argv<CollectArgs> {
  return yargs
    .option('host', { choices: HOSTS, describe: 'Print the commands to run on this hypervisor host instead, and where to save their output' })
    .option('out', { type: 'string', describe: 'Write to this file instead of stdout (- = stdout)' })
    .example('$0 collect --out guestram-collect.ps1', 'Save the guest script, then run it in the guest as administrator')
    .example('$0 collect --host proxmox', 'What to run on the Proxmox host') as unknown as Argv<CollectArgs>;
}

export async function handler(argv: ArgumentsCamelCase<CollectArgs>): Promise<void> {
  const content = argv.host ? await hostInstructions(argv.host) : await guestScript();
  if (argv.out !== undefined && !isStdio(argv.out)) {
    await writeResult(content, argv.out);
    if (!argv.host) process.stderr.write(RUN_IT);
    return;
  }
  process.stdout.write(content);
  if (!argv.host && process.stdout.isTTY) {
    process.stderr.write(`\nSave the script with: guestram collect --out guestram-collect.ps1\n${RUN_IT}`);
  }
}

async function hostInstructions(host: Host): Promise<string> {
  const sheet = await hostSheet(host);
  const width = Math.max(...sheet.outputs.map((o) => o.file.length));
  const files = sheet.outputs.map((o) => `  ${o.file.padEnd(width)}  ${PARSERS.find((p) => p.format === o.format)?.title ?? o.format}`);
  return `${sheet.text}\n\nSave the output into the bundle folder, next to the guest's files (any name works: guestram\nrecognises each file by its content):\n${files.join('\n')}\n`;
}
