import assert from 'node:assert/strict';
import { test } from 'node:test';
import { localizeCounter, localizedCounterNames, toEnglishCounter, type CounterLanguage } from '../../src/model/counter-names.js';

const TABLE: [string, string, string, string, CounterLanguage][] = [
  ['Память', 'Доступно МБ', 'Memory', 'Available MBytes', 'ru'],
  ['память', 'доступно мб', 'Memory', 'Available MBytes', 'ru'],
  ['Память', '% использования выделенной памяти', 'Memory', '% Committed Bytes In Use', 'ru'],
  ['Память', 'Байт в невыгружаемом страничном пуле', 'Memory', 'Pool Nonpaged Bytes', 'ru'],
  ['Память', 'Обмен страниц/с', 'Memory', 'Pages/sec', 'ru'],
  ['Процесс', '% загруженности процессора', 'Process', '% Processor Time', 'ru'],
  ['Arbeitsspeicher', 'Verfügbare MB', 'Memory', 'Available MBytes', 'de'],
  ['Arbeitsspeicher', 'Zugesicherte verwendete Bytes (%)', 'Memory', '% Committed Bytes In Use', 'de'],
  ['Arbeitsspeicher', 'Nicht-Auslagerungsseiten (Bytes)', 'Memory', 'Pool Nonpaged Bytes', 'de'],
  ['Mémoire', 'Mégaoctets disponibles', 'Memory', 'Available MBytes', 'fr'],
  ['Mémoire', 'Octets de réserve paginée', 'Memory', 'Pool Paged Bytes', 'fr'],
  ["Fichier d'échange", "Pourcentage d'utilisation", 'Paging File', '% Usage', 'fr'],
  ['内存', '可用字节', 'Memory', 'Available Bytes', 'zh-CN'],
  ['Memory', 'Available MBytes', 'Memory', 'Available MBytes', 'en'],
  ['memory', 'pool nonpaged bytes', 'Memory', 'Pool Nonpaged Bytes', 'en'],
  ['Hyper-V Dynamic Memory Integration Service', 'Maximum Memory, Mbytes', 'Hyper-V Dynamic Memory Integration Service', 'Maximum Memory, Mbytes', 'en'],
];

for (const [object, counter, englishObject, englishCounter, language] of TABLE) {
  test(`toEnglishCounter: \\${object}\\${counter}`, () => {
    assert.deepEqual(toEnglishCounter(object, counter), { object: englishObject, counter: englishCounter, language, known: true });
  });
}

test('toEnglishCounter: a known object with an unknown counter keeps the counter and names the language', () => {
  assert.deepEqual(toEnglishCounter('Память', 'Что-то новое'), { object: 'Memory', counter: 'Что-то новое', language: 'ru', known: false });
});

test('toEnglishCounter: an object guestram does not know is kept as written', () => {
  assert.deepEqual(toEnglishCounter('Физический диск', 'Средняя длина очереди диска'), { object: 'Физический диск', counter: 'Средняя длина очереди диска', known: false });
  assert.deepEqual(toEnglishCounter('LogicalDisk', 'Free Megabytes'), { object: 'LogicalDisk', counter: 'Free Megabytes', known: false });
});

test('the key counters have names in the twelve languages, and unconfirmed ones are marked', () => {
  const names = localizedCounterNames();
  for (const language of ['de', 'fr', 'es', 'it', 'pt-BR', 'ru', 'pl', 'tr', 'zh-CN', 'ja', 'ko'] as const) {
    assert.ok(names.some((n) => n.language === language && n.english === 'Memory\\Available MBytes'), language);
  }
  assert.ok(names.filter((n) => n.confirmed).length >= 20);
  assert.ok(names.every((n) => !n.name.endsWith('?')));
});

test('localizeCounter is the way back (the simulator writes localized logs with it)', () => {
  assert.deepEqual(localizeCounter('Memory', 'Available MBytes', 'ru'), { object: 'Память', counter: 'Доступно МБ' });
  assert.deepEqual(localizeCounter('Memory', 'Modified Page List Bytes', 'de'), { object: 'Arbeitsspeicher', counter: 'Modified Page List Bytes' });
  assert.deepEqual(localizeCounter('VM Memory', 'Memory Ballooned in MB', 'ru'), { object: 'VM Memory', counter: 'Memory Ballooned in MB' });
  for (const { language, english } of localizedCounterNames().filter((n) => n.english.includes('\\'))) {
    const [object, counter] = english.split('\\') as [string, string];
    const localized = localizeCounter(object, counter, language);
    const back = toEnglishCounter(localized.object, localized.counter);
    assert.equal(`${back.object}\\${back.counter}`, english, `${language} ${english}`);
  }
});
