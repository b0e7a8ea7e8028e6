import { MiB } from '../../model/bytes.js';
import { sized, size, type RuleContext } from '../context.js';
import { supports } from '../evidence.js';
import { collectStep } from '../next-evidence.js';
import type { RuleFinding } from '../types.js';

/** Windows 10+ keeps compressed pages in the hidden "Memory Compression" process: memory saved, not lost. */
export function memoryCompressionRule(ctx: RuleContext): RuleFinding | undefined {
  const process = ctx.snapshot.processes.find((p) => /^memory compression$/i.test(p.name));
  const rammapProcess = ctx.snapshot.rammapProcesses.find((p) => /^memory compression$/i.test(p.name));
  const bytes = process?.wsBytes ?? rammapProcess?.privateBytes;
  if (bytes === undefined || bytes < 16 * MiB) return undefined;
  return {
    cause: 'memory-compression',
    bytes,
    prior: 0.8,
    items: [supports('compression-process', 'strong', `"Memory Compression" working set: ${size(bytes)}.`, process?.source ?? rammapProcess?.source, true)],
    severity: 'info',
    title: `The Memory Compression process holds ${sized(ctx, bytes)} of compressed pages — memory saved, not lost`,
    checklist: [
      collectStep('processes', 'Watch the Memory Compression process\'s working set over time'),
      { text: 'It is normal. Only if the guest is a server with ample RAM and you prefer no compression', command: 'Disable-MMAgent -MemoryCompression', fix: true },
    ],
    claims: {},
  };
}
