import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codePageDecoder, guessCodePage, type CodePage } from '../../src/ingest/code-pages.js';
import { sniffEncoding } from '../../src/ingest/encoding.js';
import { readFixture } from '../helpers/parse.js';

const SAMPLES: [string, CodePage, string][] = [
  ['ru-cp866.txt', 'ibm866', 'Полный объем физической памяти'],
  ['ru-cp1251.txt', 'windows-1251', 'Полный объем физической памяти'],
  ['de-cp850.txt', 'ibm850', 'Verfügbarer physikalischer Speicher'],
  ['de-cp1252.txt', 'windows-1252', 'Verfügbarer physikalischer Speicher'],
  ['fr-cp1252.txt', 'windows-1252', 'Mémoire physique totale'],
  ['da-cp850.txt', 'ibm850', 'Størrelse på sidefil'],
  ['pl-cp852.txt', 'ibm852', 'Całkowita ilość pamięci fizycznej'],
  ['pl-cp1250.txt', 'windows-1250', 'Całkowita ilość pamięci fizycznej'],
  ['ja-cp932.txt', 'shift_jis', '物理メモリの合計'],
  ['zh-cp936.txt', 'gbk', '物理内存总量'],
  ['ko-cp949.txt', 'euc-kr', '총 실제 메모리'],
];

for (const [file, codePage, label] of SAMPLES) {
  test(`code page of ${file}: ${codePage}`, () => {
    const bytes = readFixture(`encodings/${file}`);
    const guess = guessCodePage(bytes);
    assert.equal(guess.codePage, codePage);
    assert.ok(codePageDecoder(codePage).decode(bytes).includes(label));
    const sniffed = sniffEncoding(bytes);
    assert.ok('encoding' in sniffed && sniffed.encoding === codePage);
  });
}

test('real cmd.exe output in cp850 (fr, es, it wesng files) is read as cp850 or the identical cp437', () => {
  for (const file of ['wesng-win7-vmware-fr-cmd.txt', 'wesng-win10-es-cmd.txt', 'wesng-win10-it-cmd.txt']) {
    const guess = guessCodePage(readFixture(`real/systeminfo-list/${file}`));
    assert.ok(guess.codePage === 'ibm850' || (guess.codePage === 'ibm437' && guess.sameAs === 'ibm850') || guess.sameAs === 'ibm437', `${file}: ${JSON.stringify(guess)}`);
    assert.ok(['ibm850', 'ibm437'].includes(guess.codePage), file);
  }
});

test('German text reads the same in cp437 and cp850: the tie is said', () => {
  const guess = guessCodePage(readFixture('encodings/de-cp850.txt'));
  assert.equal(guess.codePage, 'ibm850');
  assert.equal(guess.sameAs, 'ibm437');
});

test('the DOS tables decode every byte, and ASCII stays ASCII', () => {
  for (const codePage of ['ibm437', 'ibm850', 'ibm852'] as const) {
    const all = codePageDecoder(codePage).decode(Uint8Array.from({ length: 256 }, (_, i) => i));
    assert.equal(all.length, 256, codePage);
    assert.equal(all.slice(0x20, 0x7f), ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~');
  }
  assert.equal(codePageDecoder('ibm850').decode(Uint8Array.from([0x82, 0x8a, 0x87])), 'éèç');
  assert.equal(codePageDecoder('ibm852').decode(Uint8Array.from([0xa5, 0x88, 0x98])), 'ąłś');
});

test('UTF-8 and UTF-16 are never taken for a legacy code page', () => {
  const utf8 = Buffer.from('Полный объем физической памяти: 4 096 МБ\r\n', 'utf8');
  assert.deepEqual(sniffEncoding(utf8), { encoding: 'utf-8', bomLength: 0 });
  assert.deepEqual(sniffEncoding(Buffer.from('\uFEFFMémoire', 'utf16le')), { encoding: 'utf-16le', bomLength: 2 });
});
