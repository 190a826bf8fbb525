import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import type { ParseContext } from '../define.js';
import { sniffFormat } from '../sniff.js';
import { uptime } from './uptime.js';

const DAY = Date.UTC(2026, 10, 22);
const ctx: ParseContext = { yearFor: () => 2026, dateFor: (ms) => DAY + ms };

test('the recorded uptime gives its time of day, time up and load averages', () => {
  // recorded by scripts/record/host-snapshots.sh
  const text = readFileSync(repoPath('test', 'fixtures', 'logs', 'host', 'uptime.txt'), 'utf8');
  assert.equal(sniffFormat(text, 'unnamed.txt', ctx).format.name, 'uptime');
  const m = /^ (\d\d):(\d\d):(\d\d) up .*load average: ([\d.]+), ([\d.]+), ([\d.]+)$/.exec(text.trimEnd())!;
  const rec = uptime.parse(text, ctx).records[0]!;
  assert.equal(rec.wallMs, DAY + ((+m[1]! * 60 + +m[2]!) * 60 + +m[3]!) * 1000);
  assert.deepEqual([rec.fields!.load1, rec.fields!.load5, rec.fields!.load15], [+m[4]!, +m[5]!, +m[6]!]);
  assert.equal(typeof rec.fields!.uptimeSeconds, 'number');
});

test('the forms of "up": minutes, hours, days and hours, days and minutes', () => {
  const up = (s: string) => uptime.parse(`${s}\n`, ctx).records[0]?.fields?.uptimeSeconds;
  assert.equal(up(' 04:18:35 up 28 min,  0 user,  load average: 4.21, 2.93, 1.38'), 28 * 60);
  assert.equal(up(' 05:02:42 up  1:12,  0 user,  load average: 10.05, 10.41, 10.71'), 72 * 60);
  assert.equal(up(' 10:21:07 up 3 days,  2:01,  2 users,  load average: 0.00, 0.01, 0.05'), (3 * 1440 + 121) * 60);
  assert.equal(up(' 10:21:07 up 1 day, 5 min,  1 user,  load average: 0.00, 0.01, 0.05'), (1440 + 5) * 60);
  assert.equal(up('10:21:07 up 12 days, 22:03, load average: 0.00, 0.01, 0.05'), (12 * 1440 + 22 * 60 + 3) * 60);
  assert.equal(uptime.recognize('2026-11-22 03:49:44\n', 'x'), 0);
});
