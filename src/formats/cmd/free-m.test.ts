import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFixture } from '../../../test/support/document-fixture.js';
import { freeM } from './free-m.js';

const MIB = 1024 ** 2;

test('free -m, -h and -b recorded on Debian give the same memory within their rounding', () => {
  const m = parseFixture(freeM, 'cmd', 'free-m.txt');
  const h = parseFixture(freeM, 'cmd', 'free-h.txt');
  const b = parseFixture(freeM, 'cmd', 'free-b.txt');
  const total = (r: typeof m) => r.records.find((x) => x.fields!.kind === 'mem')!.fields!.totalBytes as number;
  assert.ok(Math.abs(total(m) - total(b)) < MIB);
  assert.ok(Math.abs(total(h) - total(b)) < 1024 ** 3);
  assert.match(m.warnings![0]!, /MiB/);
  assert.match(b.warnings![0]!, /bytes/);
  assert.equal(h.warnings, undefined); // -h prints its units
  const swap = m.records.find((x) => x.fields!.kind === 'swap')!;
  assert.equal(swap.fields!.totalBytes, 0);
  assert.equal(swap.line, 3);
});

test('free: old procps layout with buffers, cached and the -/+ line, in KiB', () => {
  const text = '             total       used       free     shared    buffers     cached\n' +
    'Mem:      65808396   65396052     412344          0      10240     163840\n' +
    '-/+ buffers/cache:   65221972     586424\n' +
    'Swap:            0          0          0\n';
  const r = freeM.parse(text, { yearFor: () => 2026 });
  assert.equal(r.records.length, 3);
  assert.equal(r.records[0]!.fields!.totalBytes, 65808396 * 1024);
  assert.equal(r.records[0]!.fields!.cachedBytes, 163840 * 1024);
  assert.equal(r.records[1]!.fields!.kind, 'buffers/cache');
  assert.equal(r.records[1]!.fields!.freeBytes, 586424 * 1024);
  assert.match(r.warnings![0]!, /KiB/);
});
