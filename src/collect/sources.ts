import { readPackageFile } from '../package-file.js';
import { readManifest, withoutManifest, type CollectOutput } from './manifest.js';

/** Hypervisors whose host-side exports guestram reads; `libvirt` is plain KVM managed by virsh. */
export const HOSTS = ['hyperv', 'proxmox', 'libvirt', 'vmware', 'virtualbox'] as const;
export type Host = (typeof HOSTS)[number];

export const GUEST_SCRIPT_PATH = 'assets/collect/guest.ps1';

export function hostSheetPath(host: Host): string {
  return `assets/collect/host-${host}.txt`;
}

/** The guest collection script with Windows line endings, as Notepad and PowerShell 5.1 expect. */
export async function guestScript(): Promise<string> {
  const text = await readPackageFile(GUEST_SCRIPT_PATH);
  return text.replace(/\r?\n/g, '\r\n');
}

export interface HostSheet {
  /** The instructions and commands, without the manifest lines. */
  text: string;
  outputs: CollectOutput[];
}

export async function hostSheet(host: Host): Promise<HostSheet> {
  const raw = await readPackageFile(hostSheetPath(host));
  return { text: withoutManifest(raw).trim(), outputs: readManifest(raw) };
}
