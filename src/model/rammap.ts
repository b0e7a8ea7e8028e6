/** RAMMap's Use Counts rows (usage types) in UI order, with the labels RAMMap shows. */
export const RAMMAP_USES = [
  ['processPrivate', 'Process Private'],
  ['mappedFile', 'Mapped File'],
  ['shareable', 'Shareable'],
  ['pageTable', 'Page Table'],
  ['pagedPool', 'Paged Pool'],
  ['nonpagedPool', 'Nonpaged Pool'],
  ['systemPte', 'System PTE'],
  ['sessionPrivate', 'Session Private'],
  ['metafile', 'Metafile'],
  ['awe', 'AWE'],
  ['driverLocked', 'Driver Locked'],
  ['kernelStack', 'Kernel Stack'],
  ['unused', 'Unused'],
  ['largePage', 'Large Page'],
] as const;

/** RAMMap's Use Counts columns (page lists) in UI order. */
export const RAMMAP_LISTS = [
  ['active', 'Active'],
  ['standby', 'Standby'],
  ['modified', 'Modified'],
  ['modifiedNoWrite', 'Modified no write'],
  ['transition', 'Transition'],
  ['zeroed', 'Zeroed'],
  ['free', 'Free'],
  ['bad', 'Bad'],
] as const;

export type RamMapUse = (typeof RAMMAP_USES)[number][0];
export type RamMapList = (typeof RAMMAP_LISTS)[number][0];

/** Bytes per use type and list; a missing cell is 0. */
export type UseCountMatrix = Record<RamMapUse, Record<RamMapList, number>>;

export function emptyMatrix(): UseCountMatrix {
  const matrix = {} as UseCountMatrix;
  for (const [use] of RAMMAP_USES) {
    matrix[use] = Object.fromEntries(RAMMAP_LISTS.map(([list]) => [list, 0])) as Record<RamMapList, number>;
  }
  return matrix;
}

export function useLabel(use: RamMapUse): string {
  return RAMMAP_USES.find(([id]) => id === use)![1];
}

export function listLabel(list: RamMapList): string {
  return RAMMAP_LISTS.find(([id]) => id === list)![1];
}

/** The letters of a label, lower case: how labels are compared, whatever spacing or dashes were typed. */
export function normalizeLabel(label: string): string {
  return label.toLowerCase().replace(/[^a-z]/g, '');
}

const USE_ALIASES: Record<string, RamMapUse> = {
  sharedmemory: 'shareable', // label in early RAMMap versions (UNCONFIRMED, formats.md §1.2)
  shared: 'shareable',
  pagetables: 'pageTable',
  nonpagedpool: 'nonpagedPool',
  largepages: 'largePage',
  systempte: 'systemPte',
  systemptes: 'systemPte',
};

const USE_BY_KEY = new Map(RAMMAP_USES.map(([id, label]) => [normalizeLabel(label), id]));
const LIST_BY_KEY = new Map(RAMMAP_LISTS.map(([id, label]) => [normalizeLabel(label), id]));

/** Maps a row label as a user may have typed it ("Driver locked", "Non-paged Pool") to a use type. */
export function parseUseLabel(label: string): RamMapUse | undefined {
  const key = normalizeLabel(label);
  return USE_BY_KEY.get(key) ?? (Object.hasOwn(USE_ALIASES, key) ? USE_ALIASES[key] : undefined);
}

/** Maps a column header ("Modified No-Write", "Zeroed") to a page list. */
export function parseListLabel(label: string): RamMapList | undefined {
  return LIST_BY_KEY.get(normalizeLabel(label));
}

/** The page lists' labels as normalizeLabel makes them. */
export const LIST_LABEL_KEYS: readonly string[] = [...LIST_BY_KEY.keys()];
