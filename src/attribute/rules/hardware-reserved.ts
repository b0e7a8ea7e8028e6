import { MiB } from '../../model/bytes.js';
import { size, type RuleContext } from '../context.js';
import { supports } from '../evidence.js';
import { collectStep } from '../next-evidence.js';
import type { RuleFinding } from '../types.js';

/** Installed minus visible: firmware, MMIO holes, or the 4 GB ceiling of a 32-bit guest. Not part of "in use". */
export function hardwareReservedRule(ctx: RuleContext): RuleFinding | undefined {
  const { installedBytes, visibleBytes, hardwareReservedBytes } = ctx.reconciliation;
  if (installedBytes === undefined || visibleBytes === undefined || !hardwareReservedBytes || hardwareReservedBytes < MiB) return undefined;
  const { snapshot } = ctx;
  const share = hardwareReservedBytes / installedBytes;
  const is32bit = /32|x86/i.test(String(snapshot.system.osArchitecture?.value ?? ''));
  const installedSource = snapshot.system.installedBytes ?? snapshot.vm.configuredBytes;
  return {
    cause: 'hardware-reserved',
    bytes: hardwareReservedBytes,
    prior: 0.6,
    items: [
      supports('installed', installedSource ? 'strong' : 'weak', `Installed: ${size(installedBytes)}.`, installedSource, installedSource !== undefined),
      supports('visible', 'weak', `Visible to Windows: ${size(visibleBytes)}.`, snapshot.system.visibleBytes),
      ...(is32bit ? [supports('32-bit', 'moderate', 'The guest runs 32-bit Windows, which cannot use more than 4 GB.', snapshot.system.osArchitecture)] : []),
    ],
    severity: share >= 0.25 ? 'warn' : 'info',
    title: `${size(hardwareReservedBytes)} of the ${size(installedBytes)} installed is hardware reserved and never visible to Windows${is32bit ? ' (32-bit Windows)' : ''}`,
    checklist: [
      collectStep('physical-memory', 'Compare installed and usable memory'),
      { text: 'If more is reserved than firmware and devices explain, remove a memory limit from the boot configuration (truncatememory / removememory)', command: 'bcdedit /deletevalue {current} truncatememory', fix: true },
      ...(is32bit ? [{ text: 'Move the workload to 64-bit Windows to use more than 4 GB' }] : []),
    ],
    claims: {},
  };
}
