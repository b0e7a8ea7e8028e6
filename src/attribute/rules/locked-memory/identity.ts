import type { Hypervisor } from '../../../model/facts.js';
import type { RuleContext } from '../../context.js';
import { contradicts, supports, type EvidenceItem, type Weight } from '../../evidence.js';

const NAMES: Record<Hypervisor, string> = { hyperv: 'Hyper-V', kvm: 'KVM/QEMU', vmware: 'VMware', virtualbox: 'VirtualBox' };

export function hypervisorName(hypervisor: Hypervisor | undefined): string {
  return hypervisor ? NAMES[hypervisor] : 'an unknown hypervisor';
}

/**
 * An item for or against a cause from which hypervisor the guest runs on: the cause exists only on some.
 * The identity is a clue (model string, device vendor, a host file), so the item is never direct.
 */
export function hypervisorItem(ctx: RuleContext, key: string, on: readonly Hypervisor[], weightFor: Weight, weightAgainst: Weight, why: string): EvidenceItem | undefined {
  const identity = ctx.snapshot.hypervisor;
  if (!identity) return undefined;
  const name = NAMES[identity.value];
  return on.includes(identity.value)
    ? supports(key, weightFor, `The guest runs on ${name}${why ? `, ${why}` : ''}.`, identity)
    : contradicts(key, weightAgainst, `The guest runs on ${name}, not ${on.map((h) => NAMES[h]).join(' or ')}.`, identity);
}
