import assert from 'node:assert/strict';
import { test } from 'node:test';
import textWidth from '../../src/cli/text-width.js';

test('text width: columns a terminal gives the help text', () => {
  assert.equal(textWidth(''), 0);
  assert.equal(textWidth('analyze <paths..>'), 17);
  assert.equal(textWidth('\u001B[1mbold\u001B[22m'), 4, 'ANSI escapes take no column');
  assert.equal(textWidth('Größe'), 5);
  assert.equal(textWidth('e\u0301'), 1, 'a combining accent takes no column');
  assert.equal(textWidth('内存'), 4, 'CJK characters take two columns');
  assert.equal(textWidth('ﾒﾓﾘ'), 3, 'halfwidth katakana take one');
  assert.equal(textWidth('Память'), 6);
});
