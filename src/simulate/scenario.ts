import type { Hypervisor } from '../model/facts.js';
import type { Cause } from '../attribute/types.js';
import type { Locale } from './state.js';

export type DisplayAdapter = 'basic' | 'virtio-gpu' | 'qxl' | 'hyperv-video' | 'vmware-svga' | 'vbox-svga';
export type WindowsEdition = 'server2016' | 'server2019' | 'server2022' | 'win10' | 'win11';
export type ProcessProfile = 'server' | 'desktop' | 'sql' | 'build';

/**
 * A situation to simulate. Every size is MiB; every field but the hypervisor and the memory has a default
 * (see defaults.ts). Validated against SCENARIO_SCHEMA.
 */
export interface Scenario {
  name: string;
  description: string;
  /** The cause the analyzer should rank first (ground truth for tests); `none` for a healthy guest. */
  expect: { primaryCause: Cause | 'none' };
  hypervisor: Hypervisor;
  memoryMiB: number;
  windows?: { edition?: WindowsEdition; bits?: 32 | 64 };
  locale?: Locale;
  powershell?: '5.1' | '7';
  display?: DisplayAdapter;
  /** Memory the basic display path locks when no display driver is installed (the reported case: ~2048 on a 4 GiB KVM guest). */
  basicDisplayLockedMiB?: number;
  balloon?: { device?: boolean; enabled?: boolean; targetMiB?: number; sizeMiB?: number };
  dynamicMemory?: {
    enabled: boolean;
    startupMiB?: number;
    minimumMiB?: number;
    maximumMiB?: number;
    bufferPercent?: number;
    priority?: number;
    /** Memory the host has assigned now. */
    assignedMiB?: number;
    /** Memory the guest saw at its peak (hot-added up to this); defaults to startup. */
    visibleMiB?: number;
    /**
     * Committed memory over time: when given, the balancer decides assigned and visible memory (and the
     * counter series) instead of assignedMiB / visibleMiB, competing with `host.otherVms`.
     */
    demandMiB?: number[];
  };
  /** The Hyper-V host, for the balancer. */
  host?: {
    totalMiB: number;
    reserveMiB?: number;
    otherVms?: { name: string; startupMiB: number; minimumMiB: number; maximumMiB: number; bufferPercent?: number; priority?: number; demandMiB: number[] }[];
  };
  processes?: { profile?: ProcessProfile; privateMiB?: number; count?: number; compressionMiB?: number };
  awe?: { MiB: number };
  largePagesMiB?: number;
  /** Standby file cache. */
  fileCacheMiB?: number;
  hardwareReservedMiB?: number;
  kernel?: { pagedPoolMiB?: number; nonpagedPoolMiB?: number; pageTableMiB?: number; unusedActiveMiB?: number };
  poolLeak?: { tag: string; pool: 'paged' | 'nonpaged'; MiB: number };
  /** Memory locked by a driver guestram has no rule for (→ unexplained). */
  unknownDriverLockedMiB?: number;
  /** Device names that have no driver (problem code 28), e.g. "PCI Simple Communications Controller". */
  devicesWithoutDriver?: string[];
  samples?: number;
  intervalSeconds?: number;
}
