import { MiB } from '../../model/bytes.js';
import type { GuestState } from '../state.js';
import { availableBytes, balloonMiB, snapshotOffsetSeconds } from './readings.js';
import { encodeText, joinLines, LF } from './text.js';

/**
 * `qm monitor <vmid>` then `info balloon`, as the session shows it: Proxmox's QEMU adds the guest statistics
 * the balloon service reports (MiB). With `balloon: 0` there is no balloon device to ask.
 */
export function emitInfoBalloon(state: GuestState): Buffer {
  const lines = [`Entering QEMU Monitor for VM ${state.vmId} - type 'help' for help`, 'qm> info balloon'];
  if (state.vm.balloon && !state.vm.balloon.enabled) {
    lines.push('Error: No balloon device has been activated');
  } else {
    const { memory, actual } = balloonMiB(state);
    const lastUpdate = Math.floor(Date.parse(state.startTime) / 1000) + snapshotOffsetSeconds(state);
    const stats = [
      `actual=${actual}`,
      `max_mem=${memory}`,
      `total_mem=${Math.floor(state.visibleBytes / MiB)}`,
      `free_mem=${Math.floor(availableBytes(state) / MiB)}`,
      'mem_swapped_in=0',
      'mem_swapped_out=0',
      'major_page_faults=0',
      'minor_page_faults=0',
      `last_update=${lastUpdate}`,
    ];
    lines.push(`balloon: ${stats.join(' ')}`);
  }
  lines.push('qm> quit');
  return encodeText(joinLines(lines, LF), 'utf8');
}
