/**
 * Performance counter names as non-English Windows writes them (typeperf, relog, perfmon and Get-Counter use the
 * display language), mapped to the English names guestram reads (formats.md §3.2). Names marked `?` are
 * UNCONFIRMED (recalled, not found in public material); the others were seen in public scripts, monitoring
 * templates or logs written on that language (sources per object below and in docs/localization.md).
 * VMware Tools' "VM Memory" counters are English on every Windows language (VMware ships no translations).
 */

export type CounterLanguage = 'en' | 'de' | 'fr' | 'es' | 'it' | 'pt-BR' | 'ru' | 'pl' | 'tr' | 'zh-CN' | 'ja' | 'ko';

export const LANGUAGE_NAMES: Record<CounterLanguage, string> = {
  en: 'English', de: 'German', fr: 'French', es: 'Spanish', it: 'Italian', 'pt-BR': 'Portuguese (Brazil)', ru: 'Russian',
  pl: 'Polish', tr: 'Turkish', 'zh-CN': 'Chinese (Simplified)', ja: 'Japanese', ko: 'Korean',
};

/** Localized names of one object or counter; a trailing `?` marks an UNCONFIRMED name. */
type Names = Partial<Record<Exclude<CounterLanguage, 'en'>, string>>;

interface ObjectEntry {
  names: Names;
  counters: Record<string, Names>;
}

/**
 * Sources: de — PowerShell scripts using `\Arbeitsspeicher\Verfügbare MB` and C# using `Zugesicherte verwendete
 * Bytes (%)`, the German Azure Monitor counter table (Zugesicherte Bytes, Zusagegrenze, Auslagerungsseiten
 * (Bytes), Nicht-Auslagerungsseiten (Bytes), Verfügbare Bytes); fr — scripts using `\Mémoire\Mégaoctets
 * disponibles`, `\Mémoire\Pages en entrée/s`, `\Fichier d'échange(_Total)\Pourcentage d'utilisation`, French docs
 * (Octets de réserve paginée); ru — a 1C logman script (`\Память\Обмен страниц/с`, `\Память\Доступно МБ`,
 * `\Память\% использования выделенной памяти`), Zabbix templates (Байт в невыгружаемом/выгружаемом страничном
 * пуле, Байт кэш-памяти, Свободных элементов таблицы страниц), a real perfmon log (`\Процесс(*)\% загруженности
 * процессора`); zh-CN — the Chinese Azure VM metrics page (`\内存\可用字节`, `\内存\使用中的已提交字节百分比`).
 */
const OBJECTS: Record<string, ObjectEntry> = {
  Memory: {
    names: { de: 'Arbeitsspeicher', fr: 'Mémoire', es: 'Memoria?', it: 'Memoria?', 'pt-BR': 'Memória?', ru: 'Память', pl: 'Pamięć?', tr: 'Bellek?', 'zh-CN': '内存', ja: 'メモリ?', ko: '메모리?' },
    counters: {
      'Available MBytes': { de: 'Verfügbare MB', fr: 'Mégaoctets disponibles', es: 'MBytes disponibles?', it: 'MByte disponibili?', 'pt-BR': 'Mbytes disponíveis?', ru: 'Доступно МБ', pl: 'Dostępna pamięć (MB)?', tr: 'Kullanılabilir MBayt?', 'zh-CN': '可用 MB?', ja: '使用可能 MB?', ko: '사용 가능한 MB?' },
      'Available KBytes': { de: 'Verfügbare KB?', fr: 'Kilo-octets disponibles?', ru: 'Доступно КБ?', 'zh-CN': '可用 KB?' },
      'Available Bytes': { de: 'Verfügbare Bytes', fr: 'Octets disponibles?', es: 'Bytes disponibles?', ru: 'Доступно байт?', 'zh-CN': '可用字节' },
      'Committed Bytes': { de: 'Zugesicherte Bytes', fr: 'Octets dédiés?', es: 'Bytes confirmados?', ru: 'Байт выделенной виртуальной памяти?', 'zh-CN': '已提交的字节?' },
      'Commit Limit': { de: 'Zusagegrenze', fr: 'Limite de mémoire dédiée?', es: 'Límite de confirmación?', ru: 'Предел выделенной виртуальной памяти?', 'zh-CN': '提交限制?' },
      '% Committed Bytes In Use': { de: 'Zugesicherte verwendete Bytes (%)', fr: 'Pourcentage d’octets dédiés utilisés?', ru: '% использования выделенной памяти', 'zh-CN': '使用中的已提交字节百分比' },
      'Pool Nonpaged Bytes': { de: 'Nicht-Auslagerungsseiten (Bytes)', fr: 'Octets de réserve non paginée', ru: 'Байт в невыгружаемом страничном пуле', 'zh-CN': '池非分页字节?' },
      'Pool Paged Bytes': { de: 'Auslagerungsseiten (Bytes)', fr: 'Octets de réserve paginée', ru: 'Байт в выгружаемом страничном пуле', 'zh-CN': '池分页字节?' },
      'Cache Bytes': { de: 'Cachebytes?', fr: 'Octets du cache?', ru: 'Байт кэш-памяти' },
      'Pages/sec': { de: 'Seiten/s?', fr: 'Pages/s?', ru: 'Обмен страниц/с' },
      'Pages Input/sec': { fr: 'Pages en entrée/s', ru: 'Ввод страниц/с?' },
      'Free System Page Table Entries': { ru: 'Свободных элементов таблицы страниц' },
    },
  },
  'Paging File': {
    names: { de: 'Auslagerungsdatei?', fr: "Fichier d'échange", es: 'Archivo de paginación?', ru: 'Файл подкачки?', 'zh-CN': '分页文件?' },
    counters: {
      '% Usage': { de: 'Belegung (%)?', fr: "Pourcentage d'utilisation", es: '% de uso?', ru: '% использования?', 'zh-CN': '% 使用?' },
      '% Usage Peak': { de: 'Belegungsspitze (%)?', fr: "Pourcentage d'utilisation maximale?", ru: '% использования (пик)?' },
    },
  },
  Process: {
    names: { de: 'Prozess?', fr: 'Processus?', es: 'Proceso?', it: 'Processo?', 'pt-BR': 'Processo?', ru: 'Процесс', pl: 'Proces?', tr: 'İşlem?', 'zh-CN': '进程?' },
    counters: {
      '% Processor Time': { de: 'Prozessorzeit (%)?', fr: '% temps processeur?', ru: '% загруженности процессора' },
      'Private Bytes': { de: 'Private Bytes?', fr: 'Octets privés?', es: 'Bytes privados?', ru: 'Личные байты?', 'zh-CN': '专用字节?' },
      'Working Set': { de: 'Arbeitsseiten?', fr: 'Plage de travail?', es: 'Espacio de trabajo?', ru: 'Рабочий набор?', 'zh-CN': '工作集?' },
      'Working Set - Private': { de: 'Arbeitsseiten - privat?', fr: 'Plage de travail - privée?', ru: 'Рабочий набор (частный)?' },
      'Pool Nonpaged Bytes': { de: 'Nicht-Auslagerungsseiten (Bytes)?', ru: 'Байт в невыгружаемом страничном пуле?' },
      'Pool Paged Bytes': { de: 'Auslagerungsseiten (Bytes)?', ru: 'Байт в выгружаемом страничном пуле?' },
      'Virtual Bytes': { de: 'Virtuelle Bytes?', ru: 'Виртуальные байты?' },
    },
  },
  // The guest-side Hyper-V set: no localized name was found in public material (UNCONFIRMED for every language).
  'Hyper-V Dynamic Memory Integration Service': { names: {}, counters: { 'Maximum Memory, Mbytes': {} } },
  // The host-side balancer: de seen in a public Hyper-V monitoring script.
  'Hyper-V Dynamic Memory Balancer': {
    names: { de: 'Hyper-V-Ausgleichsmodul für dynamischen Arbeitsspeicher' },
    counters: { 'Available Memory': { de: 'Verfügbarer Arbeitsspeicher' } },
  },
  'VM Memory': { names: {}, counters: {} },
};

function confirmedName(name: string): { name: string; confirmed: boolean } {
  return name.endsWith('?') ? { name: name.slice(0, -1), confirmed: false } : { name, confirmed: true };
}

function key(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

interface Known {
  english: string;
  language: CounterLanguage;
  confirmed: boolean;
}

const OBJECT_BY_NAME = new Map<string, Known>();
const COUNTER_BY_NAME = new Map<string, Map<string, Known>>();
for (const [english, entry] of Object.entries(OBJECTS)) {
  OBJECT_BY_NAME.set(key(english), { english, language: 'en', confirmed: true });
  for (const [language, raw] of Object.entries(entry.names) as [CounterLanguage, string][]) {
    const { name, confirmed } = confirmedName(raw);
    if (!OBJECT_BY_NAME.has(key(name))) OBJECT_BY_NAME.set(key(name), { english, language, confirmed });
  }
  const counters = new Map<string, Known>();
  for (const [counter, names] of Object.entries(entry.counters)) {
    counters.set(key(counter), { english: counter, language: 'en', confirmed: true });
    for (const [language, raw] of Object.entries(names) as [CounterLanguage, string][]) {
      const { name, confirmed } = confirmedName(raw);
      if (!counters.has(key(name))) counters.set(key(name), { english: counter, language, confirmed });
    }
  }
  COUNTER_BY_NAME.set(english, counters);
}

export interface EnglishCounter {
  object: string;
  counter: string;
  /** The language the names were recognised in; undefined when the object is not one guestram knows. */
  language?: CounterLanguage;
  /** False when the object or the counter name is not in the table (the names are then kept as written). */
  known: boolean;
}

/** The English object and counter names of a (possibly localized) counter path's parts. */
export function toEnglishCounter(object: string, counter: string): EnglishCounter {
  const obj = OBJECT_BY_NAME.get(key(object));
  if (!obj) return { object, counter, known: false };
  const found = COUNTER_BY_NAME.get(obj.english)?.get(key(counter));
  if (!found) return { object: obj.english, counter, language: obj.language, known: false };
  const language = found.language === 'en' ? obj.language : found.language;
  return { object: obj.english, counter: found.english, language, known: true };
}

/** Every localized object and counter name, for the code-page sniffer's vocabulary and the docs. */
export function localizedCounterNames(): { language: CounterLanguage; english: string; name: string; confirmed: boolean }[] {
  const all: { language: CounterLanguage; english: string; name: string; confirmed: boolean }[] = [];
  for (const [english, entry] of Object.entries(OBJECTS)) {
    for (const [language, raw] of Object.entries(entry.names) as [CounterLanguage, string][]) all.push({ language, english, ...confirmedName(raw) });
    for (const [counter, names] of Object.entries(entry.counters)) {
      for (const [language, raw] of Object.entries(names) as [CounterLanguage, string][]) all.push({ language, english: `${english}\\${counter}`, ...confirmedName(raw) });
    }
  }
  return all;
}

/** The localized name of an English object or counter in a language, for writers (the simulator); English when unknown. */
export function localizeCounter(object: string, counter: string, language: CounterLanguage): { object: string; counter: string } {
  const entry = OBJECTS[object];
  if (!entry || language === 'en') return { object, counter };
  const name = (names: Names, fallback: string) => {
    const raw = names[language];
    return raw === undefined ? fallback : confirmedName(raw).name;
  };
  return { object: name(entry.names, object), counter: name(entry.counters[counter] ?? {}, counter) };
}
