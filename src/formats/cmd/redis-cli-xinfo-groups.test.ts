import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { redisCliXinfoGroups } from './redis-cli-xinfo-groups.js';

const ctx = { yearFor: () => 2026 };

for (const path of [['logs', 'redis', 'redis-cli-XINFO-GROUPS.txt'], ['bundles', 'redis-oversized-message-oom', 'queue-r1', 'cmd', 'redis-cli-XINFO-GROUPS-invoices.txt']]) {
  test(`${path.join('/')}: one record per group with its figures`, () => {
    // the first recorded by scripts/record/redis.sh, the second in the lab's incident bundle
    const text = readFileSync(repoPath('test', 'fixtures', ...path), 'utf8');
    assert.equal(sniffFormat(text, 'unnamed.txt', ctx).format.name, 'redis-cli-xinfo-groups');
    const l = text.trimEnd().split('\n');
    const value = (key: string) => l[l.indexOf(key) + 1];
    const r = redisCliXinfoGroups.parse(text, ctx);
    assert.equal(r.records.length, 1);
    assert.deepEqual(r.records[0]!.fields, {
      group: value('name'), consumers: Number(value('consumers')), pending: Number(value('pending')), lastDeliveredId: value('last-delivered-id'),
      entriesRead: Number(value('entries-read')), lag: Number(value('lag')),
    });
  });
}

test('two groups give two records; a nil lag is null', () => {
  const text = 'name\na\nconsumers\n1\npending\n0\nlast-delivered-id\n1-0\nentries-read\n\nlag\n\nname\nb\nconsumers\n2\npending\n5\nlast-delivered-id\n2-0\n';
  const r = redisCliXinfoGroups.parse(text, ctx);
  assert.deepEqual(r.records.map((x) => [x.fields!.group, x.fields!.pending, x.line]), [['a', 0, 1], ['b', 5, 13]]);
  assert.equal(r.records[0]!.fields!.lag, null);
});
