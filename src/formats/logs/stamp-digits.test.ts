import assert from 'node:assert/strict';
import { test } from 'node:test';
import { digitsAt, utcDayMs, wallFromParts } from './stamp-digits.js';

test('digitsAt reads fixed-width numbers and refuses anything else', () => {
  assert.equal(digitsAt('x2005-06', 1, 4), 2005);
  assert.equal(digitsAt('x2005-06', 6, 2), 6);
  assert.equal(digitsAt('20a5', 0, 4), -1);
  assert.equal(digitsAt('20', 0, 4), -1); // past the end
});

test('wallFromParts matches Date.UTC, across days and months, and refuses out-of-range parts', () => {
  assert.equal(wallFromParts(2005, 6, 3, 15, 42, 50, 675), Date.UTC(2005, 5, 3, 15, 42, 50, 675));
  assert.equal(wallFromParts(2024, 2, 29, 0, 0, 0, 0), Date.UTC(2024, 1, 29));
  assert.equal(wallFromParts(2024, 3, 1, 23, 59, 59, 999), Date.UTC(2024, 2, 1, 23, 59, 59, 999));
  assert.equal(utcDayMs(2024, 2, 1), Date.UTC(2024, 2, 1)); // the memo is keyed by the whole date
  assert.equal(utcDayMs(2023, 2, 1), Date.UTC(2023, 2, 1));
  for (const parts of [[2024, 13, 1], [2024, 0, 1], [2024, 1, 32], [2024, 1, 0], [-1, 1, 1]] as const) {
    assert.equal(wallFromParts(parts[0], parts[1], parts[2], 0, 0, 0, 0), undefined, parts.join('-'));
  }
  assert.equal(wallFromParts(2024, 1, 1, 24, 0, 0, 0), undefined);
  assert.equal(wallFromParts(2024, 1, 1, 23, 60, 0, 0), undefined);
});
