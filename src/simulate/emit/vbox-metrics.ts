import { KiB } from '../../model/bytes.js';
import type { GuestState } from '../state.js';
import { availableBytes, listBytes } from './readings.js';
import { encodeText, joinLines, LF } from './text.js';

const SAMPLES = 5;

/**
 * `VBoxManage metrics setup --period 1 --samples 5 <vm> Guest/RAM/Usage` then `VBoxManage metrics query <vm>
 * Guest/RAM/Usage/Total,...`: `%-15s %-40s` object and metric, then the retained samples in kB. The five
 * one-second samples are the snapshot moment's values.
 */
export function emitVboxMetrics(state: GuestState): Buffer {
  const kb = (bytes: number) => Math.floor(bytes / KiB);
  const balloonKb = (state.vm.balloon?.enabled ? state.vm.balloon.sizeMiB : 0) * 1024;
  const metrics: [string, number][] = [
    ['Guest/RAM/Usage/Total', kb(state.visibleBytes)],
    ['Guest/RAM/Usage/Free', kb(availableBytes(state))],
    ['Guest/RAM/Usage/Balloon', balloonKb],
    ['Guest/RAM/Usage/Shared', 0],
    ['Guest/RAM/Usage/Cache', kb(listBytes(state, 'standby'))],
  ];
  const lines = [
    'Object          Metric                                   Values',
    '--------------- ---------------------------------------- --------------------------------------------',
    ...metrics.map(([metric, value]) => `${state.vmName.padEnd(15)} ${metric.padEnd(40)} ${Array(SAMPLES).fill(`${value} kB`).join(', ')}`),
  ];
  return encodeText(joinLines(lines, LF), 'utf8');
}
