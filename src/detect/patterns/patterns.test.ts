import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { REPO_ROOT } from '../../../test/support/paths.js';
import type { Finding } from '../finding.js';
import { BucketSeries } from './bucket-series.js';
import { bestRise } from './change-point.js';
import { categoryOfWords, errorPatternDetectors } from './error-patterns.js';
import { GapStats } from './gap-stats.js';
import { patternHotLoop } from './hot-loop.js';
import { patternLogFlood } from './log-flood.js';
import { patternProcessStall } from './process-stall.js';
import { TemplateStage } from './template-stage.js';
import type { LogEvent } from '../../events/event.js';
import { findingsIn, findingsOfFiles } from '../../../test/support/detect.js';

const PATTERNS = [patternLogFlood, patternHotLoop, patternProcessStall, ...errorPatternDetectors];
const bundle = (name: string) => join(REPO_ROOT, 'test', 'fixtures', 'bundles', name);

const run = (paths: string[]) => findingsIn(paths, PATTERNS);
const runFiles = (files: Record<string, string>) => findingsOfFiles(files, PATTERNS);

const at = (ms: number) => new Date(Date.UTC(2026, 4, 10, 7, 0, 0) + ms).toISOString().replace('Z', '').replace('T', ' ');
const lines = (n: number, fromMs: number, toMs: number, text: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => `${at(fromMs + Math.floor(((toMs - fromMs) * i) / n))} ${text(i)}`);
const file = (ls: string[]) => ls.sort().join('\n') + '\n';
const by = (fs: Finding[], detector: string) => fs.filter((f) => f.detector === detector);

describe('bucket series and gaps', () => {
  test('out-of-order lines land in their bucket; coarsening merges pairs exactly', () => {
    const s = new BucketSeries();
    for (const b of [4, 5, 5, 9, 2, 5]) s.add(b);
    assert.deepEqual([s.idx, s.cnt], [[2, 4, 5, 9], [1, 1, 3, 1]]);
    assert.equal(s.coarsen(), 1);
    assert.deepEqual([s.idx, s.cnt], [[1, 2, 4], [1, 4, 1]]);
    assert.equal(s.sumBetween(2, 4), 5);
  });

  test('a replayed stretch (lines going forward again from an earlier time) counts like a reference map', () => {
    const s = new BucketSeries();
    const ref = new Map<number, number>();
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    let cells = 0;
    // three copies of one timeline with gaps, then random stragglers
    const timeline = Array.from({ length: 300 }, (_, i) => i * 3 + Math.floor(rnd() * 3));
    const adds = [...timeline, ...timeline.map((b) => b + 1), ...timeline, ...Array.from({ length: 200 }, () => Math.floor(rnd() * 1000))];
    for (const b of adds) {
      cells += s.add(b);
      ref.set(b, (ref.get(b) ?? 0) + 1);
    }
    const sorted = [...ref.keys()].sort((a, b) => a - b);
    assert.deepEqual(s.idx, sorted);
    assert.deepEqual(s.cnt, sorted.map((b) => ref.get(b)));
    assert.equal(cells, ref.size);
  });

  test('the usual spacing is weighted by time, so a burst does not make a slow source look busy', () => {
    const g = new GapStats();
    const ev = { timeMs: 0 } as LogEvent;
    let t = 0;
    for (let i = 0; i < 20; i++) g.accept(ev, (t += 8000)); // one line every 8 s
    for (let i = 0; i < 10_000; i++) g.accept(ev, t); // then a burst in one ms
    assert.equal(g.quantileMs(0.9), 0);
    assert.equal(g.timeQuantileMs(0.9, 0), 8192);
  });

  test('top templates: lines within the radius of the incident, summed over sources, with hosts', () => {
    const stage = new TemplateStage();
    const ev = (host: string, ms: number, message: string, line: number): LogEvent => ({ timeMs: ms, timeText: null, host, path: `${host}/app.log`, line, format: 'plain', severity: null, process: null, pid: null, thread: null, logger: null, message, text: message, fields: null });
    let n = 0;
    for (let i = 0; i < 50; i++) stage.accept(ev('a', i * 1000, `early job ${i} done`, ++n)); // 0..49 s
    for (let i = 0; i < 30; i++) stage.accept(ev(i % 2 ? 'a' : 'b', 3_600_000 + i * 1000, `retry ${i} of fetch failed`, ++n)); // an hour later
    const top = stage.topTemplates(5, 3_600_000, 60_000);
    assert.deepEqual(top.map((t) => [t.template, t.count, t.hosts]), [['retry <*> of fetch failed', 30, ['a', 'b']]]);
    assert.equal(top[0]!.firstMs, 3_600_000);
    assert.equal(stage.topTemplates(5, null)[0]!.count, 50);
  });

  test('events of document formats (command output, metrics) are left out', () => {
    const stage = new TemplateStage();
    stage.accept({ timeMs: 0, timeText: null, host: 'h', path: 'm.json', line: 1, format: 'prometheus-matrix', severity: null, process: null, pid: null, thread: null, logger: null, message: 'up 1', text: 'up 1', fields: null });
    assert.deepEqual(stage.view(), []);
    assert.equal(stage.lastEvent, null);
  });

  test('the stage keeps its cell budget by halving the time resolution', () => {
    const stage = new TemplateStage({ maxCells: 1000 });
    for (let i = 0; i < 5000; i++) {
      stage.accept({ timeMs: i * 1000, timeText: null, host: 'h', path: 'a.log', line: i + 1, format: 'plain', severity: null, process: null, pid: null, thread: null, logger: null, message: `tick ${i}`, text: `tick ${i}`, fields: null });
    }
    assert.ok(stage.bucketMs > 1000);
    const v = stage.view()[0]!;
    assert.equal(v.templates[0]!.count, 5000);
    assert.ok(v.source.total.cells <= 1000);
  });
});

describe('log-flood', () => {
  const quiet = lines(120, 0, 600_000, (i) => `INFO  [main] worker - processed batch ${i} in ${10 + (i % 7)} ms`);
  test('a template far above its own baseline is a flood, with rate and ratio', async () => {
    const burst = lines(3000, 300_000, 306_000, (i) => `WARN  [main] cache - refresh of key user:${i} failed, retrying`);
    const before = lines(20, 0, 290_000, (i) => `WARN  [main] cache - refresh of key user:${i} failed, retrying`);
    const fs = by(await runFiles({ 'h1/logs/app.log': file([...quiet, ...before, ...burst]) }), 'pattern-log-flood');
    assert.equal(fs.length, 1);
    const f = fs[0]!;
    assert.equal(f.host, 'h1');
    assert.ok((f.facts.peakLinesPerSec as number) >= 400, String(f.facts.peakLinesPerSec));
    assert.ok((f.facts.ratio as number) >= 1000, String(f.facts.ratio));
    assert.match(String(f.facts.template), /refresh of key/);
    assert.ok(f.evidence[0]!.text.includes('refresh of key'));
  });

  test('a steady busy log is not a flood, however many lines', async () => {
    const busy = lines(60_000, 0, 600_000, (i) => `INFO  [http-${i % 8}] access - GET /api/items/${i % 977} 200 ${100 + (i % 900)} bytes`);
    assert.deepEqual(by(await runFiles({ 'h1/logs/access.log': file([...quiet, ...busy]) }), 'pattern-log-flood'), []);
  });

  test('a short busy log with no history is judged by absolute rates: info at 300/s is not a flood', async () => {
    const busy = lines(9000, 0, 30_000, (i) => `INFO  [http-${i % 8}] access - GET /api/items/${i % 977} 200 ${100 + (i % 900)} bytes`);
    assert.deepEqual(by(await runFiles({ 'h1/logs/access.log': file(busy) }), 'pattern-log-flood'), []);
  });
});

describe('hot-loop', () => {
  test('the same line at 4000/s and nothing else is a spin; a busy varied service is not', async () => {
    const spin = lines(20_000, 10_000, 15_000, () => 'WARN  [main] watcher - unexpected event Unknown state=Disconnected for /members/a');
    const busy = lines(20_000, 10_000, 15_000, (i) => `INFO  [http-${i % 8}] access - GET /api/items/${(i * 7919) % 100_003} 200 ${(i * 31) % 99_991} bytes`);
    const fs = await runFiles({ 'h1/logs/spin.log': file(spin), 'h2/logs/access.log': file(busy) });
    const hot = by(fs, 'pattern-hot-loop');
    assert.deepEqual(hot.map((f) => f.host), ['h1']);
    assert.equal(hot[0]!.facts.lines, 20_000);
    assert.equal(hot[0]!.facts.repeatShare, 1);
  });

  test('the same line interleaved with other work (progress) is not a spin', async () => {
    const mixed = lines(24_000, 10_000, 16_000, (i) => (i % 3 === 2 ? `INFO  [main] job - committed offset ${i}` : 'WARN  [main] watcher - unexpected event Unknown'));
    assert.deepEqual(by(await runFiles({ 'h1/logs/mixed.log': file(mixed) }), 'pattern-hot-loop'), []);
  });
});

describe('process-stall', () => {
  const beat = (i: number) => `INFO  [sync] store - flushed ${i} entries`;
  test('a regular source silent for 25 s is a stall (gap and usual gap in facts); it comes back', async () => {
    const ls = [...lines(240, 0, 120_000, beat), ...lines(60, 145_000, 175_000, beat)];
    const fs = by(await runFiles({ 'h1/logs/store.log': file(ls) }), 'pattern-process-stall');
    assert.equal(fs.length, 1);
    assert.ok((fs[0]!.facts.gapMs as number) >= 25_000 && (fs[0]!.facts.gapMs as number) < 26_000);
    assert.equal(fs[0]!.facts.usualGapMs, 512);
    assert.equal(fs[0]!.facts.comesBack, true);
  });

  test('a source that stops while the others go on is a stall that never comes back', async () => {
    const fs = by(await runFiles({
      'h1/logs/store.log': file(lines(240, 0, 120_000, beat)),
      'h2/logs/other.log': file(lines(360, 0, 180_000, (i) => `INFO  [main] api - served ${i}`)),
    }), 'pattern-process-stall');
    assert.deepEqual(fs.map((f) => [f.host, f.facts.comesBack]), [['h1', false]]);
  });

  test('a nightly batch job is not a stall, nor are slow irregular sources', async () => {
    const nights = [0, 1, 2].flatMap((d) => lines(50, d * 86_400_000, d * 86_400_000 + 10_000, (i) => `INFO  [main] export - exported chunk ${i} of 50`));
    const slow = lines(40, 0, 3 * 86_400_000, (i) => `INFO  [cron] rotate - rotated ${i}`);
    assert.deepEqual(by(await runFiles({ 'h1/logs/batch.log': file(nights), 'h2/logs/cron.log': file(slow) }), 'pattern-process-stall'), []);
  });
});

describe('error templates: new ones and rate rises', () => {
  test('the change point of a step is where it steps; a lone spike is not sustained', () => {
    const step = [1, 0, 2, 1, 1, 0, 1, 9, 11, 10, 12, 9, 10];
    const r = bestRise(step, 3)!;
    assert.equal(r.at, 7);
    assert.ok(r.afterMean > 9 && r.beforeMean < 1);
    assert.equal(r.sustained, 1);
    const spike = [1, 1, 1, 1, 1, 40, 1, 1, 1, 1, 1];
    assert.ok(bestRise(spike, 3)!.sustained < 0.5);
    assert.equal(bestRise([5, 4, 3, 2, 1, 0], 3), null);
  });

  test('a template takes the first wording it matches, specific before general', () => {
    assert.equal(categoryOfWords('connect to db:5432 failed: no route to host (socket timeout)'), 'network-partition');
    assert.equal(categoryOfWords('request timed out after <*> ms'), 'timeout');
    assert.equal(categoryOfWords('request served in <*> ms'), null);
  });

  const ok = (i: number) => `INFO  [main] api - served request ${i} in ${i % 50} ms`;
  const err = (i: number) => `ERROR [main] api - call ${i} to ledger timed out after 3000 ms`;
  test('errors rising from 1 a minute to 30 a minute give a rise with both rates', async () => {
    const ls = [...lines(600, 0, 600_000, ok), ...lines(10, 5_000, 600_000, err), ...lines(150, 600_000, 900_000, err), ...lines(300, 600_000, 900_000, ok)];
    const fs = by(await runFiles({ 'h1/logs/api.log': file(ls) }), 'pattern-errors-timeout');
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.facts.signal, 'error-rate-rise');
    assert.ok((fs[0]!.facts.beforePerMin as number) <= 2, String(fs[0]!.facts.beforePerMin));
    assert.ok((fs[0]!.facts.afterPerMin as number) >= 25, String(fs[0]!.facts.afterPerMin));
    assert.ok(Math.abs(fs[0]!.timeMs! - Date.UTC(2026, 4, 10, 7, 10)) <= 10_000);
    assert.equal(fs[0]!.severity, 'warning');
  });

  test('the same error rate all along is neither new nor rising', async () => {
    const ls = [...lines(600, 0, 900_000, ok), ...lines(90, 0, 900_000, err)];
    assert.deepEqual(by(await runFiles({ 'h1/logs/api.log': file(ls) }), 'pattern-errors-timeout'), []);
  });
});

describe('recorded bundles', () => {
  test('zk-closed-watch-spin: the client spinning on one line is a hot loop and a flood (found without its names)', async () => {
    const fs = await run([bundle('zk-closed-watch-spin')]);
    const hot = by(fs, 'pattern-hot-loop');
    assert.equal(hot.length, 1);
    assert.equal(hot[0]!.host, 'edge-gw-12');
    assert.ok((hot[0]!.facts.lines as number) >= 100_000);
    assert.ok((hot[0]!.facts.linesPerSec as number) >= 100_000);
    assert.match(hot[0]!.evidence[0]!.text, /unexpected zk event Unknown/);
    const flood = by(fs, 'pattern-log-flood');
    assert.deepEqual(flood.map((f) => f.host), ['edge-gw-12']);
    // the client's log was cut after the spin's first lines: that is not a stall
    assert.deepEqual(by(fs, 'pattern-process-stall'), []);
  });

  test('zk-gc-pause-flood: the proxy error-path flood (both rotated files, one source), not a spin', async () => {
    const fs = await run([bundle('zk-gc-pause-flood')]);
    const flood = by(fs, 'pattern-log-flood');
    assert.equal(flood.length, 1);
    assert.equal(flood[0]!.host, 'lockd-b');
    assert.ok((flood[0]!.facts.lines as number) > 100_000);
    assert.ok((flood[0]!.facts.peakLinesPerSec as number) >= 4000);
    assert.match(String(flood[0]!.facts.template), /unknown cluster/);
    // each line carries its own request id: work, not a spin
    assert.deepEqual(by(fs, 'pattern-hot-loop'), []);
    // the proxy's rotated logs kept only the flood: with no earlier lines to compare with, its
    // "unknown cluster" errors are neither new nor a rise
    assert.deepEqual(by(fs, 'pattern-errors-config-error'), []);
  });

  test('quiet recordings give no pattern finding', async () => {
    for (const b of ['zk-quiet', 'pg-pool-fd-exhaustion', 'redis-oversized-message-oom', 'zk-oom-neighbour']) {
      assert.deepEqual((await run([bundle(b)])).map((f) => f.title), [], b);
    }
  });

});
