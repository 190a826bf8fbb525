import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { collectCgroupMemory } from './collect-cgroup-memory.js';

const ctx = { yearFor: () => 2026 };
// recorded by scripts/record/host-snapshots.sh
const recorded = readFileSync(repoPath('test', 'fixtures', 'logs', 'host', 'cgroup-memory.json'), 'utf8');
const doc = JSON.parse(recorded) as { takenAt: string; cgroups: Record<string, unknown>[] };

test('the recorded cgroup-memory.json gives one record per cgroup', () => {
  assert.equal(sniffFormat(recorded, 'unnamed.json', ctx).format.name, 'collect-cgroup-memory');
  const r = collectCgroupMemory.parse(recorded, ctx);
  assert.equal(r.records.length, doc.cgroups.length);
  r.records.forEach((rec, i) => {
    const c = doc.cgroups[i]!;
    assert.deepEqual([rec.fields!.cgroup, rec.fields!.usageBytes, rec.fields!.limitBytes, rec.fields!.failcnt, rec.fields!.oomKills], [c.path, c.usageBytes, c.limitBytes, c.failcnt, c.oomKills]);
  });
});

test('a cgroup at its limit reads 100 % and names its OOM kills', () => {
  const text = '{"takenAt":"2026-11-22T05:00:18.307Z",\n"cgroups":[\n{"version":2,"path":"/svc","limitBytes":1073741824,"usageBytes":1073741824,"maxUsageBytes":null,"failcnt":40,"oomEvents":3,"oomKills":3,"underOom":null,"procs":2}\n]}\n';
  const rec = collectCgroupMemory.parse(text, ctx).records[0]!;
  assert.equal(rec.fields!.usedPercent, 100);
  assert.equal(rec.message, 'memory cgroup /svc: 1.0 GiB of 1.0 GiB (100 %), 3 OOM kill(s)');
  assert.equal(rec.line, 3);
});
