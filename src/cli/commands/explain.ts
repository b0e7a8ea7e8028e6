import type { Argv, ArgumentsCamelCase } from 'yargs';
import { CAUSES } from '../../attribute/types.js';
import { causeFromArgument, causeLabel, causePage, pageSubtitle, terminalLinkTarget } from '../../docs/causes.js';
import { renderMarkdownForTerminal } from '../../docs/terminal-markdown.js';
import { UsageError } from '../output.js';

interface ExplainArgs {
  cause?: string;
  markdown: boolean;
  width?: number;
}

export const command = 'explain [cause]';
export const describe = 'Print the page about a cause: what it means, the evidence used, how to confirm and fix it, when it is normal';

export function builder(yargs: Argv): Argv<ExplainArgs> {
  return yargs
    .positional('cause', { type: 'string', describe: 'A cause as the report names it (e.g. balloon); without it, the list of causes' })
    .option('markdown', { type: 'boolean', default: false, describe: 'Print the page\'s Markdown source as it is' })
    .option('width', { type: 'number', describe: 'Wrap to this many columns (default: the terminal width, at most 100)' })
    .example('$0 explain missing-driver', 'Why the Basic Display Adapter can hold memory, and how to fix it')
    .example('$0 explain', 'List the causes') as unknown as Argv<ExplainArgs>;
}

export async function handler(argv: ArgumentsCamelCase<ExplainArgs>): Promise<void> {
  const width = argv.width ?? Math.min(100, process.stdout.columns ?? 80);
  if (argv.cause === undefined) {
    process.stdout.write(await causeList());
    return;
  }
  const cause = causeFromArgument(argv.cause);
  if (!cause) throw new UsageError(`"${argv.cause}" is not a cause guestram names. Causes: ${CAUSES.join(', ')}.`);
  const page = await causePage(cause);
  process.stdout.write(argv.markdown ? page : renderMarkdownForTerminal(page, { width, linkTarget: terminalLinkTarget }));
}

async function causeList(): Promise<string> {
  const rows = await Promise.all(CAUSES.map(async (cause) => [cause, pageSubtitle(await causePage(cause)) || causeLabel(cause)] as const));
  const width = Math.max(...CAUSES.map((c) => c.length));
  return `The causes guestram names (guestram explain <cause> prints one):\n\n${rows.map(([cause, text]) => `  ${cause.padEnd(width)}  ${text}`).join('\n')}\n`;
}
