import type { GuestState } from '../state.js';
import { rmpPieces, rmpSnapshotOf, type RmpLayout, type RmpSnapshot } from './rammap-rmp.js';
import { writePieces } from './write-pieces.js';

/**
 * Writes a RAMMap snapshot of any size to a file, piece by piece: the bytes emitRmp would return (ASCII), with
 * one PFN database record per page unless the snapshot says otherwise, so that `analyze --deep` can check it.
 */
export async function writeRmpFile(path: string, snapshot: RmpSnapshot, layout: RmpLayout = {}): Promise<void> {
  await writePieces(path, rmpPieces({ ...snapshot, pfnRecords: snapshot.pfnRecords ?? 'all' }, layout));
}

/** The snapshot RAMMap would save of this guest, PFN database included, written to a file. */
export async function writeRmpFileFromState(path: string, state: GuestState, layout: RmpLayout = {}): Promise<void> {
  await writeRmpFile(path, rmpSnapshotOf(state, 'all'), layout);
}
