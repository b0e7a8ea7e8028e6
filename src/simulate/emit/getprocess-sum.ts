import { MiB } from '../../model/bytes.js';
import type { GuestState } from '../state.js';
import { sumPm } from './readings.js';
import { encodeText, formatN2, joinLines, redirectEncoding } from './text.js';

/** `"{0:N2}MB" -f ((Get-Process | Measure-Object PM -Sum).Sum / 1MB) > pm-sum.txt`: one line in the guest's culture. */
export function emitGetProcessSum(state: GuestState): Buffer {
  return encodeText(joinLines([`${formatN2(sumPm(state), MiB, state.locale)}MB`]), redirectEncoding(state.powershell));
}
