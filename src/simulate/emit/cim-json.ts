import { GiB, KiB } from '../../model/bytes.js';
import type { Hypervisor } from '../../model/facts.js';
import type { GuestState } from '../state.js';
import { platformOf } from './platform.js';
import { convertToJson, PsDateTime, type JsonValue } from './ps-json.js';
import { availableBytes, commitLimitBytes, committedBytes, pageFileBytes, secondsSinceBoot, secondsSinceInstall, snapshotOffsetSeconds } from './readings.js';
import { encodeText, joinLines, redirectEncoding, stableHash } from './text.js';

type Properties = Record<string, JsonValue>;

/**
 * `Get-CimInstance <class> | ConvertTo-Json > file.json` for the four classes a sysadmin pulls: the instance's
 * properties in WMI order, then the CIM metadata PowerShell adds (5.1 expands CimClass into an object, 7 prints
 * it as its path), in the redirect's encoding.
 */
export function emitCimOperatingSystem(state: GuestState): Buffer {
  return cimFile(state, 'Win32_OperatingSystem', operatingSystem(state));
}

export function emitCimComputerSystem(state: GuestState): Buffer {
  return cimFile(state, 'Win32_ComputerSystem', computerSystem(state));
}

/** One instance per DIMM; ConvertTo-Json makes an array of them (a single DIMM stays a lone object). */
export function emitCimPhysicalMemory(state: GuestState): Buffer {
  return cimFile(state, 'Win32_PhysicalMemory', ...physicalMemory(state));
}

export function emitCimVideoController(state: GuestState): Buffer {
  return cimFile(state, 'Win32_VideoController', videoController(state));
}

function cimFile(state: GuestState, className: string, ...instances: Properties[]): Buffer {
  const objects = instances.map((properties) => withCimMetadata(state, className, properties));
  const value: JsonValue = objects.length === 1 ? objects[0]! : objects;
  return encodeText(joinLines([convertToJson(value, state.powershell)]), redirectEncoding(state.powershell));
}

function withCimMetadata(state: GuestState, className: string, properties: Properties): Properties {
  const names = Object.keys(properties);
  const system: Properties = { Namespace: 'root/cimv2', ServerName: state.hostName, ClassName: className, Path: null };
  if (state.powershell === '7') {
    return { ...properties, PSComputerName: null, CimClass: `root/cimv2:${className}`, CimInstanceProperties: names, CimSystemProperties: system };
  }
  // At ConvertTo-Json's default depth of 2, deeper objects are written as their ToString().
  const cimClass: Properties = {
    CimSuperClassName: SUPER_CLASSES[className] ?? 'CIM_LogicalElement',
    CimSuperClass: {
      CimSuperClassName: 'CIM_LogicalElement',
      CimSuperClass: 'ROOT/cimv2:CIM_LogicalElement',
      CimClassProperties: 'Caption Description InstallDate Name Status',
      CimClassQualifiers: 'Abstract = True Locale = 1033',
      CimClassMethods: '',
      CimSystemProperties: 'Microsoft.Management.Infrastructure.CimSystemProperties',
    },
    CimClassProperties: names.join(' '),
    CimClassQualifiers: 'dynamic = True Locale = 1033 provider = "CIMWin32"',
    CimClassMethods: className === 'Win32_OperatingSystem' ? 'Reboot Shutdown Win32Shutdown SetDateTime' : '',
    CimSystemProperties: 'Microsoft.Management.Infrastructure.CimSystemProperties',
    CimClassName: className,
  };
  const instanceProperties = names.map((name) => cimPropertyText(name, properties[name]!));
  return { ...properties, PSComputerName: null, CimClass: cimClass, CimInstanceProperties: instanceProperties, CimSystemProperties: system };
}

const SUPER_CLASSES: Record<string, string> = {
  Win32_OperatingSystem: 'CIM_OperatingSystem',
  Win32_ComputerSystem: 'CIM_UnitaryComputerSystem',
  Win32_PhysicalMemory: 'CIM_PhysicalMemory',
  Win32_VideoController: 'CIM_PCVideoController',
};

/** CimProperty.ToString(): `Name = "text"`, `Name = 42`, or just the name when the value is null. */
function cimPropertyText(name: string, value: JsonValue): string {
  if (value === null) return name;
  if (typeof value === 'string') return `${name} = "${value}"`;
  if (Array.isArray(value)) return `${name} = {${value.map(String).join(', ')}}`;
  if (value instanceof PsDateTime) return `${name} = ${new Date(value.utcMs).toISOString()}`;
  if (typeof value === 'boolean') return `${name} = ${value ? 'True' : 'False'}`;
  return `${name} = ${String(value)}`;
}

const LOCALES = {
  'en-US': { lcid: 1033, code: '0409', country: '1', codeSet: '1252', mui: 'en-US' },
  'de-DE': { lcid: 1031, code: '0407', country: '49', codeSet: '1252', mui: 'de-DE' },
  'fr-FR': { lcid: 1036, code: '040c', country: '33', codeSet: '1252', mui: 'fr-FR' },
  'ru-RU': { lcid: 1049, code: '0419', country: '7', codeSet: '1251', mui: 'ru-RU' },
  'es-ES': { lcid: 3082, code: '0c0a', country: '34', codeSet: '1252', mui: 'es-ES' },
} as const;

function operatingSystem(state: GuestState): Properties {
  const server = /server/i.test(state.windows.caption);
  const kb = (bytes: number) => Math.floor(bytes / KiB);
  const limit = commitLimitBytes(state);
  const pageFile = pageFileBytes(state);
  const committed = committedBytes(state);
  const offset = -state.timeZone.biasMinutes;
  const at = (secondsFromStart: number) => new PsDateTime(Date.parse(state.startTime) + secondsFromStart * 1000, offset);
  const seed = stableHash(state.hostName);
  const locale = LOCALES[state.locale];
  const pageFileFree = Math.max(0, pageFile - Math.max(0, committed - state.visibleBytes));
  return {
    Status: 'OK',
    Name: `${state.windows.caption}|C:\\Windows|\\Device\\Harddisk0\\Partition2`,
    FreePhysicalMemory: kb(availableBytes(state)),
    FreeSpaceInPagingFiles: kb(pageFileFree),
    FreeVirtualMemory: kb(Math.max(0, limit - committed)),
    Caption: state.windows.caption,
    Description: '',
    InstallDate: at(-secondsSinceInstall(state)),
    CreationClassName: 'Win32_OperatingSystem',
    CSCreationClassName: 'Win32_ComputerSystem',
    CSName: state.hostName,
    CurrentTimeZone: offset,
    Distributed: false,
    LastBootUpTime: at(-secondsSinceBoot(state)),
    LocalDateTime: at(snapshotOffsetSeconds(state)),
    MaxNumberOfProcesses: 4294967295,
    MaxProcessMemorySize: state.windows.bits === 64 ? 137438953344 : 2097024,
    NumberOfLicensedUsers: 0,
    NumberOfProcesses: state.processes.length,
    NumberOfUsers: 1 + (seed % 2),
    OSType: 18,
    OtherTypeDescription: null,
    SizeStoredInPagingFiles: kb(pageFile),
    TotalSwapSpaceSize: null,
    TotalVirtualMemorySize: kb(limit),
    TotalVisibleMemorySize: kb(state.visibleBytes),
    Version: state.windows.version,
    BootDevice: '\\Device\\HarddiskVolume2',
    BuildNumber: String(state.windows.build),
    BuildType: 'Multiprocessor Free',
    CodeSet: locale.codeSet,
    CountryCode: locale.country,
    CSDVersion: null,
    DataExecutionPrevention_32BitApplications: true,
    DataExecutionPrevention_Available: true,
    DataExecutionPrevention_Drivers: true,
    DataExecutionPrevention_SupportPolicy: server ? 3 : 2,
    Debug: false,
    EncryptionLevel: 256,
    ForegroundApplicationBoost: 2,
    LargeSystemCache: null,
    Locale: locale.code,
    Manufacturer: 'Microsoft Corporation',
    MUILanguages: [locale.mui],
    OperatingSystemSKU: server ? 7 : 48,
    Organization: '',
    OSArchitecture: state.windows.bits === 64 ? '64-bit' : '32-bit',
    OSLanguage: locale.lcid,
    OSProductSuite: server ? 272 : 256,
    PAEEnabled: null,
    PlusProductID: null,
    PlusVersionNumber: null,
    PortableOperatingSystem: false,
    Primary: true,
    ProductType: server ? 3 : 1,
    RegisteredUser: 'Windows User',
    SerialNumber: `00${(seed % 900) + 100}-${server ? '70000' : '80000'}-00000-AA${(seed % 900) + 100}`,
    ServicePackMajorVersion: 0,
    ServicePackMinorVersion: 0,
    SuiteMask: server ? 272 : 256,
    SystemDevice: '\\Device\\HarddiskVolume2',
    SystemDirectory: 'C:\\Windows\\system32',
    SystemDrive: 'C:',
    WindowsDirectory: 'C:\\Windows',
  };
}

function computerSystem(state: GuestState): Properties {
  const platform = platformOf(state);
  const server = /server/i.test(state.windows.caption);
  return {
    AdminPasswordStatus: 3,
    BootupState: 'Normal boot',
    ChassisBootupState: 3,
    KeyboardPasswordStatus: 3,
    PowerOnPasswordStatus: 3,
    PowerSupplyState: 3,
    PowerState: 0,
    FrontPanelResetStatus: 3,
    ThermalState: 3,
    Status: 'OK',
    Name: state.hostName,
    PowerManagementCapabilities: null,
    PowerManagementSupported: null,
    Caption: state.hostName,
    Description: 'AT/AT COMPATIBLE',
    InstallDate: null,
    CreationClassName: 'Win32_ComputerSystem',
    NameFormat: null,
    PrimaryOwnerContact: null,
    PrimaryOwnerName: 'Windows User',
    Roles: server ? ['LM_Workstation', 'LM_Server', 'NT', 'Server_NT'] : ['LM_Workstation', 'LM_Server', 'NT'],
    InitialLoadInfo: null,
    LastLoadInfo: null,
    ResetCapability: 1,
    AutomaticManagedPagefile: true,
    AutomaticResetBootOption: true,
    AutomaticResetCapability: true,
    BootOptionOnLimit: null,
    BootOptionOnWatchDog: null,
    BootROMSupported: true,
    ChassisSKUNumber: platform.model,
    CurrentTimeZone: -state.timeZone.biasMinutes,
    DaylightInEffect: false,
    DNSHostName: state.hostName.toLowerCase(),
    Domain: 'WORKGROUP',
    DomainRole: server ? 2 : 0,
    EnableDaylightSavingsTime: true,
    HypervisorPresent: true,
    InfraredSupported: false,
    Manufacturer: platform.manufacturer,
    Model: platform.model,
    NetworkServerModeEnabled: true,
    NumberOfLogicalProcessors: 4,
    NumberOfProcessors: 1,
    PartOfDomain: false,
    PauseAfterReset: -1,
    PCSystemType: 1,
    PCSystemTypeEx: 1,
    ResetCount: -1,
    ResetLimit: -1,
    SupportContactDescription: null,
    SystemFamily: platform.model,
    SystemSKUNumber: 'None',
    SystemType: state.windows.bits === 64 ? 'x64-based PC' : 'X86-based PC',
    TotalPhysicalMemory: state.visibleBytes,
    UserName: null,
    WakeUpType: 6,
    Workgroup: 'WORKGROUP',
  };
}

const DIMMS: Record<Hypervisor, { manufacturer: string; locator: (i: number) => string; bank: (i: number) => string; type: number; speed: number | null }> = {
  kvm: { manufacturer: 'QEMU', locator: (i) => `DIMM ${i}`, bank: () => '', type: 7, speed: null },
  hyperv: { manufacturer: 'Microsoft Corporation', locator: (i) => `M${String(i + 1).padStart(4, '0')}`, bank: () => 'None', type: 24, speed: null },
  vmware: { manufacturer: 'VMware Virtual RAM', locator: (i) => `RAM slot #${i}`, bank: (i) => `RAM slot #${i}`, type: 7, speed: 4800 },
  virtualbox: { manufacturer: 'innotek GmbH', locator: (i) => `DIMM ${i}`, bank: (i) => `Bank ${i}`, type: 7, speed: null },
};

/** Installed memory as DIMMs of at most 16 GiB each; their capacities add up to exactly installedBytes. */
function physicalMemory(state: GuestState): Properties[] {
  const spec = DIMMS[state.hypervisor];
  const count = Math.max(1, Math.ceil(state.installedBytes / (16 * GiB)));
  const each = Math.floor(state.installedBytes / count / (1024 * 1024)) * 1024 * 1024;
  return Array.from({ length: count }, (_, i) => ({
    Caption: 'Physical Memory',
    Description: 'Physical Memory',
    InstallDate: null,
    Name: 'Physical Memory',
    Status: null,
    CreationClassName: 'Win32_PhysicalMemory',
    Manufacturer: spec.manufacturer,
    Model: null,
    OtherIdentifyingInfo: null,
    PartNumber: state.hypervisor === 'vmware' ? 'VMW-16384MB' : null,
    PoweredOn: null,
    SerialNumber: null,
    SKU: null,
    Tag: `Physical Memory ${i}`,
    Version: null,
    HotSwappable: null,
    Removable: null,
    Replaceable: null,
    FormFactor: 0,
    BankLabel: spec.bank(i),
    Capacity: i === count - 1 ? state.installedBytes - each * (count - 1) : each,
    DataWidth: null,
    InterleavePosition: null,
    TotalWidth: null,
    DeviceLocator: spec.locator(i),
    PositionInRow: null,
    Speed: spec.speed,
    InterleaveDataDepth: null,
    Attributes: 0,
    ConfiguredClockSpeed: spec.speed,
    ConfiguredVoltage: null,
    MaxVoltage: null,
    MinVoltage: null,
    SMBIOSMemoryType: spec.type,
    TypeDetail: 2,
  }));
}

function videoController(state: GuestState): Properties {
  const video = state.video;
  const device = state.devices.find((d) => d.instanceId === video.pnpDeviceId);
  const vendor = /VEN_1AF4|VEN_1B36|Red Hat/i.test(video.pnpDeviceId + video.name) ? 'Red Hat, Inc.'
    : /VMware/i.test(video.name) ? 'VMware, Inc.'
    : /VirtualBox/i.test(video.name) ? 'Oracle Corporation'
    : /Basic Display/i.test(video.name) ? '(Standard display types)'
    : 'Microsoft Corporation';
  return {
    Caption: video.name,
    Description: video.name,
    InstallDate: null,
    Name: video.name,
    Status: device?.status ?? 'OK',
    Availability: 3,
    ConfigManagerErrorCode: device?.problemCode ?? 0,
    ConfigManagerUserConfig: false,
    CreationClassName: 'Win32_VideoController',
    DeviceID: 'VideoController1',
    ErrorCleared: null,
    ErrorDescription: null,
    LastErrorCode: null,
    PNPDeviceID: video.pnpDeviceId,
    PowerManagementCapabilities: null,
    PowerManagementSupported: null,
    StatusInfo: null,
    SystemCreationClassName: 'Win32_ComputerSystem',
    SystemName: state.hostName,
    MaxNumberControlled: null,
    ProtocolSupported: null,
    TimeOfLastReset: null,
    AcceleratorCapabilities: null,
    CapabilityDescriptions: null,
    CurrentBitsPerPixel: 32,
    CurrentHorizontalResolution: 1024,
    CurrentNumberOfColors: 4294967296,
    CurrentNumberOfColumns: 0,
    CurrentNumberOfRows: 0,
    CurrentRefreshRate: 64,
    CurrentScanMode: 4,
    CurrentVerticalResolution: 768,
    MaxMemorySupported: null,
    MaxRefreshRate: 64,
    MinRefreshRate: 64,
    NumberOfVideoPages: null,
    VideoMemoryType: 2,
    VideoProcessor: null,
    NumberOfColorPlanes: null,
    VideoArchitecture: 5,
    VideoMode: null,
    AdapterCompatibility: vendor,
    AdapterDACType: null,
    // AdapterRAM is a uint32: 4 GiB and more wraps to what the driver reports below it.
    AdapterRAM: Math.min(video.adapterRamBytes, 4294967295),
    ColorTableEntries: null,
    DeviceSpecificPens: null,
    DitherType: 0,
    DriverDate: '20240405000000.000000-000',
    DriverVersion: video.driverVersion,
    ICMIntent: null,
    ICMMethod: null,
    InfFilename: 'oem7.inf',
    InfSection: `${device?.service ?? 'Display'}_Inst`,
    InstalledDisplayDrivers: video.installedDisplayDrivers,
    Monochrome: false,
    ReservedSystemPaletteEntries: null,
    SpecificationVersion: null,
    SystemPaletteEntries: null,
    VideoModeDescription: '1024 x 768 x 4294967296 colors',
  };
}
