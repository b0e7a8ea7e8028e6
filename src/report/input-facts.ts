import type { Fact } from '../model/facts.js';
import { RAMMAP_USES } from '../model/rammap.js';

/** One value guestram took from an input, as the user can check it against the file. */
export interface ReportFact {
  name: string;
  value: string | number | boolean;
  /** `bytes` for sizes (already converted); else the counter's own unit, when it has one. */
  unit?: string;
  line?: number;
}

/** Enough to check a paste; a 50,000-process export is summarized, not listed. */
const MAX_FACTS = 60;
const TOP_POOL_TAGS = 10;
const TOP_DEVICES = 12;

/** The facts of one input, as a short list a person can check against the file. */
export function describeFacts(facts: readonly Fact[]): ReportFact[] {
  const out: ReportFact[] = [];
  const processes = facts.filter((f) => f.kind === 'process');
  const rammapProcesses = facts.filter((f) => f.kind === 'rammap-process');
  const pools = facts.filter((f) => f.kind === 'pool-tag');
  const devices = facts.filter((f) => f.kind === 'device');
  const drivers = facts.filter((f) => f.kind === 'driver');
  for (const fact of facts) {
    switch (fact.kind) {
      case 'use-counts': {
        for (const [use, label] of RAMMAP_USES) {
          const bytes = fact.rowTotals[use];
          if (bytes !== undefined) out.push({ name: `RAMMap ${label} (total)`, value: bytes, unit: 'bytes', ...line(fact.source.line) });
        }
        if (fact.total !== undefined) out.push({ name: 'RAMMap Total', value: fact.total, unit: 'bytes', ...line(fact.source.line) });
        break;
      }
      case 'process-sum':
        out.push({ name: `stated Σ ${fact.property}`, value: fact.bytes, unit: 'bytes', ...line(fact.source.line) });
        break;
      case 'counter':
        out.push({
          name: `\\${fact.object}${fact.instance !== undefined ? `(${fact.instance})` : ''}\\${fact.counter}${fact.samples > 1 ? ` (last of ${fact.samples} samples)` : ''}`,
          value: fact.last,
          ...line(fact.source.line),
        });
        break;
      case 'system':
        out.push({ name: fact.field, value: fact.value, ...(/Bytes$/.test(fact.field) && { unit: 'bytes' }), ...line(fact.source.line) });
        break;
      case 'hypervisor':
        out.push({ name: `${fact.hypervisor} ${fact.field}`, value: fact.value, ...(/Bytes$/.test(fact.field) && { unit: 'bytes' }), ...line(fact.source.line) });
        break;
      default:
        break;
    }
  }
  if (processes.length > 0) {
    const pm = processes.reduce((s, p) => s + (p.kind === 'process' ? p.pmBytes ?? 0 : 0), 0);
    out.push({ name: 'processes', value: processes.length }, { name: 'Σ PM of the processes', value: pm, unit: 'bytes' });
  }
  if (rammapProcesses.length > 0) out.push({ name: 'RAMMap processes', value: rammapProcesses.length });
  for (const pool of [...pools].sort((a, b) => bytesOf(b) - bytesOf(a)).slice(0, TOP_POOL_TAGS)) {
    if (pool.kind === 'pool-tag') out.push({ name: `pool tag ${pool.tag}${pool.pool ? ` (${pool.pool})` : ''}`, value: pool.bytes, unit: 'bytes', ...line(pool.source.line) });
  }
  if (pools.length > TOP_POOL_TAGS) out.push({ name: 'pool tags in all', value: pools.length });
  for (const device of devices.slice(0, TOP_DEVICES)) {
    if (device.kind === 'device') out.push({ name: `device ${device.name}`, value: [device.status, device.problemCode ? `problem ${device.problemCode}` : '', device.instanceId].filter(Boolean).join(' · ') || 'listed', ...line(device.source.line) });
  }
  if (devices.length > TOP_DEVICES) out.push({ name: 'devices in all', value: devices.length });
  if (drivers.length > 0) out.push({ name: 'drivers', value: drivers.length });
  return out.length > MAX_FACTS ? [...out.slice(0, MAX_FACTS), { name: 'further values not listed', value: out.length - MAX_FACTS }] : out;
}

function bytesOf(fact: Fact): number {
  return fact.kind === 'pool-tag' ? fact.bytes : 0;
}

function line(number: number | undefined): { line?: number } {
  return number === undefined ? {} : { line: number };
}
