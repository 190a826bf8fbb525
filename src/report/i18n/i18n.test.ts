import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATEGORIES } from '../../detect/category.js';
import { linkKey } from '../../correlate/explain.js';
import { LINKS } from '../../correlate/links.js';
import { fill, LANGS, messages, t } from './index.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();

test('every language has the same keys as English, each a non-empty string with the same placeholders', () => {
  const en = messages('en');
  for (const lang of LANGS) {
    const m = messages(lang);
    assert.deepEqual(Object.keys(m.ui).sort(), Object.keys(en.ui).sort(), `${lang} ui keys`);
    assert.deepEqual(Object.keys(m.category).sort(), [...CATEGORIES].sort(), `${lang} categories`);
    assert.deepEqual(Object.keys(m.severity).sort(), Object.keys(en.severity).sort(), `${lang} severities`);
    const missing = LINKS.map((l) => linkKey(l.cause, l.effect)).filter((k) => !(k in m.linkWhy));
    assert.deepEqual(missing, [], `${lang}: links.ts has links without a sentence in i18n/${lang}.ts`);
    assert.deepEqual(Object.keys(m.linkWhy).sort(), LINKS.map((l) => linkKey(l.cause, l.effect)).sort(), `${lang} link whys`);
    for (const [key, value] of Object.entries(m.ui)) {
      assert.ok(value.trim().length > 0, `${lang}.${key} is empty`);
      assert.deepEqual(placeholders(value), placeholders(en.ui[key as keyof typeof en.ui]), `${lang}.${key} placeholders`);
    }
    for (const [key, value] of Object.entries(m.linkWhy)) assert.ok(value.trim().length > 0, `${lang} why ${key} is empty`);
  }
});

test('English link whys are the knowledge\'s own sentences; Chinese ones are Chinese', () => {
  for (const l of LINKS) {
    assert.equal(messages('en').linkWhy[linkKey(l.cause, l.effect)], l.why);
    assert.match(messages('zh').linkWhy[linkKey(l.cause, l.effect)]!, /[\u4e00-\u9fff]/);
  }
});

test('fill replaces known placeholders and leaves unknown ones visible', () => {
  assert.equal(fill('{a} and {b}', { a: 1 }), '1 and {b}');
  assert.equal(t(messages('zh'), 'stepOf', { n: 3 }), '第 3 步');
});
