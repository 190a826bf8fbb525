import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { analyze } from '../../pipeline.js';
import { goDurationMs, goSqlPoolStats, poolStatsOf } from './go-sql-stats.js';

describe('go-sql-pool-exhausted', () => {
  test('recorded pg-pool-fd-exhaustion bundle: the pool at 4/4 with waiters, from its first such report', async () => {
    const a = await analyze({ paths: [repoPath('test/fixtures/bundles/pg-pool-fd-exhaustion')], zone: 'UTC', detectors: [goSqlPoolStats] });
    assert.equal(a.findings.length, 1);
    const f = a.findings[0]!;
    assert.equal(f.host, 'api-node-5');
    assert.equal(f.process, 'quote-svc');
    assert.equal(new Date(f.timeMs!).toISOString(), '2026-11-22T04:22:31.636Z');
    assert.deepEqual([f.facts['maxOpen'], f.facts['inUse'], f.facts['reports']], [4, 4, 4]);
    // 337 → 935 waits while at the maximum; after the restart the totals start again from 0
    assert.equal(f.facts['waitCount'], 935 - 337);
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
