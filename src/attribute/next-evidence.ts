import type { FormatId } from '../ingest/parser.js';
import type { GuestSnapshot } from '../model/snapshot.js';
import { basicDisplayAdapter, paravirtDisplay } from './devices.js';
import type { NextEvidence } from './types.js';

/** An input guestram can ask for; each is a command whose output it reads. */
export const EVIDENCE_REQUESTS = [
  'video-controller',
  'pnp-devices',
  'info-balloon',
  'dommemstat',
  'qm-config',
  'vm-memory',
  'dm-host-counters',
  'vmware-balloon',
  'vbox-balloon',
  'rammap',
  'pool-tags',
  'memory-counters',
  'processes',
  'systeminfo',
  'physical-memory',
  'guest-bundle',
] as const;
export type EvidenceRequest = (typeof EVIDENCE_REQUESTS)[number];

export interface RequestSpec {
  /** What it tells, as the finding's "collect next" line reads. */
  text: string;
  /** `<vm>` and `<vmid>` are filled with the VM's name when the inputs name it. */
  command: string;
  where: 'guest' | 'host';
  /** The formats that read this command's output (the loop test checks each reads it back). */
  formats: FormatId[];
  /** Whether the inputs already hold what it would give. */
  given(snapshot: GuestSnapshot): boolean;
}

const defined = (value: unknown) => value !== undefined;

export const REQUESTS: Record<EvidenceRequest, RequestSpec> = {
  'video-controller': {
    text: 'the display adapter the guest uses and its driver',
    command: 'Get-CimInstance Win32_VideoController | ConvertTo-Json',
    where: 'guest',
    formats: ['cim-json'],
    given: (s) => basicDisplayAdapter(s) !== undefined || paravirtDisplay(s) !== undefined || s.devices.some((d) => /display/i.test(d.deviceClass ?? '') || d.adapterRamBytes !== undefined),
  },
  'pnp-devices': {
    text: 'the guest\'s devices and which have no working driver',
    command: 'Get-PnpDevice | Export-Csv pnpdevices.csv -NoTypeInformation -Encoding UTF8',
    where: 'guest',
    formats: ['pnpdevice-csv'],
    given: (s) => s.devices.length > 0,
  },
  'info-balloon': {
    text: 'how far the balloon is inflated now (actual = memory the guest keeps)',
    command: "echo 'info balloon' | qm monitor <vmid>",
    where: 'host',
    formats: ['qemu-info-balloon'],
    given: (s) => defined(s.vm.balloonActualBytes) || defined(s.vm.balloonSizeBytes),
  },
  dommemstat: {
    text: 'how far the balloon is inflated now (actual = memory the guest keeps)',
    command: 'virsh dommemstat <vm>',
    where: 'host',
    formats: ['virsh-dommemstat'],
    given: (s) => defined(s.vm.balloonActualBytes) || defined(s.vm.balloonSizeBytes),
  },
  'qm-config': {
    text: 'the VM\'s memory, balloon and display settings',
    command: 'qm config <vmid>',
    where: 'host',
    formats: ['proxmox-qm-config'],
    given: (s) => defined(s.vm.configuredBytes) || defined(s.vm.balloonEnabled),
  },
  'vm-memory': {
    text: 'whether Dynamic Memory is on, its range, and what the host assigns now',
    command: "Get-VM -Name '<vm>' | Select-Object VMName, DynamicMemoryEnabled, MemoryStartup, MemoryMinimum, MemoryMaximum, MemoryAssigned, MemoryDemand | ConvertTo-Json",
    where: 'host',
    formats: ['hyperv-vm-json'],
    given: (s) => defined(s.vm.dynamicMemoryEnabled),
  },
  'dm-host-counters': {
    text: 'the memory pressure the Dynamic Memory balancer sees for this VM, and what it removed',
    command: 'typeperf "\\Hyper-V Dynamic Memory VM(<vm>)\\*" -si 5 -sc 12 -f CSV -o dm-vm-counters.csv',
    where: 'host',
    formats: ['pdh-csv'],
    given: (s) => s.counters.some((c) => /^hyper-v dynamic memory vm$/i.test(c.object)),
  },
  'vmware-balloon': {
    text: 'the VMware balloon\'s size',
    command: 'vmware-toolbox-cmd stat balloon',
    where: 'guest',
    formats: ['vmware-toolbox-balloon'],
    given: (s) => defined(s.vm.balloonSizeBytes) || s.counters.some((c) => /^vm memory$/i.test(c.object) && /balloon/i.test(c.counter)),
  },
  'vbox-balloon': {
    text: 'the VirtualBox balloon\'s size',
    command: 'VBoxManage metrics query <vm> Guest/RAM/Usage/Balloon',
    where: 'host',
    formats: ['vbox-metrics'],
    given: (s) => defined(s.vm.balloonSizeBytes),
  },
  rammap: {
    text: 'a RAMMap snapshot: it splits in-use memory by use (Driver Locked, pools, AWE …)',
    command: 'RAMMap64.exe -accepteula C:\\temp\\snapshot.rmp',
    where: 'guest',
    formats: ['rammap-rmp'],
    given: (s) => s.rammap !== undefined,
  },
  'pool-tags': {
    text: 'the pool by tag, to name the driver that holds it',
    command: 'poolmon.exe -b -n C:\\temp\\poolsnap.txt',
    where: 'guest',
    formats: [],
    given: (s) => s.pools.length > 0,
  },
  'memory-counters': {
    text: 'the memory counters (available, commit, pools) over a minute',
    command: 'typeperf "\\Memory\\*" -si 1 -sc 60 -f CSV -o memory-counters.csv',
    where: 'guest',
    formats: ['pdh-csv'],
    given: (s) => s.counters.some((c) => /^memory$/i.test(c.object)),
  },
  processes: {
    text: 'the processes and their private memory',
    command: 'Get-Process | Export-Csv processes.csv -NoTypeInformation -Encoding UTF8',
    where: 'guest',
    formats: ['getprocess-csv'],
    given: (s) => s.processes.length > 0 || s.processSums.PM !== undefined,
  },
  systeminfo: {
    text: 'the guest\'s memory size, what is available, and the machine it runs on',
    command: 'systeminfo /fo csv > systeminfo.csv',
    where: 'guest',
    formats: ['systeminfo-csv'],
    given: (s) => defined(s.system.visibleBytes),
  },
  'physical-memory': {
    text: 'the memory installed (the DIMMs the guest sees) and what Windows can use',
    command: 'Get-CimInstance Win32_PhysicalMemory | ConvertTo-Json',
    where: 'guest',
    formats: ['cim-json'],
    given: (s) => defined(s.system.installedBytes),
  },
  'guest-bundle': {
    text: 'a complete bundle from the guest, collected at one moment (processes, counters, systeminfo, devices, RAMMap): save the script with guestram collect --out guestram-collect.ps1',
    command: 'powershell.exe -NoProfile -ExecutionPolicy Bypass -File .\\guestram-collect.ps1',
    where: 'guest',
    formats: ['getprocess-csv', 'cim-json', 'systeminfo-csv', 'pdh-csv', 'pnpdevice-csv', 'driverquery-csv', 'rammap-rmp'],
    given: (s) => s.processes.length > 0 && defined(s.system.visibleBytes) && s.counters.length > 0 && s.devices.length > 0,
  },
};

/** The command with the VM's name where the inputs give it. */
export function commandFor(request: EvidenceRequest, snapshot: GuestSnapshot): string {
  const name = snapshot.vm.vmName ? String(snapshot.vm.vmName.value) : undefined;
  const command = REQUESTS[request].command;
  return name ? command.replace(/<vm>/g, name) : command;
}

/** A checklist step that gathers evidence: the request's own command, so what it prints is what guestram reads. */
export function collectStep(request: EvidenceRequest, text: string): { text: string; command: string; where?: 'host'; collects: EvidenceRequest } {
  const spec = REQUESTS[request];
  return { text, command: spec.command, ...(spec.where === 'host' && { where: 'host' as const }), collects: request };
}

/** The first input of the list the bundle does not hold yet, as a command to run. */
export function nextEvidence(requests: readonly EvidenceRequest[], snapshot: GuestSnapshot): NextEvidence | undefined {
  const request = requests.find((r) => !REQUESTS[r].given(snapshot));
  return request && asNextEvidence(request, snapshot);
}

/** The request as the report shows it, whether or not the inputs already hold it (e.g. "collect it again, at one moment"). */
export function asNextEvidence(request: EvidenceRequest, snapshot: GuestSnapshot): NextEvidence {
  const spec = REQUESTS[request];
  return { request, text: spec.text, command: commandFor(request, snapshot), where: spec.where };
}
