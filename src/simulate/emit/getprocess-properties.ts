import type { GuestState, SimProcess } from '../state.js';
import { formatDateTime, int32, localTime, stableHash } from './text.js';

/**
 * The properties of one System.Diagnostics.Process as Export-Csv stringifies them (formats.md §2.3): sizes in
 * bytes, the 32-bit twins (WorkingSet, PagedMemorySize, ...) as .NET's unchecked int casts, objects as their
 * type names, numbers invariant, dates in the guest's culture. A process without a Path is one the exporting
 * user could not open (System, Registry, protected services): every value that needs a process handle is empty.
 */
export type ProcessProperties = Record<string, string>;

/** A 64-bit process reserves ~2 TiB of address space; a 32-bit guest's processes at most 2 GiB. */
const RESERVED_64 = 2_199_023_255_552;
const RESERVED_32 = 1_073_741_824;

const DESCRIPTIONS: Record<string, string> = {
  svchost: 'Host Process for Windows Services',
  explorer: 'Windows Explorer',
  lsass: 'Local Security Authority Process',
  services: 'Services and Controller app',
  spoolsv: 'Spooler SubSystem App',
  dwm: 'Desktop Window Manager',
  conhost: 'Console Window Host',
  powershell: 'Windows PowerShell',
  sqlservr: 'SQL Server Windows NT - 64 Bit',
  MsMpEng: 'Antimalware Service Executable',
};

export function processProperties(p: SimProcess, state: GuestState): ProcessProperties {
  const open = p.path !== undefined;
  const reserved = state.windows.bits === 64 ? RESERVED_64 : RESERVED_32;
  const vm = reserved + p.pmBytes + p.wsBytes;
  const seed = stableHash(`${p.name}:${p.pid}`);
  const pagedSystem = 4096 * (20 + (seed % 200));
  const cpu = p.cpuSeconds;
  const basename = p.path?.split('\\').pop() ?? `${p.name}.exe`;
  const windowsBinary = p.path?.toLowerCase().startsWith('c:\\windows\\') ?? false;
  const started = localTime(state.startTime, -(3600 + (seed % 86_400)), state.timeZone.biasMinutes);
  const ifOpen = (value: string) => (open ? value : '');
  const version = `${state.windows.version}.${1 + (seed % 3000)}`;
  return {
    Name: p.name,
    SI: String(p.sessionId),
    Handles: String(p.handles),
    VM: String(vm),
    WS: String(p.wsBytes),
    PM: String(p.pmBytes),
    NPM: String(p.npmBytes),
    Path: p.path ?? '',
    Parent: open ? `System.Diagnostics.Process (${parentOf(p)})` : '',
    Company: ifOpen(p.company ?? (windowsBinary ? 'Microsoft Corporation' : '')),
    CPU: ifOpen(String(cpu)),
    FileVersion: ifOpen(windowsBinary ? `${version} (WinBuild.160101.0800)` : ''),
    ProductVersion: ifOpen(windowsBinary ? version : ''),
    Description: ifOpen(DESCRIPTIONS[p.name] ?? p.name),
    Product: ifOpen(windowsBinary ? 'Microsoft\u00AE Windows\u00AE Operating System' : ''),
    __NounName: 'Process',
    BasePriority: '8',
    ExitCode: '',
    HasExited: ifOpen('False'),
    ExitTime: '',
    Handle: ifOpen(String(1000 + (seed % 9000) * 4)),
    SafeHandle: ifOpen('Microsoft.Win32.SafeHandles.SafeProcessHandle'),
    HandleCount: String(p.handles),
    Id: String(p.pid),
    MachineName: '.',
    MainWindowHandle: '0',
    MainWindowTitle: '',
    MainModule: ifOpen(`System.Diagnostics.ProcessModule (${basename})`),
    MaxWorkingSet: ifOpen('1413120'),
    MinWorkingSet: ifOpen('204800'),
    Modules: ifOpen('System.Diagnostics.ProcessModuleCollection'),
    NonpagedSystemMemorySize: String(int32(p.npmBytes)),
    NonpagedSystemMemorySize64: String(p.npmBytes),
    PagedMemorySize: String(int32(p.pmBytes)),
    PagedMemorySize64: String(p.pmBytes),
    PagedSystemMemorySize: String(pagedSystem),
    PagedSystemMemorySize64: String(pagedSystem),
    PeakPagedMemorySize: String(int32(p.pmBytes + 4096 * (seed % 512))),
    PeakPagedMemorySize64: String(p.pmBytes + 4096 * (seed % 512)),
    PeakWorkingSet: String(int32(p.wsBytes + 4096 * (seed % 1024))),
    PeakWorkingSet64: String(p.wsBytes + 4096 * (seed % 1024)),
    PeakVirtualMemorySize: String(int32(vm + 65536 * (seed % 256))),
    PeakVirtualMemorySize64: String(vm + 65536 * (seed % 256)),
    PriorityBoostEnabled: ifOpen('True'),
    PriorityClass: ifOpen('Normal'),
    PrivateMemorySize: String(int32(p.pmBytes)),
    PrivateMemorySize64: String(p.pmBytes),
    PrivilegedProcessorTime: ifOpen(timeSpan(cpu * 0.4)),
    ProcessName: p.name,
    ProcessorAffinity: ifOpen('15'),
    Responding: 'True',
    SessionId: String(p.sessionId),
    StartInfo: 'System.Diagnostics.ProcessStartInfo',
    StartTime: ifOpen(formatDateTime(started, state.locale)),
    SynchronizingObject: '',
    Threads: 'System.Diagnostics.ProcessThreadCollection',
    TotalProcessorTime: ifOpen(timeSpan(cpu)),
    UserProcessorTime: ifOpen(timeSpan(cpu * 0.6)),
    VirtualMemorySize: String(int32(vm)),
    VirtualMemorySize64: String(vm),
    EnableRaisingEvents: 'False',
    StandardInput: '',
    StandardOutput: '',
    StandardError: '',
    WorkingSet: String(int32(p.wsBytes)),
    WorkingSet64: String(p.wsBytes),
    CommandLine: ifOpen(p.path ?? ''),
    Site: '',
    Container: '',
  };
}

/** TimeSpan.ToString(): `[d.]hh:mm:ss.fffffff`. */
export function timeSpan(seconds: number): string {
  const ticks = Math.round(seconds * 1e7);
  const fraction = String(ticks % 10_000_000).padStart(7, '0');
  const total = Math.floor(ticks / 10_000_000);
  const days = Math.floor(total / 86_400);
  const pad = (n: number) => String(n).padStart(2, '0');
  const clock = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}.${fraction}`;
  return days > 0 ? `${days}.${clock}` : clock;
}

/** The usual parent of a Windows process (PS 7's Parent column); interactive programs are started by explorer. */
function parentOf(p: SimProcess): string {
  const byName: Record<string, string> = {
    smss: 'System', services: 'wininit', lsass: 'wininit', fontdrvhost: 'wininit', dwm: 'winlogon', explorer: 'userinit',
    sihost: 'svchost', taskhostw: 'svchost', RuntimeBroker: 'svchost', conhost: 'csrss', WmiPrvSE: 'svchost',
  };
  return byName[p.name] ?? (p.sessionId === 0 ? 'services' : 'explorer');
}
