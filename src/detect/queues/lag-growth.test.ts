import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { analyze } from '../../pipeline.js';
import { finalRise, queueLagGrowth } from './lag-growth.js';

const seconds = (n: number, stepMs = 15_000) => Array.from({ length: n }, (_, i) => i * stepMs);

describe('queue-lag-growth', () => {
  test('recorded lab bundle: the stream group\'s lag climbs while the consumer is stuck', async () => {
    const a = await analyze({ paths: [repoPath('test/fixtures/bundles/redis-oversized-message-oom')], zone: 'UTC', detectors: [queueLagGrowth] });
    // the group's lag; the stream's own length is not a lag series
    assert.equal(a.findings.length, 1);
    const f = a.findings[0]!;
    assert.deepEqual([f.host, f.facts['metric'], f.facts['group'], f.facts['lastValue'], f.facts['startValue']], ['queue-r1', 'redis_stream_group_lag', 'invoice-parsers', 55, 0]);
    assert.ok((f.facts['slopePerMin'] as number) > 30);
    // the rise starts right after the consumer took the oversized entry (08:06:30.616)
    const startMs = Date.parse('2026-11-22T08:06:30.616Z');
    assert.ok(Math.abs(f.timeMs! - startMs) < 2000, new Date(f.timeMs!).toISOString());
  });

  test('final rise: thresholds', () => {
    const rise = finalRise(seconds(12), [5, 5, 5, 5, 20, 40, 60, 80, 100, 120, 140, 160]);
    assert.ok(rise);
    assert.equal(rise.startIndex, 3);
    assert.equal(rise.growth, 155);
    // too small a growth, a drained backlog, noise, too few samples
    assert.equal(finalRise(seconds(12), [5, 5, 5, 5, 6, 7, 8, 9, 10, 11, 12, 13]), null);
    assert.equal(finalRise(seconds(12), [0, 50, 100, 150, 200, 150, 100, 50, 0, 0, 0, 0]), null);
    assert.equal(finalRise(seconds(12), [100, 300, 120, 280, 110, 320, 90, 310, 130, 290, 100, 330]), null);
    assert.equal(finalRise(seconds(4), [0, 100, 200, 300]), null);
  });
});
