import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { analyze } from '../../pipeline.js';
import { goDurationMs, goSqlPoolStats, poolStatsOf } from './go-sql-stats.js';

describe('go-sql-pool-exhausted', () => {
  test('recorded pg-pool-fd-exhaustion bundle: the pool at 4/4 with waiters, from its first such report', async () => {
    const a = await analyze({ paths: [repoPath('test/fixtures/bundles/pg-pool-fd-exhaustion')], zone: 'UTC', detectors: [goSqlPoolStats] });
    const f = a.findings[0]!;
    assert.equal(f.host, 'api-node-5');
    assert.equal(f.process, 'quote-svc');
    assert.equal(new Date(f.timeMs!).toISOString(), '2026-11-22T08:08:37.205Z');
    assert.deepEqual([f.facts['maxOpen'], f.facts['inUse'], f.facts['reports']], [4, 4, 4]);
    // 415 → 924 waits while at the maximum
    assert.equal(f.facts['waitCount'], 924 - 415);
    // after the watchdog's restart (08:09:06) the new process's totals start again from 0; the probe's
    // backlog finds its pool full at two single reports of its own (08:09:26, 08:09:36)
    assert.deepEqual(a.findings.slice(1).map((g) => [new Date(g.timeMs!).toISOString(), g.facts['reports'], g.facts['waitCountTotal']]), [
      ['2026-11-22T08:09:26.254Z', 1, 1098],
      ['2026-11-22T08:09:36.254Z', 1, 1869],
    ]);
  });

  test('Go durations and the struct\'s field names', () => {
    assert.equal(goDurationMs('1m2.754s'), 62754);
    assert.equal(goDurationMs('850ms'), 850);
    assert.equal(goDurationMs('12.5µs'), 0.013);
    assert.equal(goDurationMs('2500000'), 2.5);
    assert.equal(goDurationMs('soon'), null);
    const st = poolStatsOf({ text: 'stats {MaxOpenConnections:20 OpenConnections:19 InUse:19 Idle:0 WaitCount:7 WaitDuration:1.5s}', fields: null })!;
    assert.deepEqual(st, { maxOpen: 20, open: 19, inUse: 19, idle: 0, waitCount: 7, waitMs: 1500 });
    assert.equal(poolStatsOf({ text: 'open=4 idle=0', fields: null }), null);
    const json = poolStatsOf({ text: '{"msg":"db stats","max_open_connections":8,"in_use":8,"wait_count":3,"wait_duration":2000000}', fields: null })!;
    assert.deepEqual([json.maxOpen, json.inUse, json.waitCount, json.waitMs], [8, 8, 3, 2]);
  });
});
