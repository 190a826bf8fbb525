import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringifyRows } from './json-rows.js';

test('stringifyRows writes valid JSON with one array element per line', () => {
  const doc = { host: 'h1', n: 2, rows: [{ a: 1 }, { a: 2, b: 'x\ny' }], empty: [], nested: { k: [1, 2] } };
  const text = stringifyRows(doc);
  assert.deepEqual(JSON.parse(text), doc);
  assert.deepEqual(text.split('\n'), ['{"host":"h1",', '"n":2,', '"rows":[', '{"a":1},', '{"a":2,"b":"x\\ny"}', '],', '"empty":[],', '"nested":{"k":[1,2]}}', '']);
});
