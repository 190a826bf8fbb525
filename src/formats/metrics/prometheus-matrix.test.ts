import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFixture } from '../../../test/support/document-fixture.js';
import { MAX_SAMPLES, prometheusMatrix } from './prometheus-matrix.js';

const ctx = { yearFor: () => 2026 };

test('query_range matrix: one record per sample, host and process from labels', () => {
  const r = parseFixture(prometheusMatrix, 'metrics', 'query-range.json');
  assert.equal(r.records.length, 8);
  const rss = r.records.filter((x) => x.fields!.metric === 'process_resident_memory_bytes');
  assert.deepEqual(rss.map((x) => x.fields!.value), [21474836480, 32212254720, 42949672960, 47352434688]);
  assert.ok(rss.every((x) => x.host === 'node-b' && x.process === 'java' && x.offsetMin === 0));
  assert.equal(rss[3]!.wallMs, 1715327511500);
  assert.equal(rss[3]!.timeText, '1715327511.5');
  const avail = r.records.filter((x) => x.fields!.metric === 'node_memory_MemAvailable_bytes');
  // the host label wins over instance; job="node" names node_exporter, not a process
  assert.ok(avail.every((x) => x.host === 'node-b' && x.process === null));
  assert.equal(avail[3]!.fields!.value, null);
  assert.equal(avail[3]!.fields!.valueText, 'NaN');
  assert.deepEqual(r.takenAt, { wallMs: 1715327511500, offsetMin: 0, text: '1715327511.5' });
});

test('query vector, pretty-printed: lines of each series, bracketed IPv6 instance, reserved label names', () => {
  const r = parseFixture(prometheusMatrix, 'metrics', 'query-vector.json');
  assert.equal(r.records.length, 2);
  assert.equal(r.records[0]!.host, '::1');
  assert.equal(r.records[0]!.line, 7);
  assert.equal(r.records[1]!.host, 'node-a');
  assert.equal(r.records[1]!.line, 11);
  assert.equal(r.records[1]!.fields!.label_value, 'x');
  assert.equal(r.records[1]!.fields!.value, 0);
});

test('errors and bad JSON give warnings, not exceptions', () => {
  const bad = prometheusMatrix.parse('{"status":"success","data":{"resultType":"matrix","result":[', ctx);
  assert.equal(bad.records.length, 0);
  assert.match(bad.warnings![0]!, /not valid JSON/);
  const err = prometheusMatrix.parse('{"status":"error","errorType":"bad_data","error":"invalid parameter"}', ctx);
  assert.equal(err.records.length, 0);
  assert.match(err.warnings!.join(' '), /invalid parameter/);
  const odd = prometheusMatrix.parse('{"status":"success","data":{"resultType":"matrix","result":[{"metric":null,"values":[["x","1"],[1,2],[1715327211,"3"]]}]}}', ctx);
  assert.equal(odd.records.length, 1);
  assert.equal(odd.records[0]!.fields!.value, 3);
});

test('the number of samples kept is bounded', () => {
  const values = Array.from({ length: MAX_SAMPLES + 5 }, (_, i) => [1715000000 + i, '1']);
  const text = JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { __name__: 'up' }, values }] } });
  const r = prometheusMatrix.parse(text, ctx);
  assert.equal(r.records.length, MAX_SAMPLES);
  assert.match(r.warnings![0]!, /^5 sample\(s\)/);
});

test('recognised by content, not by a JSON file of another kind', () => {
  assert.equal(prometheusMatrix.recognize('{"status":"success","data":{"resultType":"matrix","result":[]}}', 'x.json'), 1);
  assert.equal(prometheusMatrix.recognize('{"kind":"EventList","items":[]}', 'metrics/x.json'), 0);
});
