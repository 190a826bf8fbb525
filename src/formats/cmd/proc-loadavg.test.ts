import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { procLoadavg } from './proc-loadavg.js';

const ctx = { yearFor: () => 2026 };
// recorded by scripts/record/host-snapshots.sh
const recorded = readFileSync(repoPath('test', 'fixtures', 'logs', 'host', 'proc-loadavg.txt'), 'utf8');

test('the recorded /proc/loadavg gives the load averages and task counts', () => {
  assert.equal(sniffFormat(recorded, 'unnamed.txt', ctx).format.name, 'proc-loadavg');
  const [l1, l5, l15, tasks, last] = recorded.trim().split(' ');
  const [runnable, total] = tasks!.split('/');
  const f = procLoadavg.parse(recorded, ctx).records[0]!.fields!;
  assert.deepEqual(f, { load1: Number(l1), load5: Number(l5), load15: Number(l15), runnableTasks: Number(runnable), totalTasks: Number(total), lastPid: Number(last) });
});

test('other one-line outputs are not /proc/loadavg', () => {
  assert.equal(procLoadavg.recognize('4234.65 2892.93\n', 'x'), 0);
  assert.equal(procLoadavg.recognize(' 05:02:42 up  1:12,  0 user,  load average: 10.05, 10.41, 10.71\n', 'x'), 0);
  assert.equal(procLoadavg.parse('garbage', ctx).records.length, 0);
});
