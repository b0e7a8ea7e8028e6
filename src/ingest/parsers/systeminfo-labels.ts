import type { SystemField } from '../../model/facts.js';

/**
 * `systeminfo` labels (list form, without the colon) and `/fo csv` headers, per language, in the order
 * en, de, fr, ru, es, it, zh-CN, then the rest. Confirmed from real output in fixtures/real/systeminfo-list
 * (wesng validation files): en, de (Windows 7 wording "physikalischer" and Windows 10 "physischer"), fr, ru,
 * es, it, zh-CN. pt-BR, pl, tr, ja and ko labels are UNCONFIRMED (recalled; no real file was found): a label
 * that does not match is simply not used, and the fixed column order of the CSV form is the fallback there.
 */
export const SYSTEMINFO_LABELS: Record<SystemField, string[]> = {
  hostName: ['Host Name', 'Hostname', "Nom de l'hôte", 'Имя узла', 'Nombre de host', 'Nome host', '主机名', 'Nome do host', 'ホスト名', '호스트 이름'],
  osName: ['OS Name', 'Betriebssystemname', "Nom du système d'exploitation", 'Название ОС', 'Nombre del sistema operativo', 'Nome SO', 'OS 名称', 'Nome do sistema operacional', 'OS 名', 'OS 이름'],
  osVersion: ['OS Version', 'Betriebssystemversion', 'Version du système', 'Версия ОС', 'Versión del sistema operativo', 'Versione SO', 'OS 版本', 'Versão do sistema operacional', 'OS バージョン', 'OS 버전'],
  manufacturer: ['System Manufacturer', 'Systemhersteller', 'Fabricant du système', 'Изготовитель системы', 'Fabricante del sistema', 'Produttore sistema', '系统制造商', 'Fabricante do sistema', 'システム製造元', '시스템 제조업체'],
  // es: some Windows builds really print "Modelo el sistema" (confirmed, wesng 10_1809 es).
  model: ['System Model', 'Systemmodell', 'Modèle du système', 'Модель системы', 'Modelo del sistema', 'Modelo el sistema', 'Modello sistema', '系统型号', 'Modelo do sistema', 'システム モデル', '시스템 모델'],
  osArchitecture: ['System Type', 'Systemtyp', 'Type du système', 'Тип системы', 'Tipo de sistema', 'Tipo sistema', '系统类型', 'Tipo de sistema', 'システムの種類', '시스템 종류'],
  biosVersion: ['BIOS Version', 'BIOS-Version', 'Version du BIOS', 'Версия BIOS', 'Versión del BIOS', 'Versione BIOS', 'BIOS 版本', 'Versão do BIOS', 'BIOS バージョン', 'BIOS 버전'],
  visibleBytes: [
    'Total Physical Memory', 'Gesamter physischer Speicher', 'Gesamter physikalischer Speicher', 'Mémoire physique totale',
    'Полный объем физической памяти', 'Cantidad total de memoria física', 'Memoria fisica totale', '物理内存总量',
    'Memória física total', 'Całkowita ilość pamięci fizycznej', 'Toplam Fiziksel Bellek', '物理メモリの合計', '총 실제 메모리',
  ],
  availableBytes: [
    'Available Physical Memory', 'Verfügbarer physischer Speicher', 'Verfügbarer physikalischer Speicher', 'Mémoire physique disponible',
    'Доступная физическая память', 'Memoria física disponible', 'Memoria fisica disponibile', '可用的物理内存',
    'Memória física disponível', 'Dostępna pamięć fizyczna', 'Kullanılabilir Fiziksel Bellek', '利用できる物理メモリ', '사용 가능한 실제 메모리',
  ],
  // "Virtual Memory: Max Size" is the commit limit (RAM + page files); "In Use" is the commit charge.
  commitLimitBytes: [
    'Virtual Memory: Max Size', 'Virtueller Arbeitsspeicher: Maximale Größe', 'Mémoire virtuelle : taille maximale',
    'Виртуальная память: Макс. размер', 'Memoria virtual: tamaño máximo', 'Memoria virtuale: dimensione massima', '虚拟内存: 最大值',
    'Memória virtual: tamanho máximo', 'Pamięć wirtualna: maksymalny rozmiar', 'Sanal Bellek: En Büyük Boyut', '仮想メモリ: 最大サイズ', '가상 메모리: 최대 크기',
  ],
  committedBytes: [
    'Virtual Memory: In Use', 'Virtueller Arbeitsspeicher: Zurzeit verwendet', "Mémoire virtuelle : en cours d'utilisation",
    'Виртуальная память: Используется', 'Memoria virtual: en uso', 'Memoria virtuale: in uso', '虚拟内存: 使用中',
    'Memória virtual: em uso', 'Pamięć wirtualna: w użyciu', 'Sanal Bellek: Kullanımda', '仮想メモリ: 使用中', '가상 메모리: 사용 중',
  ],
  hypervisorPresent: [
    'Hyper-V Requirements', 'Hyper-V-Anforderungen', 'Configuration requise pour Hyper-V', 'Требования Hyper-V', 'Requisitos Hyper-V', 'Requisitos de Hyper-V',
    'Requisiti Hyper-V', 'Hyper-V 要求', 'Requisitos do Hyper-V', 'Hyper-V Gereksinimleri', 'Hyper-V の要件', 'Hyper-V 요구 사항',
  ],
  installedBytes: [],
};

/**
 * The Hyper-V Requirements value when a hypervisor runs, per language ("A hypervisor has been detected …");
 * zh-CN and ru confirmed from real output, the stems of the others recalled.
 */
export const HYPERVISOR_DETECTED = /hypervis|hyperviseur|hipervisor|гипервизор|низкоуровнев|虚拟机监控程序|ハイパーバイザー|하이퍼바이저|hiper yönetici/i;
