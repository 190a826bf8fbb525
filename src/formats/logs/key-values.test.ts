import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readQuoted, scanKeyValues, typedValue } from './key-values.js';

describe('scanKeyValues', () => {
  test('reads bare and quoted values with Go escapes', () => {
    const kv = scanKeyValues('a=1 msg="say \\"hi\\"\\n\\tthere" b=x\\y');
    assert.deepEqual(kv?.pairs, [['a', '1'], ['msg', 'say "hi"\n\tthere'], ['b', 'x\\y']]);
    assert.equal(kv?.looseChars, 0);
  });
  test('folds bare words into the previous value and counts them', () => {
    const kv = scanKeyValues('err=read tcp: reset level=warn');
    assert.deepEqual(kv?.pairs, [['err', 'read tcp: reset'], ['level', 'warn']]);
    assert.equal(kv?.looseChars, 'tcp: '.length + 'reset '.length);
  });
  test('refuses text that does not start with a pair, or an open quote', () => {
    assert.equal(scanKeyValues('hello a=b'), undefined);
    assert.equal(scanKeyValues('a="open'), undefined);
    assert.equal(scanKeyValues('2024-03-02 a=b'), undefined);
  });
  test('keeps at most maxPairs pairs', () => {
    const line = Array.from({ length: 100 }, (_, i) => `k${i}=${i}`).join(' ');
    assert.equal(scanKeyValues(line, 0, 10)?.pairs.length, 10);
  });
  test('empty values and values with "=" in them', () => {
    assert.deepEqual(scanKeyValues('a= b=c=d')?.pairs, [['a', ''], ['b', 'c=d']]);
  });
  test('readQuoted gives the end index after the closing quote', () => {
    assert.deepEqual(readQuoted('"x\\"y" rest', 0), { value: 'x"y', end: 6 });
  });
  test('typedValue turns plain decimals into numbers only', () => {
    assert.equal(typedValue('12'), 12);
    assert.equal(typedValue('-2.5'), -2.5);
    assert.equal(typedValue('12ms'), '12ms');
    assert.equal(typedValue('0x1f'), '0x1f');
    assert.equal(typedValue('12345678901234567890'), '12345678901234567890');
  });
});
