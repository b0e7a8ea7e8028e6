import { MiB } from '../model/bytes.js';
import type { Rng } from './rng.js';
import type { ProcessProfile } from './scenario.js';
import type { SimProcess } from './state.js';

/** Processes every Windows guest runs, with a typical share of private memory (weights, not sizes). */
const BASE: [name: string, weight: number, session: number][] = [
  ['System', 0.2, 0], ['Registry', 1.5, 0], ['smss', 0.1, 0], ['csrss', 0.3, 0], ['wininit', 0.2, 0], ['csrss', 0.3, 1],
  ['winlogon', 0.3, 1], ['services', 0.6, 0], ['lsass', 1.0, 0], ['fontdrvhost', 0.2, 0], ['fontdrvhost', 0.2, 1],
  ['dwm', 2.5, 1], ['svchost', 1.5, 0], ['svchost', 0.8, 0], ['svchost', 2.0, 0], ['svchost', 0.5, 0], ['svchost', 1.2, 0],
  ['svchost', 0.4, 0], ['svchost', 0.9, 0], ['svchost', 3.0, 0], ['svchost', 0.6, 0], ['svchost', 0.7, 0], ['svchost', 0.3, 0],
  ['spoolsv', 0.8, 0], ['MsMpEng', 20, 0], ['NisSrv', 1.0, 0], ['WmiPrvSE', 1.0, 0], ['WmiPrvSE', 0.6, 0], ['explorer', 4.0, 1],
  ['sihost', 0.5, 1], ['taskhostw', 0.6, 1], ['ctfmon', 0.3, 1], ['RuntimeBroker', 0.5, 1], ['SearchApp', 3.0, 1],
  ['StartMenuExperienceHost', 1.5, 1], ['conhost', 0.2, 1], ['powershell', 6.0, 1], ['dllhost', 0.4, 0], ['msdtc', 0.3, 0],
  ['WUDFHost', 0.3, 0], ['vmtoolsd', 0.8, 0], ['SecurityHealthService', 0.4, 0], ['TiWorker', 5.0, 0], ['TrustedInstaller', 0.6, 0],
];

const PROFILE: Record<ProcessProfile, [name: string, weight: number, session: number][]> = {
  server: [['w3wp', 18, 0], ['w3wp', 9, 0], ['java', 30, 0], ['sshd', 0.3, 0]],
  desktop: [['chrome', 12, 1], ['chrome', 6, 1], ['chrome', 4, 1], ['chrome', 3, 1], ['OUTLOOK', 14, 1], ['Teams', 16, 1], ['OneDrive', 2, 1]],
  sql: [['sqlservr', 6, 0], ['SQLAGENT', 0.8, 0], ['sqlwriter', 0.2, 0], ['fdlauncher', 0.1, 0], ['ReportingServicesService', 8, 0]],
  build: [['MSBuild', 20, 1], ['MSBuild', 15, 1], ['devenv', 25, 1], ['node', 10, 1], ['git', 0.5, 1], ['VBCSCompiler', 12, 1]],
};

/**
 * A process list whose private memory adds up to `privateMiB` (± the jitter), with working sets, handles and the
 * part of each process's private memory that is resident. `compressionMiB` is the Memory Compression working set.
 */
export function makeProcesses(rng: Rng, profile: ProcessProfile, privateMiB: number, count: number, compressionMiB: number): SimProcess[] {
  const template = [...BASE, ...PROFILE[profile]];
  while (template.length < count) template.push(['svchost', rng.jitter(0.5, 0.8), 0]);
  const chosen = template.slice(0, Math.max(count, 10)).map(([name, weight, session]) => ({ name, weight: rng.jitter(weight, 0.3), session }));
  const totalWeight = chosen.reduce((s, p) => s + p.weight, 0);
  const usedPids = new Set<number>();
  const pid = () => {
    let value;
    do value = rng.int(1, 4000) * 4;
    while (usedPids.has(value));
    usedPids.add(value);
    return value;
  };
  const processes: SimProcess[] = chosen.map(({ name, weight, session }) => {
    const pmBytes = Math.round(((privateMiB * weight) / totalWeight) * MiB / 4096) * 4096;
    const residentShare = rng.jitter(0.92, 0.06);
    const residentPrivatePages = Math.floor((pmBytes * residentShare) / 4096);
    const sharedBytes = Math.round(rng.jitter(8, 0.7) * MiB / 4096) * 4096;
    return {
      name,
      pid: name === 'System' ? 4 : pid(),
      sessionId: session,
      handles: rng.int(80, 2500),
      pmBytes,
      wsBytes: residentPrivatePages * 4096 + sharedBytes,
      npmBytes: rng.int(4, 90) * 1024,
      residentPrivatePages,
      cpuSeconds: Math.round(rng.next() * 200000) / 100,
      ...(name !== 'System' && name !== 'Registry' && { path: `C:\\Windows\\System32\\${name}.exe` }),
    };
  });
  if (compressionMiB > 0) {
    const pages = Math.round((compressionMiB * MiB) / 4096);
    processes.push({ name: 'Memory Compression', pid: pid(), sessionId: 0, handles: 0, pmBytes: 2 * MiB, wsBytes: pages * 4096, npmBytes: 0, residentPrivatePages: pages, cpuSeconds: 12.5 });
  }
  return processes;
}
