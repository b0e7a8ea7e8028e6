/**
 * Sizes in guestram are integer numbers of bytes held in a `number` (exact to 8 PiB, JSON-safe).
 * Windows tools say KB/MB/GB and mean KiB/MiB/GiB, so every unit here is binary.
 */
export const KiB = 1024;
export const MiB = 1024 * KiB;
export const GiB = 1024 * MiB;
export const PAGE_SIZE = 4096;

const UNIT_FACTORS: Record<string, number> = {
  b: 1, byte: 1, bytes: 1,
  k: KiB, kb: KiB, kib: KiB, kbytes: KiB,
  m: MiB, mb: MiB, mib: MiB, mbytes: MiB,
  g: GiB, gb: GiB, gib: GiB, gbytes: GiB,
  t: 1024 * GiB, tb: 1024 * GiB, tib: 1024 * GiB,
  // Localized unit words seen in Windows output (ru, de, fr).
  кб: KiB, мб: MiB, гб: GiB, ko: KiB, mo: MiB, go: GiB,
};

/** The byte factor of a unit word such as "K", "MB", "GiB", "МБ"; undefined when it is not a size unit. */
export function unitFactor(unit: string): number | undefined {
  const key = unit.trim().toLowerCase();
  return Object.hasOwn(UNIT_FACTORS, key) ? UNIT_FACTORS[key] : undefined;
}

/** Converts an amount in some unit to whole bytes (rounded: inputs like "2.1 GB" are approximate). */
export function toBytes(amount: number, factor: number): number {
  return Math.round(amount * factor);
}

export function pagesToBytes(pages: number): number {
  return pages * PAGE_SIZE;
}

/** Human-readable binary size: "2.0 GB", "512 MB", "0 B". Uses Windows' unit names. */
export function formatBytes(bytes: number, digits = 1): string {
  const abs = Math.abs(bytes);
  if (abs >= GiB) return `${(bytes / GiB).toFixed(digits)} GB`;
  if (abs >= MiB) return `${(bytes / MiB).toFixed(abs >= 100 * MiB ? 0 : digits)} MB`;
  if (abs >= KiB) return `${(bytes / KiB).toFixed(0)} KB`;
  return `${bytes} B`;
}
