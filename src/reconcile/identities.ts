import { MiB, PAGE_SIZE } from '../model/bytes.js';
import { RAMMAP_LISTS, RAMMAP_USES } from '../model/rammap.js';
import type { GuestSnapshot } from '../model/snapshot.js';
import { osAvailableBytes } from './physical.js';
import type { IdentityCheck, Reconciliation } from './types.js';

/** lhs = rhs within the tolerance; with `atLeast`, lhs ≥ rhs − tolerance (a bound, not an equality). */
function check(id: string, title: string, lhsLabel: string, lhs: number, rhsLabel: string, rhs: number, toleranceBytes: number, note: string, atLeast = false): IdentityCheck {
  const holds = atLeast ? lhs + toleranceBytes >= rhs : Math.abs(lhs - rhs) <= toleranceBytes;
  return { id, title, lhsLabel, lhs, rhsLabel, rhs, toleranceBytes: Math.round(toleranceBytes), holds, ...(!holds && { note }) };
}

/** Every accounting identity the inputs allow us to test. Pure. */
export function identityChecks(snapshot: GuestSnapshot, r: Reconciliation): IdentityCheck[] {
  const checks: IdentityCheck[] = [];
  const rammap = snapshot.rammap;
  if (rammap) {
    // A transcribed table rounds each cell to the unit shown, so allow a rounding step per row.
    const rounding = rammap.origin === 'table' ? 16 * 5 * MiB : 16 * PAGE_SIZE;
    const rows = RAMMAP_USES.reduce((s, [use]) => s + rammap.rowTotals[use], 0);
    checks.push(check('rammap-total-equals-categories', 'RAMMap Total = Σ use categories', 'Total', rammap.total, 'Σ categories', rows, rounding,
      'The RAMMap categories do not add up to its Total: the snapshot or the transcription is incomplete.'));
    const listTotals = RAMMAP_LISTS.map(([list]) => rammap.listTotals[list] ?? (rammap.hasLists ? RAMMAP_USES.reduce((s, [use]) => s + rammap.matrix[use][list], 0) : undefined));
    if (listTotals.every((v) => v !== undefined)) {
      const lists = listTotals.reduce<number>((s, v) => s + v!, 0);
      checks.push(check('rammap-total-equals-lists', 'RAMMap Total = Σ page lists', 'Total', rammap.total, 'Σ lists', lists, rounding,
        'The RAMMap page lists do not add up to its Total: the snapshot or the transcription is incomplete.'));
    }
    if (typeof snapshot.system.visibleBytes?.value === 'number') {
      const visible = snapshot.system.visibleBytes.value;
      checks.push(check('rammap-total-equals-visible', 'RAMMap Total ≈ memory visible to Windows', 'RAMMap Total', rammap.total, 'visible (OS)', visible, Math.max(64 * MiB, visible * 0.03),
        'RAMMap and the OS report different amounts of memory: the files may come from different machines or from before and after a memory change.'));
    }
  }
  if (r.installedBytes !== undefined && r.visibleBytes !== undefined) {
    checks.push(check('installed-equals-visible-plus-reserved', 'Installed = visible + hardware reserved', 'installed', r.installedBytes, 'visible + reserved', r.visibleBytes + (r.hardwareReservedBytes ?? 0), 0,
      'Windows sees more memory than is installed: the configured size and the guest\'s view come from different moments.'));
  }
  const osAvailable = osAvailableBytes(snapshot);
  if (r.basis === 'rammap' && osAvailable !== undefined && r.visibleBytes !== undefined && r.inUseBytes !== undefined) {
    const osInUse = r.visibleBytes - osAvailable - (r.modifiedBytes ?? 0);
    checks.push(check('in-use-rammap-equals-os', 'In use (RAMMap) ≈ visible − available (OS)', 'RAMMap in use', r.inUseBytes, 'OS in use', osInUse, Math.max(128 * MiB, r.visibleBytes * 0.1),
      'RAMMap and the OS counters disagree about memory in use: they were probably captured at different times.'));
  }
  const listed = snapshot.processes.filter((p) => p.pmBytes !== undefined);
  const stated = snapshot.processSums.PM?.value;
  if (listed.length > 0 && stated !== undefined && r.processPmSumBytes !== undefined) {
    checks.push(check('stated-pm-sum-equals-listed', 'Stated Σ PM = Σ PM of the process list', 'stated sum', stated, 'Σ PM listed', r.processPmSumBytes, Math.max(32 * MiB, stated * 0.1),
      'The PM sum you saved and the process list disagree: they were taken at different times.'));
  }
  if (r.basis === 'rammap' && r.processPmSumBytes !== undefined && rammap) {
    // PM is commit: it includes what is paged out, so it bounds the resident private memory from above.
    // The Memory Compression store is private to its process but not commit (its PM stays tiny): leave it out.
    const compressionStore = snapshot.rammapProcesses.filter((p) => /^memory compression$/i.test(p.name)).reduce((s, p) => s + p.privateBytes, 0);
    const privateAll = rammap.rowTotals.processPrivate - compressionStore;
    checks.push(check('pm-sum-covers-process-private', 'Σ PM (Get-Process) ≥ RAMMap Process Private', 'Σ PM', r.processPmSumBytes, 'Process Private (without the compression store)', privateAll, Math.max(128 * MiB, privateAll * 0.1),
      'Processes hold more private memory in RAM than they have committed: the Get-Process export and the RAMMap snapshot are from different times.', true));
  }
  return checks;
}
