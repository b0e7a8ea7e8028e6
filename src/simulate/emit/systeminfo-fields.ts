import { MiB } from '../../model/bytes.js';
import type { GuestState, Locale } from '../state.js';
import { platformOf } from './platform.js';
import { availableBytes, commitLimitBytes, committedBytes, secondsSinceBoot, secondsSinceInstall } from './readings.js';
import { formatDate, formatDateTime, groupDigits, localTime, stableHash } from './text.js';

/**
 * The 33 fields of `systeminfo`, in its fixed order, with the labels each Windows language prints (formats.md
 * §3.6). en, de and fr are from real output; ru and es are real for the memory fields and the header of the
 * list form, the rest recalled (the parser reads unknown labels by position, so a wrong one is harmless).
 */
export const LABELS: Record<Locale, string[]> = {
  'en-US': [
    'Host Name', 'OS Name', 'OS Version', 'OS Manufacturer', 'OS Configuration', 'OS Build Type', 'Registered Owner',
    'Registered Organization', 'Product ID', 'Original Install Date', 'System Boot Time', 'System Manufacturer', 'System Model',
    'System Type', 'Processor(s)', 'BIOS Version', 'Windows Directory', 'System Directory', 'Boot Device', 'System Locale',
    'Input Locale', 'Time Zone', 'Total Physical Memory', 'Available Physical Memory', 'Virtual Memory: Max Size',
    'Virtual Memory: Available', 'Virtual Memory: In Use', 'Page File Location(s)', 'Domain', 'Logon Server', 'Hotfix(s)',
    'Network Card(s)', 'Hyper-V Requirements',
  ],
  'de-DE': [
    'Hostname', 'Betriebssystemname', 'Betriebssystemversion', 'Betriebssystemhersteller', 'Betriebssystemkonfiguration',
    'Betriebssystem-Buildtyp', 'Registrierter Benutzer', 'Registrierte Organisation', 'Produkt-ID', 'Ursprüngliches Installationsdatum',
    'Systemstartzeit', 'Systemhersteller', 'Systemmodell', 'Systemtyp', 'Prozessor(en)', 'BIOS-Version', 'Windows-Verzeichnis',
    'System-Verzeichnis', 'Startgerät', 'Systemgebietsschema', 'Eingabegebietsschema', 'Zeitzone', 'Gesamter physischer Speicher',
    'Verfügbarer physischer Speicher', 'Virtueller Arbeitsspeicher: Maximale Größe', 'Virtueller Arbeitsspeicher: Verfügbar',
    'Virtueller Arbeitsspeicher: Zurzeit verwendet', 'Auslagerungsdateipfad(e)', 'Domäne', 'Anmeldeserver', 'Hotfix(es)',
    'Netzwerkkarte(n)', 'Hyper-V-Anforderungen',
  ],
  'fr-FR': [
    'Nom de l’hôte', 'Nom du système d’exploitation', 'Version du système', 'Fabricant du système d’exploitation',
    'Configuration du système d’exploitation', 'Type de version du système d’exploitation', 'Propriétaire enregistré',
    'Organisation enregistrée', 'Identificateur de produit', 'Date d’installation originale', 'Heure de démarrage du système',
    'Fabricant du système', 'Modèle du système', 'Type du système', 'Processeur(s)', 'Version du BIOS', 'Répertoire Windows',
    'Répertoire système', 'Périphérique d’amorçage', 'Option régionale du système', 'Paramètres régionaux d’entrée', 'Fuseau horaire',
    'Mémoire physique totale', 'Mémoire physique disponible', 'Mémoire virtuelle : taille maximale', 'Mémoire virtuelle : disponible',
    'Mémoire virtuelle : en cours d’utilisation', 'Emplacements des fichiers d’échange', 'Domaine', 'Serveur d’ouverture de session',
    'Correctif(s)', 'Carte(s) réseau', 'Configuration requise pour Hyper-V',
  ],
  'ru-RU': [
    'Имя узла', 'Название ОС', 'Версия ОС', 'Изготовитель ОС', 'Параметры ОС', 'Сборка ОС', 'Зарегистрированный владелец',
    'Зарегистрированная организация', 'Код продукта', 'Дата установки', 'Время загрузки системы', 'Изготовитель системы',
    'Модель системы', 'Тип системы', 'Процессор(ы)', 'Версия BIOS', 'Папка Windows', 'Системная папка', 'Устройство загрузки',
    'Язык системы', 'Язык ввода', 'Часовой пояс', 'Полный объем физической памяти', 'Доступная физическая память',
    'Виртуальная память: Макс. размер', 'Виртуальная память: Доступна', 'Виртуальная память: Используется',
    'Расположение файла подкачки', 'Домен', 'Сервер входа в сеть', 'Исправление(я)', 'Сетевые адаптеры', 'Требования Hyper-V',
  ],
  'es-ES': [
    'Nombre de host', 'Nombre del sistema operativo', 'Versión del sistema operativo', 'Fabricante del sistema operativo',
    'Configuración del sistema operativo', 'Tipo de compilación del sistema operativo', 'Propiedad de', 'Organización registrada',
    'Id. del producto', 'Fecha de instalación original', 'Tiempo de arranque del sistema', 'Fabricante del sistema',
    'Modelo el sistema', 'Tipo de sistema', 'Procesador(es)', 'Versión del BIOS', 'Directorio de Windows', 'Directorio de sistema',
    'Dispositivo de arranque', 'Configuración regional del sistema', 'Idioma de entrada', 'Zona horaria',
    'Cantidad total de memoria física', 'Memoria física disponible', 'Memoria virtual: tamaño máximo', 'Memoria virtual: disponible',
    'Memoria virtual: en uso', 'Ubicación(es) de archivo de paginación', 'Dominio', 'Servidor de inicio de sesión', 'Revisión(es)',
    'Tarjeta(s) de red', 'Requisitos de Hyper-V',
  ],
};

interface Wording {
  mb: string;
  notApplicable: string;
  build: string;
  standaloneServer: string;
  standaloneWorkstation: string;
  owner: string;
  processors: (n: number) => string;
  hotfixes: (n: number) => string;
  nics: (n: number) => string;
  connectionName: string;
  dhcpEnabled: string;
  no: string;
  ipAddresses: string;
  mhz: string;
  systemLocale: string;
  hypervisorDetected: string;
}

/** The localized words systeminfo puts into values (recalled for ru/es beyond the fixtures). */
export const WORDING: Record<Locale, Wording> = {
  'en-US': {
    mb: 'MB', notApplicable: 'N/A', build: 'Build', standaloneServer: 'Standalone Server', standaloneWorkstation: 'Standalone Workstation',
    owner: 'Windows User', processors: (n) => `${n} Processor(s) Installed.`, hotfixes: (n) => `${n} Hotfix(s) Installed.`,
    nics: (n) => `${n} NIC(s) Installed.`, connectionName: 'Connection Name:', dhcpEnabled: 'DHCP Enabled:   ', no: 'No',
    ipAddresses: 'IP address(es)', mhz: 'Mhz', systemLocale: 'en-us;English (United States)',
    hypervisorDetected: 'A hypervisor has been detected. Features required for Hyper-V will not be displayed.',
  },
  'de-DE': {
    mb: 'MB', notApplicable: 'Nicht zutreffend', build: 'Build', standaloneServer: 'Eigenständiger Server', standaloneWorkstation: 'Eigenständige Arbeitsstation',
    owner: 'Windows-Benutzer', processors: (n) => `${n} Prozessor(en) installiert.`, hotfixes: (n) => `${n} Hotfix(es) installiert.`,
    nics: (n) => `${n} Netzwerkadapter installiert.`, connectionName: 'Verbindungsname:', dhcpEnabled: 'DHCP aktiviert:  ', no: 'Nein',
    ipAddresses: 'IP-Adresse(n)', mhz: 'MHz', systemLocale: 'de;Deutsch (Deutschland)',
    hypervisorDetected: 'Es wurde ein Hypervisor erkannt. Features, die für Hyper-V erforderlich sind, werden nicht angezeigt.',
  },
  'fr-FR': {
    mb: 'Mo', notApplicable: 'N/A', build: 'version', standaloneServer: 'Serveur autonome', standaloneWorkstation: 'Station de travail autonome',
    owner: 'Utilisateur Windows', processors: (n) => `${n} processeur(s) installé(s).`, hotfixes: (n) => `${n} correctif(s) installé(s).`,
    nics: (n) => `${n} carte(s) réseau installée(s).`, connectionName: 'Nom de la connexion :', dhcpEnabled: 'DHCP activé :   ', no: 'Non',
    ipAddresses: 'Adresse(s) IP', mhz: 'MHz', systemLocale: 'fr;Français (France)',
    hypervisorDetected: 'Un hyperviseur a été détecté. Les fonctionnalités nécessaires à Hyper-V ne seront pas affichées.',
  },
  'ru-RU': {
    mb: 'МБ', notApplicable: 'Н/Д', build: 'построение', standaloneServer: 'Изолированный сервер', standaloneWorkstation: 'Изолированная рабочая станция',
    owner: 'Пользователь Windows', processors: (n) => `Число процессоров - ${n}.`, hotfixes: (n) => `Число установленных исправлений - ${n}.`,
    nics: (n) => `Число сетевых адаптеров - ${n}.`, connectionName: 'Имя подключения:', dhcpEnabled: 'DHCP включен:    ', no: 'Нет',
    ipAddresses: 'IP-адрес', mhz: 'МГц', systemLocale: 'ru;Русский',
    hypervisorDetected: 'Обнаружена низкоуровневая оболочка. Компоненты, необходимые для Hyper-V, отображаться не будут.',
  },
  'es-ES': {
    mb: 'MB', notApplicable: 'N/D', build: 'Compilación', standaloneServer: 'Servidor independiente', standaloneWorkstation: 'Estación de trabajo independiente',
    owner: 'Usuario de Windows', processors: (n) => `${n} Procesadores instalados.`, hotfixes: (n) => `${n} revisión(es) instaladas.`,
    nics: (n) => `${n} Tarjetas de interfaz de red instaladas.`, connectionName: 'Nombre de conexión:', dhcpEnabled: 'DHCP habilitado: ', no: 'No',
    ipAddresses: 'Direcciones IP', mhz: 'MHz', systemLocale: 'es;Español (España, internacional)',
    hypervisorDetected: 'Se detectó un hipervisor. No se mostrarán las características necesarias para Hyper-V.',
  },
};

/** The display name of W. Europe Standard Time in each language (the zone scenarios use by default). */
const W_EUROPE: Record<Locale, string> = {
  'en-US': '(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna',
  'de-DE': '(UTC+01:00) Amsterdam, Berlin, Bern, Rom, Stockholm, Wien',
  'fr-FR': '(UTC+01:00) Amsterdam, Berlin, Berne, Rome, Stockholm, Vienne',
  'ru-RU': '(UTC+01:00) Амстердам, Берлин, Берн, Вена, Рим, Стокгольм',
  'es-ES': '(UTC+01:00) Ámsterdam, Berlín, Berna, Roma, Estocolmo, Viena',
};

/** English display names of other zones (shown untranslated); an unknown zone is shown by its id. */
const ZONE_DISPLAY: Record<string, string> = {
  'Romance Standard Time': '(UTC+01:00) Brussels, Copenhagen, Madrid, Paris',
  'Russian Standard Time': '(UTC+03:00) Moscow, St. Petersburg',
  'GMT Standard Time': '(UTC+00:00) Dublin, Edinburgh, Lisbon, London',
  'UTC': '(UTC) Coordinated Universal Time',
  'Eastern Standard Time': '(UTC-05:00) Eastern Time (US & Canada)',
  'Pacific Standard Time': '(UTC-08:00) Pacific Time (US & Canada)',
  'India Standard Time': '(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi',
};

/** One systeminfo field: its label and its value lines (several for Processor(s), Hotfix(s), Network Card(s)). */
export interface SystemInfoField {
  label: string;
  /** First line, then continuation lines; a continuation's leading spaces are its extra indent. */
  lines: string[];
}

/** Whole MB, truncated, with the culture's grouping: `4,095 MB`, `4.095 MB`, `4 095 Mo`. */
export function systeminfoMb(bytes: number, locale: Locale): string {
  return `${groupDigits(Math.floor(bytes / MiB), locale)} ${WORDING[locale].mb}`;
}

/** Every systeminfo field of the guest, in systeminfo's order, labelled in the guest's language. */
export function systeminfoFields(state: GuestState): SystemInfoField[] {
  const locale = state.locale;
  const words = WORDING[locale];
  const platform = platformOf(state);
  const server = /server/i.test(state.windows.caption);
  const seed = stableHash(state.hostName);
  const boot = localTime(state.startTime, -secondsSinceBoot(state), state.timeZone.biasMinutes);
  const install = localTime(state.startTime, -secondsSinceInstall(state), state.timeZone.biasMinutes);
  const limit = commitLimitBytes(state);
  const committed = committedBytes(state);
  const nic = state.devices.find((d) => d.deviceClass === 'Net')?.name ?? 'Ethernet Adapter';
  const hotfixes = ['KB5044089', 'KB5043050', 'KB5031361'].slice(0, 1 + (seed % 3));
  const cpu = `[01]: ${platform.cpu} ~${2194 + (seed % 1200)} ${words.mhz}`;
  const values: string[][] = [
    [state.hostName],
    [state.windows.caption],
    [`${state.windows.version} ${words.notApplicable} ${words.build} ${state.windows.build}`],
    ['Microsoft Corporation'],
    [server ? words.standaloneServer : words.standaloneWorkstation],
    ['Multiprocessor Free'],
    [words.owner],
    [''],
    [`00${(seed % 900) + 100}-${server ? '70000' : '80000'}-00000-AA${(seed % 900) + 100}`],
    [formatDateTime(install, locale, ', ')],
    [formatDateTime(boot, locale, ', ')],
    [platform.manufacturer],
    [platform.model],
    [state.windows.bits === 64 ? 'x64-based PC' : 'X86-based PC'],
    [words.processors(1), cpu],
    [`${platform.biosVendorVersion}, ${formatDate(platform.biosDate, locale)}`],
    ['C:\\Windows'],
    ['C:\\Windows\\system32'],
    ['\\Device\\HarddiskVolume2'],
    [words.systemLocale],
    [words.systemLocale],
    [state.timeZone.name === 'W. Europe Standard Time' ? W_EUROPE[locale] : (ZONE_DISPLAY[state.timeZone.name] ?? state.timeZone.name)],
    [systeminfoMb(state.visibleBytes, locale)],
    [systeminfoMb(availableBytes(state), locale)],
    [systeminfoMb(limit, locale)],
    [systeminfoMb(Math.max(0, limit - committed), locale)],
    [systeminfoMb(committed, locale)],
    ['C:\\pagefile.sys'],
    ['WORKGROUP'],
    [`\\\\${state.hostName}`],
    [words.hotfixes(hotfixes.length), ...hotfixes.map((kb, i) => `[${String(i + 1).padStart(2, '0')}]: ${kb}`)],
    [words.nics(1), `[01]: ${nic}`, `      ${words.connectionName} Ethernet`, `      ${words.dhcpEnabled} ${words.no}`, `      ${words.ipAddresses}`, `      [01]: 10.${seed % 250}.0.${(seed >>> 8) % 250}`],
    [words.hypervisorDetected],
  ];
  return LABELS[locale].map((label, i) => ({ label, lines: values[i]! }));
}

/** The list form's value column: the longest label, its colon and one space. */
export function labelWidth(locale: Locale): number {
  return Math.max(...LABELS[locale].map((l) => l.length)) + 2;
}
