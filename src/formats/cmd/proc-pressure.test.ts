import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { procPressure } from './proc-pressure.js';

const ctx = { yearFor: () => 2026 };
const read = (r: string) => readFileSync(repoPath('test', 'fixtures', 'logs', 'host', `proc-pressure-${r}.txt`), 'utf8');

test('the recorded PSI files give some/full records whose resource comes from the path', () => {
  for (const resource of ['cpu', 'memory', 'io']) {
    // recorded by scripts/record/host-snapshots.sh
    const text = read(resource);
    assert.equal(sniffFormat(text, 'unnamed.txt', ctx).format.name, 'proc-pressure');
    const r = procPressure.parse(text, { ...ctx, path: `vm/cmd/proc-pressure-${resource}.txt` });
    const lines = text.trim().split('\n');
    assert.equal(r.records.length, lines.length);
    r.records.forEach((rec, i) => {
      const m = /^(some|full) avg10=([\d.]+) avg60=([\d.]+) avg300=([\d.]+) total=(\d+)$/.exec(lines[i]!)!;
      assert.deepEqual(rec.fields, { resource, kind: m[1], avg10Percent: Number(m[2]), avg60Percent: Number(m[3]), avg300Percent: Number(m[4]), totalStallUs: Number(m[5]) });
      assert.equal(rec.line, i + 1);
    });
  }
  assert.equal(procPressure.parse(read('io'), { ...ctx, path: '/proc/pressure/io' }).records[0]!.fields!.resource, 'io');
});

test('older kernels print only "some" for cpu; other key=value text is not PSI', () => {
  assert.equal(procPressure.recognize('some avg10=0.00 avg60=0.00 avg300=0.00 total=0\n', 'x'), 0.95);
  assert.equal(procPressure.recognize('some avg10=0.00 avg60=0.00 avg300=0.00 total=0\nother line\n', 'x'), 0);
});
