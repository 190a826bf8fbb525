import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { repoPath, tempDir } from '../../../test/support/paths.js';
import { analyze } from '../../pipeline.js';
import type { DetectorDef } from '../define.js';
import type { Finding } from '../finding.js';
import { metricsCloseWaitGrowth } from './close-wait-growth.js';
import { metricsFdGrowth } from './fd-growth.js';
import { steadyGrowth } from './growth.js';
import { metricsLatencyChangePoint } from './latency-change-point.js';
import { heapFloors, metricsMemoryLeak } from './memory-leak.js';
import { linearFit } from './series.js';

const ALL: DetectorDef[] = [metricsMemoryLeak, metricsFdGrowth, metricsCloseWaitGrowth, metricsLatencyChangePoint];

async function run(path: string): Promise<Finding[]> {
  return (await analyze({ paths: [path], zone: 'UTC', year: 2026, detectors: ALL })).findings;
}

const secs = (n: number, stepSec = 10) => Array.from({ length: n }, (_, i) => 1_700_000_000_000 + i * stepSec * 1000);

describe('series arithmetic', () => {
  test('least squares: slope per second and R² of a line and of noise', () => {
    const t = secs(10);
    const fit = linearFit(t, t.map((_, i) => 5 + 3 * i * 10))!;
    assert.ok(Math.abs(fit.slopePerSec - 3) < 1e-9);
    assert.ok(Math.abs(fit.r2 - 1) < 1e-9);
    assert.ok(linearFit(t, [5, 1, 5, 1, 5, 1, 5, 1, 5, 1])!.r2 < 0.1);
  });

  test('steady growth: a line with a flat start is growth from its onset; warm-up and saw-tooth are not', () => {
    const t = secs(30);
    const g = steadyGrowth(t, t.map((_, i) => (i < 10 ? 100 : 100 + (i - 10) * 20)));
    assert.ok(g);
    assert.equal(g.onset, 10); // the last flat point
    assert.ok(Math.abs(g.fit.slopePerSec - 2) < 0.05);
    assert.equal(steadyGrowth(t, t.map((_, i) => 300 * (1 - Math.exp(-i / 4)))), null);
    assert.equal(steadyGrowth(t, t.map((_, i) => 100 + (i % 6) * 30)), null);
    assert.equal(steadyGrowth(secs(5), [1, 2, 3, 4, 5]), null);
  });
});

test('heap floors: the samples right after each collection', () => {
  const v = [100, 180, 260, 120, 200, 280, 140, 220, 300, 160];
  const f = heapFloors(secs(v.length), v);
  assert.deepEqual(f.v, [120, 140]);
  const grow = steadyGrowth(f.t, f.v, { minPoints: 2, minR2: 0.8, minLateShare: 0.5, maxDrawdownShare: 0.25 });
  assert.ok(grow && grow.fit.slopePerSec > 0);
});

describe('metrics detectors on lab recordings', () => {
  test('pg-pool-fd-exhaustion: fds at the limit and CLOSE_WAIT growth of the same process, nothing for the quiet ones', async () => {
    const fs = await run(repoPath('test', 'fixtures', 'bundles', 'pg-pool-fd-exhaustion'));
    const fd = fs.filter((f) => f.detector === 'metrics-fd-growth');
    assert.deepEqual(fd.map((f) => [f.process, f.facts.fdCount, f.facts.fdLimit, f.severity]), [['quote-svc', 256, 256, 'error']]);
    const cw = fs.filter((f) => f.detector === 'metrics-close-wait-growth');
    assert.equal(cw.length, 1);
    assert.equal(cw[0]!.pid, fd[0]!.pid);
    assert.ok((cw[0]!.facts.closeWaitSockets as number) >= 200);
    // the CLOSE_WAIT pile-up starts before the fds run out
    assert.ok(cw[0]!.timeMs! < fd[0]!.timeMs!);
    assert.deepEqual(fs.filter((f) => f.category === 'memory-leak'), []);
  });

  test('zk-oom-neighbour: the leaking process, with its time to the host\'s memory limit; the JVMs warming up are not leaks', async () => {
    const truth = JSON.parse(readFileSync(repoPath('test', 'fixtures', 'bundles', 'zk-oom-neighbour.truth.json'), 'utf8')) as { rootCause: { host: string; process: string } };
    const fs = await run(repoPath('test', 'fixtures', 'bundles', 'zk-oom-neighbour'));
    const leaks = fs.filter((f) => f.category === 'memory-leak');
    assert.equal(leaks.length, 1);
    assert.deepEqual([leaks[0]!.host, leaks[0]!.process], [truth.rootCause.host, truth.rootCause.process]);
    assert.equal(leaks[0]!.facts.metric, 'process_resident_memory_bytes');
    assert.ok((leaks[0]!.facts.r2 as number) > 0.95);
    assert.ok(leaks[0]!.facts.timeToLimitSec !== null && (leaks[0]!.facts.timeToLimitSec as number) < 120);
    assert.equal(leaks[0]!.severity, 'error');
  });

  test('zk-gc-pause-flood: the leak the recording names (its RSS stalls in swap, its mapped memory keeps growing); no JVM warm-up', async () => {
    const truth = JSON.parse(readFileSync(repoPath('test', 'fixtures', 'bundles', 'zk-gc-pause-flood.truth.json'), 'utf8')) as { rootCause: { host: string; process: string } };
    const fs = await run(repoPath('test', 'fixtures', 'bundles', 'zk-gc-pause-flood', 'metrics'));
    const leaks = fs.filter((f) => f.category === 'memory-leak');
    assert.deepEqual(leaks.map((f) => [f.host, f.process, f.facts.metric]), [[truth.rootCause.host, truth.rootCause.process, 'process_virtual_memory_bytes']]);
  });

  test('zk-closed-watch-spin: quiet memory and fd series give nothing', async () => {
    assert.deepEqual((await run(repoPath('test', 'fixtures', 'bundles', 'zk-closed-watch-spin', 'metrics'))).map((f) => f.title), []);
  });

  test('the query fixtures (a short range and a vector) give nothing', async () => {
    const tmp = tempDir();
    try {
      mkdirSync(join(tmp.dir, 'metrics'));
      for (const f of ['query-range.json', 'query-vector.json']) copyFileSync(repoPath('test', 'fixtures', 'metrics', f), join(tmp.dir, 'metrics', f));
      assert.deepEqual((await run(tmp.dir)).map((f) => f.title), []);
    } finally {
      tmp.remove();
    }
  });
});

test('hand-written bundle: container leak to its limit, latency step, host CLOSE_WAIT from tcpstat, fds from the job label', async () => {
  const fs = await run(repoPath('test', 'fixtures', 'detect', 'ledger-sockets', 'metrics'));
  const leak = fs.filter((f) => f.detector === 'metrics-memory-leak');
  assert.deepEqual(leak.map((f) => [f.process, f.facts.metric, f.facts.limitMetric, f.severity]), [['ledger', 'container_memory_working_set_bytes', 'container_spec_memory_limit_bytes', 'error']]);
  const step = fs.filter((f) => f.detector === 'metrics-latency-change-point');
  assert.equal(step.length, 1);
  assert.equal(step[0]!.category, 'timeout');
  assert.ok((step[0]!.facts.beforeMedianMs as number) < 200 && (step[0]!.facts.afterMedianMs as number) > 2000);
  assert.equal(step[0]!.facts.samplesBefore, 40);
  const cw = fs.filter((f) => f.detector === 'metrics-close-wait-growth');
  assert.deepEqual(cw.map((f) => f.facts.closeWaitSockets), [80]);
  const fd = fs.filter((f) => f.detector === 'metrics-fd-growth');
  assert.deepEqual(fd.map((f) => [f.process, f.facts.fdLimit]), [['ledger', 1024]]);
});
