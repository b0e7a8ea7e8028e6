import type { Fact, Hypervisor } from './facts.js';

/** The files of one batch (one input file, or one block of a pasted post). */
export interface FileFacts {
  file: string;
  facts: readonly Fact[];
}

/** Inputs that describe one machine: a guest (its host name) and the hypervisor files about its VM. */
export interface MachineGroup {
  /** `guest:<host name>`, `vm:<hypervisor>:<name>`, or `unnamed` for files that name no machine. */
  key: string;
  /** How a person calls it: the guest's host name, or the VM's name and hypervisor. */
  label: string;
  hostName?: string;
  hypervisor?: Hypervisor;
  files: string[];
  /** Indexes of the batches (inputs) in this group: one file may hold several inputs (the blocks of a post). */
  members: number[];
}

export interface MachineGrouping {
  groups: MachineGroup[];
  /** More than one machine: the inputs must not be merged into one guest. */
  mixed: boolean;
}

/** Counter objects measured inside the guest; a host's own counters (Hyper-V Dynamic Memory VM …) name the host. */
const GUEST_COUNTER_OBJECTS = /^(memory|process|paging file|processor|system|hyper-v dynamic memory integration service|vm memory|vm processor)$/i;

const PLATFORM_HINTS: [RegExp, Hypervisor][] = [
  [/qemu|kvm|bochs|seabios|ovmf|red hat|proxmox|nutanix|ahv/i, 'kvm'],
  [/vmware/i, 'vmware'],
  [/innotek|virtualbox|oracle/i, 'virtualbox'],
  [/hyper-v|virtual machine|microsoft corporation/i, 'hyperv'],
];

/** The hypervisor a guest's manufacturer, model or BIOS string names, if any. */
export function platformOf(value: string): Hypervisor | undefined {
  return PLATFORM_HINTS.find(([pattern]) => pattern.test(value))?.[1];
}

/** `web-iis-03.corp.example` and `WEB-IIS-03` are one machine. */
function normalHost(name: string): string {
  return name.trim().split('.')[0]!.toUpperCase();
}

interface FileIdentity {
  index: number;
  file: string;
  hosts: Set<string>;
  platform?: Hypervisor;
  /** Hypervisor-side files: which hypervisor and which VM names they describe. */
  hostSide?: Hypervisor;
  vmNames: Set<string>;
}

function identify(batch: FileFacts, index: number): FileIdentity {
  const identity: FileIdentity = { index, file: batch.file, hosts: new Set(), vmNames: new Set() };
  for (const fact of batch.facts) {
    if (fact.kind === 'system' && fact.field === 'hostName' && typeof fact.value === 'string' && fact.value.trim()) identity.hosts.add(normalHost(fact.value));
    if (fact.kind === 'system' && (fact.field === 'manufacturer' || fact.field === 'model') && typeof fact.value === 'string') identity.platform ??= platformOf(fact.value);
    if (fact.kind === 'counter' && fact.host && GUEST_COUNTER_OBJECTS.test(fact.object)) identity.hosts.add(normalHost(fact.host));
    if (fact.kind === 'hypervisor') {
      identity.hostSide ??= fact.hypervisor;
      if (fact.field === 'vmName' && typeof fact.value === 'string' && fact.value.trim()) identity.vmNames.add(fact.value.trim());
    }
  }
  return identity;
}

/**
 * Groups the inputs by the machine they describe. Guests are told apart by host name (systeminfo, CIM, counter
 * paths); a hypervisor file joins the guest whose platform is that hypervisor (and whose name it carries when
 * several could); a file that names no machine joins the one machine there is, or stays unnamed. Inputs of two
 * machines, or of two hypervisors, are never one guest.
 */
export function groupByMachine(batches: readonly FileFacts[]): MachineGrouping {
  const identities = batches.map(identify);
  const add = (group: MachineGroup, id: FileIdentity) => {
    if (!group.members.includes(id.index)) group.members.push(id.index);
    if (!group.files.includes(id.file)) group.files.push(id.file);
  };
  const guests = new Map<string, MachineGroup & { platforms: Set<Hypervisor>; vmNames: Set<string> }>();
  const unnamed: FileIdentity[] = [];
  for (const id of identities) {
    if (id.hostSide) continue;
    if (id.hosts.size === 0) {
      unnamed.push(id);
      continue;
    }
    for (const host of id.hosts) {
      const group = guests.get(host) ?? { key: `guest:${host}`, label: host, hostName: host, files: [], members: [], platforms: new Set<Hypervisor>(), vmNames: new Set<string>() };
      add(group, id);
      if (id.platform) group.platforms.add(id.platform);
      guests.set(host, group);
    }
  }
  const vms = new Map<string, MachineGroup>();
  // Files that name their VM first, so a file that names none can join the one VM of its hypervisor.
  const hostSide = identities.filter((i) => i.hostSide).sort((a, b) => (b.vmNames.size > 0 ? 1 : 0) - (a.vmNames.size > 0 ? 1 : 0));
  for (const id of hostSide) {
    const hypervisor = id.hostSide!;
    const candidates = [...guests.values()].filter((g) => g.platforms.size === 0 ? true : g.platforms.has(hypervisor));
    const byName = candidates.filter((g) => [...id.vmNames].some((n) => normalHost(n) === g.hostName));
    const target = byName.length === 1 ? byName[0] : candidates.length === 1 && guests.size === 1 ? candidates[0] : undefined;
    // One VM's config per guest: a second, naming another single VM, describes another machine.
    const otherVm = target !== undefined && id.vmNames.size === 1 && target.vmNames.size === 1 && !target.vmNames.has([...id.vmNames][0]!);
    if (target && !otherVm && (target.hypervisor === undefined || target.hypervisor === hypervisor)) {
      add(target, id);
      target.hypervisor = hypervisor;
      if (id.vmNames.size === 1) target.vmNames.add([...id.vmNames][0]!);
      continue;
    }
    const sameHypervisor = [...vms.values()].filter((g) => g.hypervisor === hypervisor);
    if (id.vmNames.size === 0 && sameHypervisor.length === 1) {
      add(sameHypervisor[0]!, id);
      continue;
    }
    const name = id.vmNames.size === 1 ? [...id.vmNames][0]! : '';
    const key = `vm:${hypervisor}:${name.toLowerCase()}`;
    const group = vms.get(key) ?? { key, label: name ? `VM ${name} (${hypervisor})` : `a ${hypervisor} VM`, hypervisor, files: [], members: [] };
    add(group, id);
    vms.set(key, group);
  }
  for (const group of guests.values()) {
    const platform = [...group.platforms][0];
    if (group.hypervisor === undefined && platform) group.hypervisor = platform;
  }
  const named: MachineGroup[] = [...[...guests.values()].map(({ platforms: _p, vmNames: _v, ...g }) => g), ...vms.values()];
  const platformClash = [...guests.values()].some((g) => g.platforms.size > 1);
  const rest = (label: string): MachineGroup => {
    const group: MachineGroup = { key: 'unnamed', label, files: [], members: [] };
    for (const id of unnamed) add(group, id);
    return group;
  };
  if (named.length === 0) return { groups: unnamed.length > 0 ? [rest('this guest')] : [], mixed: false };
  if (named.length === 1) for (const id of unnamed) add(named[0]!, id);
  const groups = named.length === 1 || unnamed.length === 0 ? named : [...named, rest('inputs that name no machine')];
  return { groups, mixed: named.length > 1 || platformClash };
}
