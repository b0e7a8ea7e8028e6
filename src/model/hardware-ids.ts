import type { Hypervisor } from './facts.js';

/**
 * Devices and drivers guestram reasons about, identified by what Windows never translates first (PCI/VMBus
 * hardware ids, root enumerators, service names, driver files) and by display names only as a fallback.
 * Every entry names its public source. Names: third-party INFs (virtio-win, VMware Tools, VirtualBox Guest
 * Additions) carry English strings only, so their device names are the same on every Windows language; only
 * Microsoft's in-box devices are translated (BASIC_DISPLAY_NAMES and friends below).
 */

export type DeviceRole =
  /** A display adapter running on BasicDisplay.sys: no real display driver installed. */
  | 'basic-display'
  /** The root-enumerated Basic Display Driver (ROOT\BASICDISPLAY) every Windows 8+ has; not evidence of anything. */
  | 'basic-display-driver'
  /** The root-enumerated Basic Render Driver (ROOT\BASICRENDER, WARP); present on every Windows 8+. */
  | 'basic-render'
  /** A display adapter with the hypervisor's own driver (VirtIO GPU, QXL, SVGA, VirtualBox WDDM, Hyper-V video). */
  | 'paravirt-display'
  /** Emulated display hardware whose driver is not known from this record alone. */
  | 'display-hardware'
  | 'balloon'
  | 'dynamic-memory'
  | 'guest-tools'
  /** Another paravirtual device of a hypervisor (network, storage, serial …). */
  | 'paravirt-other';

export type IdentifiedBy = 'hardware-id' | 'service' | 'driver-file' | 'name';

export interface DeviceIdentity {
  role: DeviceRole;
  /** Who makes the device or driver: 'QEMU', 'Red Hat', 'VMware', 'Oracle VirtualBox', 'Microsoft'. */
  vendor: string;
  hypervisor?: Hypervisor;
  /** English name, for reports. */
  label: string;
  by: IdentifiedBy;
  /** Where the id or name is documented. */
  source: string;
}

interface HardwareEntry {
  /** Upper-case prefix of the PnP instance / hardware id, e.g. `PCI\VEN_1AF4&DEV_1050`. */
  id: string;
  role: DeviceRole;
  vendor: string;
  hypervisor?: Hypervisor;
  label: string;
  /** Display hardware: the services of its paravirtual driver(s); without one it runs on BasicDisplay. */
  driverServices?: string[];
  source: string;
}

const QEMU_IDS = 'QEMU include/hw/pci/pci_ids.h and pci.h (PCI_VENDOR_ID_QEMU 0x1234, PCI_VENDOR_ID_REDHAT 0x1b36, PCI_VENDOR_ID_REDHAT_QUMRANET 0x1af4)';
const VIRTIO_SPEC = 'OASIS VIRTIO 1.x §4.1.2 PCI Device Discovery (0x1040 + device type; legacy ids 0x1000–0x103f)';

/** Hardware ids, most specific first. */
const HARDWARE: HardwareEntry[] = [
  { id: 'PCI\\VEN_1234&DEV_1111', role: 'display-hardware', vendor: 'QEMU', hypervisor: 'kvm', label: 'QEMU standard VGA (-vga std)', driverServices: [], source: `${QEMU_IDS}: PCI_DEVICE_ID_QEMU_VGA 0x1111; no vendor Windows driver exists, it runs on BasicDisplay` },
  { id: 'PCI\\VEN_1013&DEV_00B8', role: 'display-hardware', vendor: 'QEMU', hypervisor: 'kvm', label: 'Cirrus CLGD 5446 (QEMU -vga cirrus)', driverServices: [], source: `${QEMU_IDS}: PCI_VENDOR_ID_CIRRUS 0x1013, PCI_DEVICE_ID_CIRRUS_5446 0x00b8` },
  { id: 'PCI\\VEN_1B36&DEV_0100', role: 'display-hardware', vendor: 'Red Hat', hypervisor: 'kvm', label: 'QXL paravirtual graphics', driverServices: ['qxldod', 'qxl'], source: `${QEMU_IDS}: PCI_DEVICE_ID_REDHAT_QXL 0x0100; driver qxldod (virtio-win qxldod.inf)` },
  { id: 'PCI\\VEN_1AF4&DEV_1050', role: 'display-hardware', vendor: 'Red Hat', hypervisor: 'kvm', label: 'VirtIO GPU', driverServices: ['viogpudo'], source: `${VIRTIO_SPEC}: GPU device type 16; driver viogpudo (virtio-win viogpudo.inf)` },
  { id: 'PCI\\VEN_1AF4&DEV_1002', role: 'balloon', vendor: 'Red Hat', hypervisor: 'kvm', label: 'VirtIO Balloon (legacy id)', source: 'virtio-win kvm-guest-drivers-windows Balloon/sys/balloon.inx' },
  { id: 'PCI\\VEN_1AF4&DEV_1045', role: 'balloon', vendor: 'Red Hat', hypervisor: 'kvm', label: 'VirtIO Balloon', source: 'virtio-win kvm-guest-drivers-windows Balloon/sys/balloon.inx' },
  { id: 'PCI\\VEN_15AD&DEV_0405', role: 'display-hardware', vendor: 'VMware', hypervisor: 'vmware', label: 'VMware SVGA II', driverServices: ['vm3dmp', 'vm3dmp_loader', 'vmx_svga'], source: 'Linux include/linux/pci_ids.h PCI_VENDOR_ID_VMWARE 0x15ad, PCI_DEVICE_ID_VMWARE_SVGA2 0x0405; driver vm3dmp (VMware Tools)' },
  { id: 'PCI\\VEN_80EE&DEV_BEEF', role: 'display-hardware', vendor: 'Oracle VirtualBox', hypervisor: 'virtualbox', label: 'VirtualBox VGA', driverServices: ['VBoxWddm', 'VBoxVideo'], source: 'VirtualBox src/VBox/Devices/Graphics/DevVGA.cpp (vendor 0x80ee, device 0xbeef); Linux drivers/gpu/drm/vboxvideo' },
  { id: 'PCI\\VEN_80EE&DEV_CAFE', role: 'guest-tools', vendor: 'Oracle VirtualBox', hypervisor: 'virtualbox', label: 'VirtualBox Guest Service (VBoxGuest, also the balloon)', source: 'VirtualBox src/VBox/Devices/VMMDev (VMMDEV_VENDORID 0x80ee, VMMDEV_DEVICEID 0xcafe)' },
  { id: 'VMBUS\\{DA0A7802-E377-4AAC-8E77-0558EB1073F8}', role: 'display-hardware', vendor: 'Microsoft', hypervisor: 'hyperv', label: 'Hyper-V synthetic video', driverServices: ['HyperVideo', 'SynthVid'], source: 'Linux drivers/video/fbdev/hyperv_fb.c SYNTHVID class id da0a7802-e377-4aac-8e77-0558eb1073f8' },
  { id: 'VMBUS\\{525074DC-8985-46E2-8057-A307DC18A502}', role: 'dynamic-memory', vendor: 'Microsoft', hypervisor: 'hyperv', label: 'Hyper-V Dynamic Memory', source: 'Linux include/linux/hyperv.h HV_DM_GUID 525074dc-8985-46e2-8057-a307dc18a502' },
  { id: 'ROOT\\BASICDISPLAY', role: 'basic-display-driver', vendor: 'Microsoft', label: 'Microsoft Basic Display Driver (root device)', source: 'learn.microsoft.com windows-hardware/drivers/display/microsoft-basic-display-driver; seen as ROOT\\BASICDISPLAY\\0000 in fixtures/real/pnpdevice-csv' },
  { id: 'ROOT\\BASICRENDER', role: 'basic-render', vendor: 'Microsoft', label: 'Microsoft Basic Render Driver', source: 'KB2855505 (BasicRender.sys); seen as ROOT\\BASICRENDER\\0000 in fixtures/real/pnpdevice-csv' },
  // Vendor-wide fall-backs: any other device of the vendor.
  { id: 'PCI\\VEN_1AF4', role: 'paravirt-other', vendor: 'Red Hat', hypervisor: 'kvm', label: 'VirtIO device', source: VIRTIO_SPEC },
  { id: 'PCI\\VEN_1B36', role: 'paravirt-other', vendor: 'Red Hat', hypervisor: 'kvm', label: 'QEMU device (Red Hat vendor id)', source: QEMU_IDS },
  { id: 'PCI\\VEN_1234', role: 'paravirt-other', vendor: 'QEMU', hypervisor: 'kvm', label: 'QEMU device', source: QEMU_IDS },
  { id: 'PCI\\VEN_15AD', role: 'paravirt-other', vendor: 'VMware', hypervisor: 'vmware', label: 'VMware virtual device', source: 'Linux include/linux/pci_ids.h PCI_VENDOR_ID_VMWARE 0x15ad' },
  { id: 'PCI\\VEN_80EE', role: 'paravirt-other', vendor: 'Oracle VirtualBox', hypervisor: 'virtualbox', label: 'VirtualBox virtual device', source: 'Linux include/linux/pci_ids.h PCI_VENDOR_ID_INNOTEK 0x80ee' },
  { id: 'PCI\\VEN_1414', role: 'paravirt-other', vendor: 'Microsoft', hypervisor: 'hyperv', label: 'Hyper-V emulated device (Microsoft vendor id)', source: 'PCI-SIG vendor id 0x1414 Microsoft; Hyper-V generation 1 video is PCI\\VEN_1414&DEV_5353' },
  { id: 'VMBUS\\', role: 'paravirt-other', vendor: 'Microsoft', hypervisor: 'hyperv', label: 'Hyper-V VMBus device', source: 'learn.microsoft.com virtualization/hyper-v-on-windows/reference/hyper-v-architecture (VMBus)' },
];

interface ServiceEntry {
  role: DeviceRole;
  vendor: string;
  hypervisor?: Hypervisor;
  label: string;
  source: string;
}

/** Service (driver) names, lower case, as Get-PnpDevice/Win32_PnPEntity `Service` and driverquery `Module Name` show them. */
const SERVICES: Record<string, ServiceEntry> = {
  basicdisplay: { role: 'basic-display', vendor: 'Microsoft', label: 'Microsoft Basic Display Adapter (BasicDisplay.sys)', source: 'learn.microsoft.com windows-hardware/drivers/display/microsoft-basic-display-driver' },
  basicrender: { role: 'basic-render', vendor: 'Microsoft', label: 'Microsoft Basic Render Driver (BasicRender.sys)', source: 'KB2855505' },
  balloon: { role: 'balloon', vendor: 'Red Hat', hypervisor: 'kvm', label: 'VirtIO Balloon (balloon.sys)', source: 'virtio-win Balloon/sys/balloon.inx: service BALLOON' },
  balloonservice: { role: 'balloon', vendor: 'Red Hat', hypervisor: 'kvm', label: 'VirtIO Balloon Service (blnsvr.exe)', source: 'virtio-win Balloon/app/main.cpp: service BalloonService' },
  vmmemctl: { role: 'balloon', vendor: 'VMware', hypervisor: 'vmware', label: 'VMware memory balloon (vmmemctl.sys)', source: 'VMware KB 1002586 / open-vm-tools modules vmmemctl' },
  vboxguest: { role: 'guest-tools', vendor: 'Oracle VirtualBox', hypervisor: 'virtualbox', label: 'VirtualBox Guest Additions driver (VBoxGuest.sys, also the balloon)', source: 'VirtualBox src/VBox/Additions/common/VBoxGuest' },
  dmvsc: { role: 'dynamic-memory', vendor: 'Microsoft', hypervisor: 'hyperv', label: 'Hyper-V Dynamic Memory (dmvsc.sys)', source: 'formats.md §4.1 (MS Japan blog: dmvsc.sys)' },
  vmbushid: { role: 'guest-tools', vendor: 'Microsoft', hypervisor: 'hyperv', label: 'Hyper-V input (VMBusHID)', source: 'Windows in-box wvmbushid.inf' },
  vmbus: { role: 'guest-tools', vendor: 'Microsoft', hypervisor: 'hyperv', label: 'Hyper-V VMBus', source: 'Windows in-box wvmbus.inf' },
  viogpudo: { role: 'paravirt-display', vendor: 'Red Hat', hypervisor: 'kvm', label: 'Red Hat VirtIO GPU DOD controller', source: 'virtio-win viogpudo.inf' },
  qxldod: { role: 'paravirt-display', vendor: 'Red Hat', hypervisor: 'kvm', label: 'Red Hat QXL controller (WDDM DOD)', source: 'virtio-win qxldod.inf' },
  qxl: { role: 'paravirt-display', vendor: 'Red Hat', hypervisor: 'kvm', label: 'Red Hat QXL GPU (XDDM)', source: 'virtio-win qxl.inf' },
  vm3dmp: { role: 'paravirt-display', vendor: 'VMware', hypervisor: 'vmware', label: 'VMware SVGA 3D', source: 'VMware Tools vm3d.inf (service vm3dmp)' },
  vm3dmp_loader: { role: 'paravirt-display', vendor: 'VMware', hypervisor: 'vmware', label: 'VMware SVGA 3D (loader)', source: 'VMware Tools vm3d.inf' },
  vboxwddm: { role: 'paravirt-display', vendor: 'Oracle VirtualBox', hypervisor: 'virtualbox', label: 'VirtualBox Graphics Adapter (WDDM)', source: 'VirtualBox src/VBox/Additions/WINNT/Graphics/Video/mp/wddm' },
  vboxvideo: { role: 'paravirt-display', vendor: 'Oracle VirtualBox', hypervisor: 'virtualbox', label: 'VirtualBox Graphics Adapter (XPDM)', source: 'VirtualBox src/VBox/Additions/WINNT/Graphics/Video/mp/xpdm' },
  hypervideo: { role: 'paravirt-display', vendor: 'Microsoft', hypervisor: 'hyperv', label: 'Microsoft Hyper-V Video', source: 'Windows in-box wvmbusvideo.inf (service HyperVideo)' },
  synthvid: { role: 'paravirt-display', vendor: 'Microsoft', hypervisor: 'hyperv', label: 'Microsoft Hyper-V Video (older name)', source: 'Windows in-box synthvid.sys' },
  netkvm: { role: 'paravirt-other', vendor: 'Red Hat', hypervisor: 'kvm', label: 'Red Hat VirtIO Ethernet Adapter', source: 'virtio-win netkvm.inf' },
  vioscsi: { role: 'paravirt-other', vendor: 'Red Hat', hypervisor: 'kvm', label: 'Red Hat VirtIO SCSI pass-through controller', source: 'virtio-win vioscsi.inf' },
  viostor: { role: 'paravirt-other', vendor: 'Red Hat', hypervisor: 'kvm', label: 'Red Hat VirtIO SCSI controller', source: 'virtio-win viostor.inf' },
  vmxnet3ndis6: { role: 'paravirt-other', vendor: 'VMware', hypervisor: 'vmware', label: 'vmxnet3 Ethernet Adapter', source: 'VMware Tools vmxnet3.inf' },
  netvsc: { role: 'paravirt-other', vendor: 'Microsoft', hypervisor: 'hyperv', label: 'Microsoft Hyper-V Network Adapter', source: 'Windows in-box wnetvsc.inf' },
};

/**
 * Localized names of Microsoft's in-box display devices (the only ones Windows translates). `confirmed` names
 * were seen in public material by native users; the others are UNCONFIRMED and only widen the fallback.
 */
interface LocalizedName {
  lang: string;
  name: string;
  confirmed: boolean;
  source: string;
}

export const BASIC_DISPLAY_NAMES: LocalizedName[] = [
  { lang: 'en', name: 'Microsoft Basic Display Adapter', confirmed: true, source: 'learn.microsoft.com microsoft-basic-display-driver; many public scripts' },
  { lang: 'de', name: 'Microsoft Basic Display Adapter', confirmed: true, source: 'German Windows keeps the English name: a German QEMU-VM notes file quotes „Microsoft Basic Display Adapter“ from WMI (public code search)' },
  { lang: 'fr', name: 'Carte graphique de base Microsoft', confirmed: true, source: 'French scripts and tests matching Win32_VideoController.Name (public code search)' },
  { lang: 'es', name: 'Adaptador de pantalla básico de Microsoft', confirmed: true, source: 'MicrosoftDocs es-es (Direct3D WARP, PlayReady error table) and a Spanish admin checklist' },
  { lang: 'it', name: 'Scheda video di base Microsoft', confirmed: true, source: 'Italian troubleshooting text (public code search); MicrosoftDocs it-it' },
  { lang: 'pt-BR', name: 'Adaptador de Vídeo Básico da Microsoft', confirmed: true, source: 'Brazilian PowerShell scripts matching Get-PnpDevice FriendlyName (public code search)' },
  { lang: 'ru', name: 'Базовый видеоадаптер (Майкрософт)', confirmed: true, source: 'Russian PowerShell scripts and notes (public code search); the seed case' },
  { lang: 'pl', name: 'Podstawowa karta graficzna firmy Microsoft', confirmed: false, source: 'UNCONFIRMED: not found in public material' },
  { lang: 'tr', name: 'Microsoft Temel Görüntü Bağdaştırıcısı', confirmed: true, source: 'Turkish driver guides and scripts (public code search)' },
  { lang: 'zh-CN', name: 'Microsoft 基本显示适配器', confirmed: true, source: 'Chinese notes quoting Device Manager (public code search)' },
  { lang: 'ja', name: 'Microsoft 基本ディスプレイ アダプター', confirmed: true, source: 'Japanese notes and code quoting Device Manager (public code search)' },
  { lang: 'ko', name: 'Microsoft 기본 디스플레이 어댑터', confirmed: true, source: 'MicrosoftDocs ko-kr PlayReady error table; Korean scripts (public code search)' },
];

/** The root-enumerated ROOT\BASICDISPLAY device. Identified by its id; names only to recognise a table without ids. */
export const BASIC_DISPLAY_DRIVER_NAMES: LocalizedName[] = [
  { lang: 'en', name: 'Microsoft Basic Display Driver', confirmed: true, source: 'learn.microsoft.com microsoft-basic-display-driver' },
  { lang: 'ru', name: 'Базовый видеодрайвер (Майкрософт)', confirmed: true, source: 'fixtures/real/pnpdevice-csv/korona-proxmox-ws2025-ru.txt' },
];

export const BASIC_RENDER_NAMES: LocalizedName[] = [
  { lang: 'en', name: 'Microsoft Basic Render Driver', confirmed: true, source: 'KB2855505; public scripts' },
  { lang: 'ru', name: 'Базовый драйвер отрисовки (Майкрософт)', confirmed: true, source: 'fixtures/real/pnpdevice-csv/korona-proxmox-ws2025-ru.txt' },
  { lang: 'fr', name: 'Pilote de rendu de base Microsoft', confirmed: false, source: 'MicrosoftDocs fr-fr (DXGI adapter enumeration), a documentation translation: UNCONFIRMED as the Device Manager name' },
];

/** English names of third-party and Microsoft devices, the same on every Windows language (see the file comment). */
const NAMED: { pattern: RegExp; role: DeviceRole; vendor: string; hypervisor?: Hypervisor; label: string; source: string }[] = [
  { pattern: /virtio balloon/i, role: 'balloon', vendor: 'Red Hat', hypervisor: 'kvm', label: 'VirtIO Balloon Driver', source: 'virtio-win balloon.inx [Strings]; English also on Russian Windows (fixtures/real/pnpdevice-csv)' },
  { pattern: /vmware memory control|vmmemctl/i, role: 'balloon', vendor: 'VMware', hypervisor: 'vmware', label: 'VMware memory balloon', source: 'VMware Tools' },
  { pattern: /virtio gpu|viogpu/i, role: 'paravirt-display', vendor: 'Red Hat', hypervisor: 'kvm', label: 'Red Hat VirtIO GPU DOD controller', source: 'virtio-win viogpudo.inf [Strings]' },
  { pattern: /\bqxl\b/i, role: 'paravirt-display', vendor: 'Red Hat', hypervisor: 'kvm', label: 'Red Hat QXL controller', source: 'virtio-win qxldod.inf [Strings]' },
  { pattern: /vmware svga|svga 3d/i, role: 'paravirt-display', vendor: 'VMware', hypervisor: 'vmware', label: 'VMware SVGA 3D', source: 'VMware Tools vm3d.inf (name UNCONFIRMED, formats.md §3.5)' },
  { pattern: /virtualbox graphics|vboxsvga|vboxvideo|vboxwddm/i, role: 'paravirt-display', vendor: 'Oracle VirtualBox', hypervisor: 'virtualbox', label: 'VirtualBox Graphics Adapter', source: 'VirtualBox Guest Additions (name UNCONFIRMED, formats.md §3.5)' },
  { pattern: /hyper-v video/i, role: 'paravirt-display', vendor: 'Microsoft', hypervisor: 'hyperv', label: 'Microsoft Hyper-V Video', source: 'Windows in-box (English name; localized names UNCONFIRMED)' },
  { pattern: /hyper-v dynamic memory/i, role: 'dynamic-memory', vendor: 'Microsoft', hypervisor: 'hyperv', label: 'Hyper-V Dynamic Memory', source: 'Windows in-box' },
];

/** Case, spacing and apostrophe differences do not matter when comparing names. */
function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[\s\u00A0()«»"'’]+/g, ' ').trim();
}

function nameSet(names: LocalizedName[]): Map<string, LocalizedName> {
  return new Map(names.map((n) => [nameKey(n.name), n]));
}
const BASIC_DISPLAY = nameSet(BASIC_DISPLAY_NAMES);
const BASIC_DISPLAY_DRIVER = nameSet(BASIC_DISPLAY_DRIVER_NAMES);
const BASIC_RENDER = nameSet(BASIC_RENDER_NAMES);

export interface DeviceRecord {
  name?: string;
  instanceId?: string;
  service?: string;
  deviceClass?: string;
}

function hardwareEntry(instanceId: string | undefined): HardwareEntry | undefined {
  if (!instanceId) return undefined;
  const id = instanceId.trim().toUpperCase();
  return HARDWARE.find((entry) => id.startsWith(entry.id));
}

function fromService(service: string | undefined, by: IdentifiedBy = 'service'): DeviceIdentity | undefined {
  if (!service) return undefined;
  const key = service.trim().replace(/^\\Driver\\/i, '').replace(/\.sys$/i, '').toLowerCase();
  const entry = Object.hasOwn(SERVICES, key) ? SERVICES[key] : undefined;
  return entry && { ...entry, by };
}

function fromName(name: string | undefined): DeviceIdentity | undefined {
  if (!name) return undefined;
  const key = nameKey(name);
  const basic = BASIC_DISPLAY.get(key);
  if (basic) return { role: 'basic-display', vendor: 'Microsoft', label: 'Microsoft Basic Display Adapter', by: 'name', source: `${basic.lang} name: ${basic.source}` };
  const driver = BASIC_DISPLAY_DRIVER.get(key);
  if (driver) return { role: 'basic-display-driver', vendor: 'Microsoft', label: 'Microsoft Basic Display Driver', by: 'name', source: `${driver.lang} name: ${driver.source}` };
  const render = BASIC_RENDER.get(key);
  if (render) return { role: 'basic-render', vendor: 'Microsoft', label: 'Microsoft Basic Render Driver', by: 'name', source: `${render.lang} name: ${render.source}` };
  const named = NAMED.find((n) => n.pattern.test(name));
  return named && { role: named.role, vendor: named.vendor, ...(named.hypervisor && { hypervisor: named.hypervisor }), label: named.label, by: 'name', source: named.source };
}

/**
 * What a PnP device is: by hardware id first, then service, then (localized) name. Display hardware resolves to
 * `paravirt-display` when its paravirtual driver runs, to `basic-display` when BasicDisplay drives it (or when it
 * has no vendor driver at all, like QEMU's standard VGA), and stays `display-hardware` when the record cannot tell.
 */
export function identifyDevice(device: DeviceRecord): DeviceIdentity | undefined {
  const hardware = hardwareEntry(device.instanceId);
  const service = fromService(device.service);
  const named = fromName(device.name);
  if (!hardware) return service ?? named;
  const identity: DeviceIdentity = {
    role: hardware.role,
    vendor: hardware.vendor,
    ...(hardware.hypervisor && { hypervisor: hardware.hypervisor }),
    label: hardware.label,
    by: 'hardware-id',
    source: hardware.source,
  };
  if (hardware.role !== 'display-hardware') return identity;
  const driverRole = service?.role ?? named?.role;
  if (driverRole === 'paravirt-display' || driverRole === 'basic-display') return { ...identity, role: driverRole };
  if (hardware.driverServices?.length === 0) return { ...identity, role: 'basic-display' };
  return identity;
}

export interface DriverRecord {
  module: string;
  displayName?: string;
  path?: string;
}

/** What a kernel driver (driverquery row) is: by module (service) name, then driver file, then display name. */
export function identifyDriver(driver: DriverRecord): DeviceIdentity | undefined {
  const file = driver.path?.split(/[\\/]/).pop();
  return fromService(driver.module) ?? fromService(file, 'driver-file') ?? fromName(driver.displayName) ?? fromName(driver.module);
}

/** The hypervisor a PnP instance id belongs to (PCI vendor ids 1AF4/1B36/1234 KVM, 15AD VMware, 80EE VirtualBox, 1414 and VMBus Hyper-V). */
export function hypervisorOfDevice(instanceId: string | undefined): Hypervisor | undefined {
  return hardwareEntry(instanceId)?.hypervisor;
}

/** Firmware and system strings (systeminfo/CIM manufacturer, model, BIOS) that name the platform. */
const PLATFORM_TEXT: [RegExp, Hypervisor][] = [
  [/qemu|kvm|bochs|seabios|ovmf|red hat|proxmox/i, 'kvm'],
  [/vmware/i, 'vmware'],
  [/innotek|virtualbox|oracle/i, 'virtualbox'],
  [/hyper-v|virtual machine|microsoft corporation/i, 'hyperv'],
];

/** The hypervisor named by a manufacturer, model or BIOS string (`QEMU`, `VMware7,1`, `innotek GmbH`, `Virtual Machine`). */
export function hypervisorOfPlatformText(text: string): Hypervisor | undefined {
  return PLATFORM_TEXT.find(([pattern]) => pattern.test(text))?.[1];
}
