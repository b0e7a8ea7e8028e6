import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BASIC_DISPLAY_NAMES,
  hypervisorOfDevice,
  hypervisorOfPlatformText,
  identifyDevice,
  identifyDriver,
  type DeviceRecord,
  type DeviceRole,
} from '../../src/model/hardware-ids.js';

const DEVICES: [string, DeviceRecord, DeviceRole, string | undefined][] = [
  ['QEMU std VGA with a Russian name', { name: 'Базовый видеоадаптер (Майкрософт)', instanceId: 'PCI\\VEN_1234&DEV_1111&SUBSYS_11001AF4&REV_02\\3&267A616A&0&10' }, 'basic-display', 'kvm'],
  ['QEMU std VGA with no name and no service', { instanceId: 'PCI\\VEN_1234&DEV_1111&SUBSYS_11001AF4&REV_02\\3&267A616A&0&10' }, 'basic-display', 'kvm'],
  ['Cirrus (QEMU -vga cirrus)', { instanceId: 'PCI\\VEN_1013&DEV_00B8&SUBSYS_11001AF4' }, 'basic-display', 'kvm'],
  ['QXL with qxldod', { instanceId: 'PCI\\VEN_1B36&DEV_0100&SUBSYS_11001AF4&REV_05', service: 'qxldod' }, 'paravirt-display', 'kvm'],
  ['QXL still on BasicDisplay', { instanceId: 'PCI\\VEN_1B36&DEV_0100&SUBSYS_11001AF4&REV_05', service: 'BasicDisplay' }, 'basic-display', 'kvm'],
  ['QXL, driver unknown from the record', { instanceId: 'PCI\\VEN_1B36&DEV_0100&SUBSYS_11001AF4&REV_05' }, 'display-hardware', 'kvm'],
  ['virtio-gpu with viogpudo', { instanceId: 'PCI\\VEN_1AF4&DEV_1050&SUBSYS_11001AF4&REV_01', service: 'viogpudo' }, 'paravirt-display', 'kvm'],
  ['virtio-gpu in VGA mode under BDD, Japanese name', { instanceId: 'PCI\\VEN_1AF4&DEV_1050&SUBSYS_11001AF4', name: 'Microsoft 基本ディスプレイ アダプター' }, 'basic-display', 'kvm'],
  ['virtio balloon, legacy id', { instanceId: 'PCI\\VEN_1AF4&DEV_1002&SUBSYS_00051AF4&REV_00\\5...' }, 'balloon', 'kvm'],
  ['virtio balloon, modern id', { instanceId: 'PCI\\VEN_1AF4&DEV_1045&SUBSYS_11001AF4&REV_01' }, 'balloon', 'kvm'],
  ['virtio serial is another virtio device', { instanceId: 'PCI\\VEN_1AF4&DEV_1003&SUBSYS_00031AF4&REV_00' }, 'paravirt-other', 'kvm'],
  ['VMware SVGA with vm3dmp', { instanceId: 'PCI\\VEN_15AD&DEV_0405&SUBSYS_040515AD&REV_00', service: 'vm3dmp' }, 'paravirt-display', 'vmware'],
  ['VMware SVGA on BasicDisplay, Korean name', { instanceId: 'PCI\\VEN_15AD&DEV_0405&SUBSYS_040515AD', name: 'Microsoft 기본 디스플레이 어댑터' }, 'basic-display', 'vmware'],
  ['VirtualBox VGA with VBoxWddm', { instanceId: 'PCI\\VEN_80EE&DEV_BEEF&SUBSYS_00000000&REV_00', service: 'VBoxWddm' }, 'paravirt-display', 'virtualbox'],
  ['VirtualBox guest service', { instanceId: 'PCI\\VEN_80EE&DEV_CAFE&SUBSYS_00000000&REV_00' }, 'guest-tools', 'virtualbox'],
  ['Hyper-V synthetic video', { instanceId: 'VMBUS\\{da0a7802-e377-4aac-8e77-0558eb1073f8}\\{5620E0C7-8062-4DCE-AEB7-520C7EF76171}', service: 'HyperVideo' }, 'paravirt-display', 'hyperv'],
  ['Hyper-V Dynamic Memory', { instanceId: 'VMBUS\\{525074DC-8985-46E2-8057-A307DC18A502}\\{2A5D8B1F}' }, 'dynamic-memory', 'hyperv'],
  ['Hyper-V generation 1 video (vendor 1414)', { instanceId: 'PCI\\VEN_1414&DEV_5353&SUBSYS_00000000&REV_00' }, 'paravirt-other', 'hyperv'],
  ['the root Basic Display Driver is no display adapter', { instanceId: 'ROOT\\BASICDISPLAY\\0000', name: 'Базовый видеодрайвер (Майкрософт)' }, 'basic-display-driver', undefined],
  ['the root Basic Render Driver', { instanceId: 'ROOT\\BASICRENDER\\0000', name: 'Microsoft Basic Render Driver' }, 'basic-render', undefined],
  ['an NVIDIA card without its driver, French name', { instanceId: 'PCI\\VEN_10DE&DEV_2488', name: 'Carte graphique de base Microsoft' }, 'basic-display', undefined],
  ['a name alone: Turkish', { name: 'Microsoft Temel Görüntü Bağdaştırıcısı' }, 'basic-display', undefined],
  ['a service alone: BasicDisplay', { service: 'BasicDisplay' }, 'basic-display', undefined],
  ['VirtIO Balloon Driver by name (English on every Windows language)', { name: 'VirtIO Balloon Driver' }, 'balloon', 'kvm'],
];

for (const [what, record, role, hypervisor] of DEVICES) {
  test(`identifyDevice: ${what}`, () => {
    const identity = identifyDevice(record);
    assert.equal(identity?.role, role);
    assert.equal(identity?.hypervisor, hypervisor);
    assert.ok(identity!.source.length > 10, 'every identification names its source');
  });
}

test('identifyDevice: unknown hardware and names stay unknown', () => {
  assert.equal(identifyDevice({ name: 'Intel(R) UHD Graphics 770', instanceId: 'PCI\\VEN_8086&DEV_4680' }), undefined);
  assert.equal(identifyDevice({}), undefined);
});

test('identifyDevice: names match whatever the case and spacing', () => {
  assert.equal(identifyDevice({ name: '  microsoft BASIC display adapter ' })?.role, 'basic-display');
  assert.equal(identifyDevice({ name: 'Базовый видеоадаптер Майкрософт' })?.role, 'basic-display');
});

test('the Basic Display Adapter is named in the twelve languages, unconfirmed ones marked', () => {
  const langs = BASIC_DISPLAY_NAMES.map((n) => n.lang);
  for (const lang of ['en', 'de', 'fr', 'es', 'it', 'pt-BR', 'ru', 'pl', 'tr', 'zh-CN', 'ja', 'ko']) assert.ok(langs.includes(lang), lang);
  for (const n of BASIC_DISPLAY_NAMES) assert.equal(n.confirmed, !/UNCONFIRMED/.test(n.source), n.lang);
});

const DRIVERS: [string, Parameters<typeof identifyDriver>[0], DeviceRole | undefined][] = [
  ['virtio balloon by module', { module: 'BALLOON', displayName: 'VirtIO Balloon Service' }, 'balloon'],
  ['VMware balloon by module', { module: 'vmmemctl', displayName: 'Memory Control Driver' }, 'balloon'],
  ['a balloon by its driver file alone', { module: 'x', path: 'C:\\Windows\\system32\\drivers\\balloon.sys' }, 'balloon'],
  ['BasicDisplay', { module: 'BasicDisplay', displayName: 'BasicDisplay' }, 'basic-display'],
  ['viogpudo', { module: 'viogpudo', displayName: 'Red Hat VirtIO GPU DOD controller' }, 'paravirt-display'],
  ['dmvsc', { module: 'dmvsc', displayName: 'dmvsc' }, 'dynamic-memory'],
  ['ACPI is nothing guestram needs', { module: 'ACPI', displayName: 'Microsoft ACPI Driver' }, undefined],
];

for (const [what, driver, role] of DRIVERS) {
  test(`identifyDriver: ${what}`, () => assert.equal(identifyDriver(driver)?.role, role));
}

test('hypervisorOfDevice: PCI vendor ids and VMBus', () => {
  assert.equal(hypervisorOfDevice('PCI\\VEN_1AF4&DEV_1000'), 'kvm');
  assert.equal(hypervisorOfDevice('PCI\\VEN_1B36&DEV_000C'), 'kvm');
  assert.equal(hypervisorOfDevice('pci\\ven_15ad&dev_07b0'), 'vmware');
  assert.equal(hypervisorOfDevice('PCI\\VEN_80EE&DEV_CAFE'), 'virtualbox');
  assert.equal(hypervisorOfDevice('PCI\\VEN_1414&DEV_5353'), 'hyperv');
  assert.equal(hypervisorOfDevice('VMBUS\\{F8615163-DF3E-46C5-913F-F2D2F965ED0E}'), 'hyperv');
  assert.equal(hypervisorOfDevice('PCI\\VEN_8086&DEV_100E'), undefined);
  assert.equal(hypervisorOfDevice('ROOT\\BASICDISPLAY\\0000'), undefined);
});

test('hypervisorOfPlatformText: firmware strings', () => {
  assert.equal(hypervisorOfPlatformText('QEMU'), 'kvm');
  assert.equal(hypervisorOfPlatformText('VMware7,1'), 'vmware');
  assert.equal(hypervisorOfPlatformText('innotek GmbH'), 'virtualbox');
  assert.equal(hypervisorOfPlatformText('Virtual Machine'), 'hyperv');
  assert.equal(hypervisorOfPlatformText('LENOVO'), undefined);
});
