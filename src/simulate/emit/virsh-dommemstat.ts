import { KiB } from '../../model/bytes.js';
import type { GuestState } from '../state.js';
import { availableBytes, balloonMiB, listBytes, snapshotOffsetSeconds } from './readings.js';
import { encodeText, joinLines, LF } from './text.js';

/**
 * `virsh dommemstat <domain>` on a libvirt host: `name value` lines in KiB. `actual` is the memory the balloon
 * leaves the guest; the guest statistics come from the balloon driver (unused = free + zeroed pages,
 * usable = what Windows calls available); `rss` is what the host holds for the VM.
 */
export function emitVirshDommemstat(state: GuestState): Buffer {
  const { actual } = balloonMiB(state);
  const kib = (bytes: number) => Math.floor(bytes / KiB);
  const lastUpdate = Math.floor(Date.parse(state.startTime) / 1000) + snapshotOffsetSeconds(state);
  const lines = [
    `actual ${actual * 1024}`,
    'swap_in 0',
    'swap_out 0',
    'major_fault 0',
    'minor_fault 0',
    `unused ${kib(listBytes(state, 'free') + listBytes(state, 'zeroed'))}`,
    `available ${kib(state.visibleBytes)}`,
    `usable ${kib(availableBytes(state))}`,
    `last_update ${lastUpdate}`,
    `rss ${actual * 1024}`,
  ];
  return encodeText(joinLines(lines, LF), 'utf8');
}
