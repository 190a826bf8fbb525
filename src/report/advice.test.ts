import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATEGORIES } from '../detect/category.js';
import { ADVICE } from './advice.js';
import { LANGS } from './i18n/index.js';

test('every category has next checks in every language, the same number of items in each', () => {
  for (const c of CATEGORIES) {
    const counts = LANGS.map((lang) => ADVICE[lang][c]?.length ?? 0);
    assert.ok(counts[0]! >= 2, `${c}: at least two items`);
    assert.deepEqual(new Set(counts).size, 1, `${c}: ${counts.join(' vs ')}`);
    for (const lang of LANGS) for (const line of ADVICE[lang][c]) assert.ok(line.trim().length >= 10, `${lang} ${c}: ${line}`);
  }
});

test('the advice says what the brief of each category is about', () => {
  assert.match(ADVICE.en['hot-loop'].join(' '), /`ok`/);
  assert.match(ADVICE.en['oom-kill'].join(' '), /memory limit/);
  assert.match(ADVICE.en['poison-message'].join(' '), /size cap/);
  assert.match(ADVICE.en['poison-message'].join(' '), /dead-letter/);
  assert.match(ADVICE.en['fd-exhaustion'].join(' '), /only after fixing the leak/);
  assert.match(ADVICE.zh['coordination-session-loss'].join(' '), /对账/);
});
