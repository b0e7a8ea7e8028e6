import type { GuestState } from '../state.js';
import { encodeText, joinLines, LF, stableGuid } from './text.js';

/**
 * `VBoxManage showvminfo <vm> --machinereadable` on a Linux host: `key=value`, strings quoted, sizes in MB,
 * LF. GuestMemoryBalloon is the balloon size the host asks for (0 = none).
 */
export function emitShowvminfo(state: GuestState): Buffer {
  const uuid = stableGuid(`vbox:${state.vmName}`);
  const folder = `/home/vbox/VirtualBox VMs/${state.vmName}`;
  const balloon = state.vm.balloon?.enabled ? state.vm.balloon.targetMiB : 0;
  const q = (value: string) => `"${value.replace(/["\\]/g, (ch) => `\\${ch}`)}"`;
  const lines = [
    `name=${q(state.vmName)}`,
    'groups="/"',
    `ostype=${q(state.vm.guestOsType)}`,
    `UUID="${uuid}"`,
    `CfgFile=${q(`${folder}/${state.vmName}.vbox`)}`,
    `SnapFldr=${q(`${folder}/Snapshots`)}`,
    `LogFldr=${q(`${folder}/Logs`)}`,
    `hardwareuuid="${uuid}"`,
    `memory=${state.vm.memoryMiB}`,
    'pagefusion="off"',
    'vram=128',
    'cpuexecutioncap=100',
    'hpet="off"',
    'chipset="piix3"',
    'firmware="EFI"',
    'cpus=4',
    `graphicscontroller=${q(state.vm.display)}`,
    'monitorcount=1',
    'accelerate3d="off"',
    'storagecontrollername0="SATA"',
    'storagecontrollertype0="IntelAhci"',
    `"SATA-0-0"=${q(`${folder}/${state.vmName}.vdi`)}`,
    'nic1="nat"',
    'VMState="running"',
    `GuestMemoryBalloon=${balloon}`,
    `GuestOSType=${q(state.vm.guestOsType)}`,
    'GuestAdditionsRunLevel=3',
    'GuestAdditionsVersion="7.0.14 r161095"',
  ];
  return encodeText(joinLines(lines, LF), 'utf8');
}
