import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LiteralMatcher } from './aho-corasick.js';

function found(m: LiteralMatcher, text: string): number[] {
  const ids = new Set<number>();
  m.scan(text, (id) => ids.add(id));
  return [...ids].sort((a, b) => a - b);
}

test('finds every pattern, overlapping ones too, case-insensitively', () => {
  const m = new LiteralMatcher(['he', 'she', 'his', 'hers', 'Killed process']);
  assert.deepEqual(found(m, 'ushers'), [0, 1, 3]);
  assert.deepEqual(found(m, 'OOM: KILLED PROCESS 42'), [4]);
  assert.deepEqual(found(m, 'nothing here'), [0]);
  assert.deepEqual(found(m, 'xyz'), []);
});

test('agrees with includes() on random texts', () => {
  const words = ['ab', 'abc', 'bca', 'caab', 'b', 'zz'];
  const m = new LiteralMatcher(words);
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 500; i++) {
    const text = Array.from({ length: Math.floor(rnd() * 20) }, () => 'abcz'[Math.floor(rnd() * 4)]).join('');
    const expected = words.map((w, id) => (text.includes(w) ? id : -1)).filter((id) => id >= 0);
    assert.deepEqual(found(m, text), expected, text);
  }
});

test('non-ASCII characters break matches instead of being folded', () => {
  const m = new LiteralMatcher(['ab']);
  assert.deepEqual(found(m, 'aéb'), []);
  assert.deepEqual(found(m, 'é ab'), [0]);
});

test('maxChars bounds the scan', () => {
  const m = new LiteralMatcher(['late']);
  assert.deepEqual(found(m, 'x'.repeat(100) + 'late'), [0]);
  const ids: number[] = [];
  m.scan('x'.repeat(100) + 'late', (id) => ids.push(id), 50);
  assert.deepEqual(ids, []);
});

test('a scan can start inside the text', () => {
  const m = new LiteralMatcher(['ab', 'cd']);
  const ids: number[] = [];
  m.scan('ab\ncd ab', (id) => ids.push(id), 3, 3);
  assert.deepEqual(ids, [1]);
});

test('many patterns: agrees with a lower-cased includes()', () => {
  const words = Array.from({ length: 300 }, (_, i) => `w${(i * 7919) % 1000}x`);
  const m = new LiteralMatcher(words);
  const text = 'A W17X b w9X W9x w999x';
  const expected = words.map((w, id) => (text.toLowerCase().includes(w) ? id : -1)).filter((id) => id >= 0);
  assert.deepEqual(found(m, text), expected);
  assert.ok(expected.length > 0);
});
