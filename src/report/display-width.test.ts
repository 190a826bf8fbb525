import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayWidth, padToWidth } from './display-width.js';

test('Chinese characters and fullwidth punctuation take two columns, ASCII one', () => {
  assert.equal(displayWidth('path'), 4);
  assert.equal(displayWidth('路径'), 4);
  assert.equal(displayWidth('事件数：3'), 9);
  assert.equal(displayWidth('𠀀'), 2, 'a supplementary-plane ideograph is one wide character');
});

test('padding counts columns, not UTF-16 units', () => {
  assert.equal(padToWidth('行数', 6), '行数  ');
  assert.equal(padToWidth('12', 4, true), '  12');
  assert.equal(padToWidth('toolong', 3), 'toolong');
});
