import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hostileAnalysis } from '../../test/support/report-fixture.js';
import { jsonChunks, renderJson, toJsonReport } from './json.js';

test('the report written piece by piece is exactly JSON.stringify of the report', () => {
  const a = hostileAnalysis();
  assert.equal(renderJson(a), JSON.stringify(toJsonReport(a), null, 2) + '\n');
  assert.ok([...jsonChunks(a)].length > 5, 'arrays are written element by element');
});
