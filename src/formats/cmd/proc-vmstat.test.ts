import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { procVmstat } from './proc-vmstat.js';

const ctx = { yearFor: () => 2026 };
// recorded by scripts/record/host-snapshots.sh
const recorded = readFileSync(repoPath('test', 'fixtures', 'logs', 'host', 'proc-vmstat.txt'), 'utf8');

test('the recorded /proc/vmstat is one record with every counter under its kernel name', () => {
  assert.equal(sniffFormat(recorded, 'unnamed.txt', ctx).format.name, 'proc-vmstat');
  const r = procVmstat.parse(recorded, ctx);
  assert.equal(r.records.length, 1);
  const f = r.records[0]!.fields!;
  const lines = recorded.trim().split('\n');
  assert.equal(Object.keys(f).length, lines.length);
  for (const l of lines) {
    const [k, v] = l.split(' ');
    assert.equal(f[k!], Number(v), k);
  }
  assert.match(r.records[0]!.message, new RegExp(`oom_kill ${f.oom_kill}`));
});

test('free text is not /proc/vmstat', () => {
  assert.equal(procVmstat.recognize('nr_free_pages is low\n', 'x'), 0);
  assert.equal(procVmstat.parse('hello world\n', ctx).records.length, 0);
});
