import { MiB } from '../../model/bytes.js';
import type { GuestState } from '../state.js';
import { convertToJson, type JsonValue } from './ps-json.js';
import { hypervisorHostName, secondsSinceBoot, snapshotOffsetSeconds } from './readings.js';
import { encodeText, joinLines, stableGuid } from './text.js';

/** The memory settings the host holds for the VM (Startup = configured memory when Dynamic Memory is off). */
function memorySettings(state: GuestState) {
  const startup = state.vm.memoryMiB * MiB;
  const dm = state.vm.dynamicMemory;
  return {
    enabled: dm?.enabled ?? false,
    startup: dm?.startupBytes ?? startup,
    minimum: dm?.minimumBytes ?? 512 * MiB,
    maximum: dm?.maximumBytes ?? 1024 * 1024 * MiB,
    buffer: dm?.bufferPercent ?? 20,
    priority: dm?.priority ?? 50,
    assigned: dm?.assignedBytes ?? startup,
    demand: dm?.demandBytes ?? 0,
  };
}

/**
 * `Get-VMMemory -VMName <vm> | ConvertTo-Json > get-vmmemory.json` on the Hyper-V host: Windows PowerShell 5.1
 * there, so 5.1's JSON layout in UTF-16LE with a BOM.
 */
export function emitGetVmMemoryJson(state: GuestState): Buffer {
  const m = memorySettings(state);
  const vmId = stableGuid(`vm:${state.vmName}`);
  const value: JsonValue = {
    ResourcePoolName: 'Primordial',
    Buffer: m.buffer,
    DynamicMemoryEnabled: m.enabled,
    Maximum: m.maximum,
    MaximumPerNumaNode: 30720,
    Minimum: m.minimum,
    Priority: m.priority,
    Startup: m.startup,
    Name: 'Memory',
    Id: `Microsoft:${vmId.toUpperCase()}\\4764334D-E001-4176-82EE-5594EC9B530E`,
    VMId: vmId,
    VMName: state.vmName,
    VMSnapshotId: '00000000-0000-0000-0000-000000000000',
    VMSnapshotName: '',
    CimSession: { ComputerName: null, InstanceId: stableGuid(`session:${state.vmName}`) },
    ComputerName: hypervisorHostName(state),
    IsDeleted: false,
    VMCheckpointId: '00000000-0000-0000-0000-000000000000',
    VMCheckpointName: '',
  };
  return encodeText(joinLines([convertToJson(value, '5.1')]), 'utf16le-bom');
}

/** `Get-VM -Name <vm> | ConvertTo-Json > get-vm.json` on the host (5.1, UTF-16LE with BOM); State 2 = Running. */
export function emitGetVmJson(state: GuestState): Buffer {
  const m = memorySettings(state);
  const vmId = stableGuid(`vm:${state.vmName}`);
  const uptimeSeconds = secondsSinceBoot(state) + snapshotOffsetSeconds(state);
  const value: JsonValue = {
    VMName: state.vmName,
    VMId: vmId,
    Id: vmId,
    Name: state.vmName,
    State: 2,
    CPUUsage: 3,
    MemoryAssigned: m.assigned,
    MemoryDemand: m.demand,
    MemoryStatus: '',
    Uptime: timeSpanObject(uptimeSeconds),
    Status: 'Operating normally',
    ReplicationState: 0,
    Generation: 2,
    ProcessorCount: 4,
    DynamicMemoryEnabled: m.enabled,
    MemoryMaximum: m.maximum,
    MemoryMinimum: m.minimum,
    MemoryStartup: m.startup,
    Notes: '',
    Path: `D:\\Hyper-V\\${state.vmName}`,
    IntegrationServicesVersion: '',
    ComputerName: hypervisorHostName(state),
    IsDeleted: false,
  };
  return encodeText(joinLines([convertToJson(value, '5.1')]), 'utf16le-bom');
}

/** A TimeSpan as ConvertTo-Json expands it. */
function timeSpanObject(seconds: number): JsonValue {
  const ms = seconds * 1000;
  return {
    Ticks: ms * 10_000,
    Days: Math.floor(seconds / 86_400),
    Hours: Math.floor((seconds % 86_400) / 3600),
    Minutes: Math.floor((seconds % 3600) / 60),
    Seconds: seconds % 60,
    Milliseconds: 0,
    TotalDays: seconds / 86_400,
    TotalHours: seconds / 3600,
    TotalMinutes: seconds / 60,
    TotalSeconds: seconds,
    TotalMilliseconds: ms,
  };
}
