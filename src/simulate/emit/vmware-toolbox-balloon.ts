import type { GuestState } from '../state.js';
import { encodeText, joinLines, redirectEncoding } from './text.js';

/** `vmware-toolbox-cmd stat balloon > balloon.txt` in the guest: `<n> MB` (the tool is not localized). */
export function emitToolboxBalloon(state: GuestState): Buffer {
  const size = state.vm.balloon?.enabled ? state.vm.balloon.sizeMiB : 0;
  return encodeText(joinLines([`${size} MB`]), redirectEncoding(state.powershell));
}
