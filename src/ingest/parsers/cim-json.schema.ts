/**
 * JSON Schemas (ajv) for `Get-CimInstance | ConvertTo-Json` and `Get-WmiObject | ConvertTo-Json`.
 * Loose on purpose: unknown properties are allowed, and numbers may arrive as numbers or strings.
 */
const numberLike = { type: ['number', 'string', 'null'] };
const text = { type: ['string', 'null'] };

/** One CIM/WMI instance: only the properties guestram reads are typed. */
export const cimObjectSchema = {
  type: 'object',
  properties: {
    CimClass: { type: ['string', 'object', 'null'] },
    CimSystemProperties: { type: ['object', 'string', 'null'] },
    __CLASS: text,
    // Win32_OperatingSystem (KB)
    TotalVisibleMemorySize: numberLike,
    FreePhysicalMemory: numberLike,
    TotalVirtualMemorySize: numberLike,
    FreeVirtualMemory: numberLike,
    CSName: text,
    Caption: text,
    Version: text,
    OSArchitecture: text,
    // Win32_ComputerSystem (bytes)
    TotalPhysicalMemory: numberLike,
    HypervisorPresent: { type: ['boolean', 'string', 'null'] },
    Manufacturer: text,
    Model: text,
    DNSHostName: text,
    // Win32_PhysicalMemory (bytes), Win32_BIOS
    Capacity: numberLike,
    SMBIOSBIOSVersion: text,
    // Win32_VideoController, Win32_PnPEntity, Get-PnpDevice
    Name: text,
    FriendlyName: text,
    PNPClass: text,
    Class: text,
    Status: text,
    PNPDeviceID: text,
    InstanceId: text,
    DeviceID: text,
    Service: text,
    AdapterRAM: numberLike,
    ConfigManagerErrorCode: numberLike,
    Present: { type: ['boolean', 'string', 'null'] },
  },
  additionalProperties: true,
} as const;

/** A whole ConvertTo-Json value: one instance, an array of them, or an object keyed by class name. */
export const cimDocumentSchema = {
  anyOf: [{ type: 'object' }, { type: 'array', items: { type: ['object', 'array', 'null'] } }],
} as const;
