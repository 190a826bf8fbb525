import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { procUptime } from './proc-uptime.js';

const ctx = { yearFor: () => 2026 };
// recorded by scripts/record/host-snapshots.sh
const recorded = readFileSync(repoPath('test', 'fixtures', 'logs', 'host', 'proc-uptime.txt'), 'utf8');

test('the recorded /proc/uptime gives seconds up and idle', () => {
  assert.equal(sniffFormat(recorded, 'unnamed.txt', ctx).format.name, 'proc-uptime');
  const [up, idle] = recorded.trim().split(' ').map(Number);
  const rec = procUptime.parse(recorded, ctx).records[0]!;
  assert.deepEqual(rec.fields, { uptimeSeconds: up, idleSeconds: idle });
  assert.equal(rec.wallMs, undefined); // no time of its own: the snapshot's
});

test('messages say days and hours; other text is not /proc/uptime', () => {
  assert.equal(procUptime.parse('200000.00 10.00\n', ctx).records[0]!.message, 'up 2 d 7 h');
  assert.equal(procUptime.parse('59.00 10.00\n', ctx).records[0]!.message, 'up 0 min');
  assert.equal(procUptime.recognize('10.72 10.99 10.93 8/330 22458\n', 'x'), 0);
  assert.equal(procUptime.recognize('2026-11-22 03:49:44\n', 'x'), 0);
});
