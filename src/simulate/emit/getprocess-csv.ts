import type { GuestState } from '../state.js';
import { processProperties } from './getprocess-properties.js';
import { getProcessOrder } from './readings.js';
import { CULTURES, encodeText, exportCsvEncoding, joinLines, quotedCsvLine } from './text.js';

/** The columns of `Get-Process | Export-Csv` in Windows PowerShell 5.1, in order (formats.md §2.3). */
export const PS51_COLUMNS = [
  'Name', 'SI', 'Handles', 'VM', 'WS', 'PM', 'NPM', 'Path', 'Company', 'CPU', 'FileVersion', 'ProductVersion', 'Description',
  'Product', '__NounName', 'BasePriority', 'ExitCode', 'HasExited', 'ExitTime', 'Handle', 'SafeHandle', 'HandleCount', 'Id',
  'MachineName', 'MainWindowHandle', 'MainWindowTitle', 'MainModule', 'MaxWorkingSet', 'MinWorkingSet', 'Modules',
  'NonpagedSystemMemorySize', 'NonpagedSystemMemorySize64', 'PagedMemorySize', 'PagedMemorySize64', 'PagedSystemMemorySize',
  'PagedSystemMemorySize64', 'PeakPagedMemorySize', 'PeakPagedMemorySize64', 'PeakWorkingSet', 'PeakWorkingSet64',
  'PeakVirtualMemorySize', 'PeakVirtualMemorySize64', 'PriorityBoostEnabled', 'PriorityClass', 'PrivateMemorySize',
  'PrivateMemorySize64', 'PrivilegedProcessorTime', 'ProcessName', 'ProcessorAffinity', 'Responding', 'SessionId', 'StartInfo',
  'StartTime', 'SynchronizingObject', 'Threads', 'TotalProcessorTime', 'UserProcessorTime', 'VirtualMemorySize',
  'VirtualMemorySize64', 'EnableRaisingEvents', 'StandardInput', 'StandardOutput', 'StandardError', 'WorkingSet', 'WorkingSet64',
  'Site', 'Container',
] as const;

/** PowerShell 7 (.NET Core) orders the properties differently and adds Parent and CommandLine. */
export const PS7_COLUMNS = [
  'Name', 'SI', 'Handles', 'VM', 'WS', 'PM', 'NPM', 'Path', 'Parent', 'Company', 'CPU', 'FileVersion', 'ProductVersion',
  'Description', 'Product', '__NounName', 'SafeHandle', 'Handle', 'BasePriority', 'ExitCode', 'HasExited', 'StartTime', 'ExitTime',
  'Id', 'MachineName', 'MaxWorkingSet', 'MinWorkingSet', 'Modules', 'NonpagedSystemMemorySize64', 'NonpagedSystemMemorySize',
  'PagedMemorySize64', 'PagedMemorySize', 'PagedSystemMemorySize64', 'PagedSystemMemorySize', 'PeakPagedMemorySize64',
  'PeakPagedMemorySize', 'PeakWorkingSet64', 'PeakWorkingSet', 'PeakVirtualMemorySize64', 'PeakVirtualMemorySize',
  'PriorityBoostEnabled', 'PriorityClass', 'PrivateMemorySize64', 'PrivateMemorySize', 'ProcessName', 'ProcessorAffinity',
  'SessionId', 'StartInfo', 'Threads', 'HandleCount', 'VirtualMemorySize64', 'VirtualMemorySize', 'EnableRaisingEvents',
  'StandardInput', 'StandardOutput', 'StandardError', 'WorkingSet64', 'WorkingSet', 'SynchronizingObject', 'MainModule',
  'MainWindowHandle', 'MainWindowTitle', 'Responding', 'CommandLine', 'Site', 'Container',
] as const;

export interface GetProcessCsvOptions {
  /** `-UseCulture`: the culture's list separator (`;` in de/fr/ru/es) instead of `,`. */
  useCulture?: boolean;
  /** `-NoTypeInformation` in 5.1 / `-IncludeTypeInformation` in 7; default: each version's default. */
  typeInformation?: boolean;
}

/**
 * `Get-Process | Export-Csv processes.csv`: 5.1 writes a `#TYPE System.Diagnostics.Process` line and ASCII,
 * PS 7 no type line and UTF-8 without a BOM; every field quoted, CRLF.
 */
export function emitGetProcessCsv(state: GuestState, options: GetProcessCsvOptions = {}): Buffer {
  const columns = state.powershell === '5.1' ? PS51_COLUMNS : PS7_COLUMNS;
  const delimiter = options.useCulture ? CULTURES[state.locale].list : ',';
  const typeLine = options.typeInformation ?? state.powershell === '5.1';
  const lines = [
    ...(typeLine ? ['#TYPE System.Diagnostics.Process'] : []),
    quotedCsvLine(columns, delimiter),
    ...getProcessOrder(state.processes).map((p) => {
      const properties = processProperties(p, state);
      return quotedCsvLine(columns.map((column) => properties[column] ?? ''), delimiter);
    }),
  ];
  return encodeText(joinLines(lines), exportCsvEncoding(state.powershell));
}
