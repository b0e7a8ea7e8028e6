import type { GuestState, Locale, SimDriver } from '../state.js';
import { encodeText, formatDateTime, groupDigits, joinLines, quotedCsvLine, redirectEncoding, stableHash } from './text.js';

interface DriverqueryWords {
  header: string[];
  startModes: Record<SimDriver['startMode'], string>;
  states: Record<SimDriver['state'], string>;
}

/**
 * `driverquery /v` in each language: the 15 column headers and the words of Start Mode and State. en and de
 * are from real output (formats.md §3.7, fixtures); fr, ru and es are recalled — the parser reads an unknown
 * header by position, which driverquery keeps in every language.
 */
export const WORDS: Record<Locale, DriverqueryWords> = {
  'en-US': {
    header: ['Module Name', 'Display Name', 'Description', 'Driver Type', 'Start Mode', 'State', 'Status', 'Accept Stop', 'Accept Pause', 'Paged Pool(bytes)', 'Code(bytes)', 'BSS(bytes)', 'Link Date', 'Path', 'Init(bytes)'],
    startModes: { Boot: 'Boot', System: 'System', Auto: 'Auto', Manual: 'Manual', Disabled: 'Disabled' },
    states: { Running: 'Running', Stopped: 'Stopped' },
  },
  'de-DE': {
    header: ['Modulname', 'Anzeigename', 'Beschreibung', 'Treibertyp', 'Startmodus', 'Status', 'Status', 'Beenden annehmen', 'Anhalten annehmen', 'Ausgelagerter Pool (Bytes)', 'Code (Bytes)', 'BSS (Bytes)', 'Linkdatum', 'Pfad', 'Init (Bytes)'],
    startModes: { Boot: 'Start', System: 'System', Auto: 'Automatisch', Manual: 'Manuell', Disabled: 'Deaktiviert' },
    states: { Running: 'Wird ausgeführt', Stopped: 'Beendet' },
  },
  'fr-FR': {
    header: ['Nom du module', 'Nom complet', 'Description', 'Type de pilote', 'Mode de démarrage', 'État', 'Statut', 'Accepter l’arrêt', 'Accepter la pause', 'Réserve paginée (octets)', 'Code (octets)', 'BSS (octets)', 'Date de liaison', 'Chemin d’accès', 'Init (octets)'],
    startModes: { Boot: 'Démarrage', System: 'Système', Auto: 'Automatique', Manual: 'Manuel', Disabled: 'Désactivé' },
    states: { Running: 'En cours d’exécution', Stopped: 'Arrêté' },
  },
  'ru-RU': {
    header: ['Имя модуля', 'Название', 'Описание', 'Тип драйвера', 'Режим запуска', 'Состояние', 'Состояние', 'Разрешить остановку', 'Разрешить паузу', 'Выгружаемый пул (байт)', 'Код (байт)', 'BSS (байт)', 'Дата ссылки', 'Путь', 'Init (байт)'],
    startModes: { Boot: 'Загрузка', System: 'Система', Auto: 'Авто', Manual: 'Вручную', Disabled: 'Отключен' },
    states: { Running: 'Работает', Stopped: 'Остановлена' },
  },
  'es-ES': {
    header: ['Nombre de módulo', 'Nombre para mostrar', 'Descripción', 'Tipo de controlador', 'Modo de inicio', 'Estado', 'Estado', 'Aceptar detener', 'Aceptar pausar', 'Bloque paginado (bytes)', 'Código (bytes)', 'BSS (bytes)', 'Fecha de vínculo', 'Ruta de acceso', 'Init (bytes)'],
    startModes: { Boot: 'Arranque', System: 'Sistema', Auto: 'Automático', Manual: 'Manual', Disabled: 'Deshabilitado' },
    states: { Running: 'En ejecución', Stopped: 'Detenido' },
  },
};

const FILE_SYSTEM_DRIVERS = new Set(['ntfs', 'refs', 'fastfat', 'fltmgr', 'npfs', 'msfs', 'cdfs', 'udfs', 'exfat']);

/**
 * `driverquery /v /fo csv > drivers.csv` from PowerShell (5.1: UTF-16LE with BOM; 7: UTF-8): localized header
 * and words, `"Kernel "` with driverquery's trailing space, byte counts with the culture's grouping, CRLF.
 */
export function emitDriverqueryCsv(state: GuestState): Buffer {
  const words = WORDS[state.locale];
  const group = (bytes: number) => groupDigits(bytes, state.locale);
  const rows = state.drivers.map((d) => {
    const hash = stableHash(d.module);
    const linked = { year: 2019 + (hash % 6), month: 1 + (hash % 12), day: 1 + (hash % 28), hour: hash % 24, minute: (hash >> 5) % 60, second: (hash >> 11) % 60, millisecond: 0 };
    return [
      d.module,
      d.displayName,
      d.description,
      FILE_SYSTEM_DRIVERS.has(d.module.toLowerCase()) ? 'File System ' : 'Kernel ',
      words.startModes[d.startMode],
      words.states[d.state],
      'OK',
      d.state === 'Running' ? 'TRUE' : 'FALSE',
      'FALSE',
      group(d.pagedPoolBytes),
      group(d.codeBytes),
      '0',
      formatDateTime(linked, state.locale),
      d.path,
      group(4096 * (1 + (hash % 4))),
    ];
  });
  return encodeText(joinLines([words.header, ...rows].map((cells) => quotedCsvLine(cells))), redirectEncoding(state.powershell));
}
