import type { GuestState, SimDevice } from '../state.js';
import { encodeText, exportCsvEncoding, joinLines, quotedCsvLine } from './text.js';

const COLUMNS = [
  'Class', 'FriendlyName', 'InstanceId', 'Problem', 'ConfigManagerErrorCode', 'ProblemDescription', 'Caption', 'Description',
  'InstallDate', 'Name', 'Status', 'Availability', 'ConfigManagerUserConfig', 'CreationClassName', 'DeviceID', 'ErrorCleared',
  'ErrorDescription', 'LastErrorCode', 'PNPDeviceID', 'PowerManagementCapabilities', 'PowerManagementSupported', 'StatusInfo',
  'SystemCreationClassName', 'SystemName', 'ClassGuid', 'CompatibleID', 'HardwareID', 'Manufacturer', 'PNPClass', 'Present',
  'Service', 'PSComputerName', 'CimClass', 'CimInstanceProperties', 'CimSystemProperties',
] as const;

/** Setup class GUIDs of the device classes guests have (devguid.h). */
const CLASS_GUIDS: Record<string, string> = {
  System: '{4d36e97d-e325-11ce-bfc1-08002be10318}',
  Display: '{4d36e968-e325-11ce-bfc1-08002be10318}',
  Net: '{4d36e972-e325-11ce-bfc1-08002be10318}',
  SCSIAdapter: '{4d36e97b-e325-11ce-bfc1-08002be10318}',
  Monitor: '{4d36e96e-e325-11ce-bfc1-08002be10318}',
  Computer: '{4d36e966-e325-11ce-bfc1-08002be10318}',
  DiskDrive: '{4d36e967-e325-11ce-bfc1-08002be10318}',
};

/** The CM_PROB_ names Get-PnpDevice's Problem enum prints, for the codes guests show. */
const PROBLEM_NAMES: Record<number, string> = {
  0: 'CM_PROB_NONE', 10: 'CM_PROB_FAILED_START', 22: 'CM_PROB_DISABLED', 24: 'CM_PROB_DEVICE_NOT_THERE', 28: 'CM_PROB_FAILED_INSTALL',
  31: 'CM_PROB_FAILED_ADD', 43: 'CM_PROB_FAILED_POST_START', 45: 'CM_PROB_PHANTOM',
};

/**
 * `Get-PnpDevice | Export-Csv pnpdevices.csv`: Win32_PnPEntity instances (5.1: `#TYPE` line, ASCII; 7: UTF-8,
 * no type line), every field quoted, CRLF. A device without a driver has an empty Class and Service and
 * problem 28; one that is not connected has Present False and status Unknown.
 */
export function emitPnpDeviceCsv(state: GuestState): Buffer {
  const lines = [
    ...(state.powershell === '5.1' ? ['#TYPE Microsoft.Management.Infrastructure.CimInstance#ROOT/cimv2/Win32_PnPEntity'] : []),
    quotedCsvLine(COLUMNS),
    ...state.devices.map((device) => {
      const values = deviceValues(device, state);
      return quotedCsvLine(COLUMNS.map((column) => values[column] ?? ''));
    }),
  ];
  return encodeText(joinLines(lines), exportCsvEncoding(state.powershell));
}

function deviceValues(d: SimDevice, state: GuestState): Partial<Record<(typeof COLUMNS)[number], string>> {
  const hasDriver = d.problemCode !== 28;
  const deviceClass = hasDriver ? d.deviceClass : '';
  return {
    Class: deviceClass,
    FriendlyName: d.name,
    InstanceId: d.instanceId,
    Problem: PROBLEM_NAMES[d.problemCode] ?? String(d.problemCode),
    ConfigManagerErrorCode: String(d.problemCode),
    Caption: d.name,
    Description: d.name,
    Name: d.name,
    Status: d.present ? d.status : 'Unknown',
    ConfigManagerUserConfig: 'False',
    CreationClassName: 'Win32_PnPEntity',
    DeviceID: d.instanceId,
    PNPDeviceID: d.instanceId,
    SystemCreationClassName: 'Win32_ComputerSystem',
    SystemName: state.hostName,
    ClassGuid: hasDriver ? (CLASS_GUIDS[d.deviceClass] ?? '') : '',
    CompatibleID: 'System.String[]',
    HardwareID: 'System.String[]',
    Manufacturer: hasDriver ? manufacturerOf(d) : '',
    PNPClass: deviceClass,
    Present: d.present ? 'True' : 'False',
    Service: hasDriver ? (d.service ?? '') : '',
    CimClass: 'ROOT/cimv2:Win32_PnPEntity',
    CimInstanceProperties: 'Microsoft.Management.Infrastructure.Internal.Data.CimPropertiesCollection',
    CimSystemProperties: 'Microsoft.Management.Infrastructure.CimSystemProperties',
  };
}

function manufacturerOf(d: SimDevice): string {
  if (/VEN_1AF4|VEN_1B36|Red Hat|VirtIO/i.test(d.instanceId + d.name)) return 'Red Hat, Inc.';
  if (/Basic Display/i.test(d.name)) return '(Standard display types)';
  if (/Monitor/i.test(d.deviceClass)) return '(Standard monitor types)';
  if (/VEN_15AD|VMware|vmxnet/i.test(d.instanceId + d.name)) return 'VMware, Inc.';
  if (/VEN_80EE|VirtualBox/i.test(d.instanceId + d.name)) return 'Oracle Corporation';
  if (/VMBUS|Hyper-V/i.test(d.instanceId + d.name)) return 'Microsoft';
  if (/VEN_8086/i.test(d.instanceId)) return 'Intel';
  return '(Standard system devices)';
}
