/**
 * Shape of `Get-VMMemory | ConvertTo-Json` and `Get-VM | ConvertTo-Json` entries, after key names are
 * matched case-insensitively. Numbers may arrive as strings (Select-Object expressions, hand edits),
 * and enums such as State as numbers (PowerShell 5.1) or names (-EnumsAsStrings).
 */
const size = { type: ['number', 'string', 'null'] };
const flag = { type: ['boolean', 'string', 'number', 'null'] };
const text = { type: ['string', 'null'] };

export const HYPERV_MEMORY_KEYS = [
  'VMName',
  'Name',
  'DynamicMemoryEnabled',
  'Startup',
  'Minimum',
  'Maximum',
  'Buffer',
  'Priority',
  'MemoryAssigned',
  'MemoryDemand',
  'MemoryStartup',
  'MemoryMinimum',
  'MemoryMaximum',
  'State',
] as const;

export const hypervVmEntrySchema = {
  type: 'object',
  properties: {
    VMName: text,
    Name: text,
    DynamicMemoryEnabled: flag,
    Startup: size,
    Minimum: size,
    Maximum: size,
    Buffer: size,
    Priority: size,
    MemoryAssigned: size,
    MemoryDemand: size,
    MemoryStartup: size,
    MemoryMinimum: size,
    MemoryMaximum: size,
    State: { type: ['number', 'string', 'null'] },
  },
  anyOf: [
    { required: ['DynamicMemoryEnabled'] },
    { required: ['Startup'] },
    { required: ['MemoryStartup'] },
    { required: ['MemoryAssigned'] },
  ],
} as const;

/** One VM as an object, several as an array (PowerShell 5.1 sometimes wraps it as `{ "value": [...], "Count": n }`). */
export const hypervVmDocumentSchema = {
  anyOf: [{ type: 'object' }, { type: 'array', minItems: 1, items: { type: 'object' } }],
} as const;
