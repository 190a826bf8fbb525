import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import { jvmGcUnified } from './jvm-gc-unified.js';

const parse = (line: string) => jvmGcUnified.parse(line);
const MiB = 1048576;

describe('jvm-gc-unified', () => {
  test('other decorations: utctime, timemillis, uptimemillis, uptimenanos, pid and tid', () => {
    const a = parse('[2024-03-02T03:04:05.123+0000][1234][5678][info][gc] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 24M->8M(256M) 3.456ms')!;
    assert.equal(a.offsetMin, 0);
    assert.equal(a.pid, 1234);
    assert.equal(a.thread, '5678');
    assert.equal(a.fields!['pauseMs'], 3.456);
    const b = parse('[1709348645123ms][12345ms][info][gc] GC(1) Pause Full (Allocation Failure) 30M->29M(31M) 120.5ms')!;
    assert.equal(b.wallMs, 1709348645123);
    assert.equal(b.offsetMin, 0);
    assert.equal(b.fields!['jvmUptimeMs'], 12345);
    assert.equal(b.fields!['kind'], 'full');
    const c = parse('[12345678901ns][warning][gc,alloc] GC(2) Humongous allocation failed')!;
    assert.equal(c.wallMs, undefined);
    assert.equal(c.fields!['jvmUptimeMs'], 12345);
    assert.equal(c.severity, 'warn');
  });

  test('uptime-only lines keep no wall time: the JVM start is unknown', () => {
    const p = parse('[0.359s][info][gc] GC(12) Pause Full (Ergonomics) 28M->25M(31M) 61.206ms')!;
    assert.equal(p.wallMs, undefined);
    assert.equal(p.uptimeSec, undefined, 'JVM uptime is not host uptime');
    assert.equal(p.fields!['jvmUptimeMs'], 359);
  });

  test('pause kinds, G1 young types and causes with nested parentheses', () => {
    const cs = parse('[1.0s][info][gc] GC(5) Pause Young (Concurrent Start) (G1 Humongous Allocation) 90M->60M(128M) 5.1ms')!.fields!;
    assert.deepEqual([cs['kind'], cs['youngType'], cs['cause'], cs['collector']], ['young', 'Concurrent Start', 'G1 Humongous Allocation', 'G1']);
    const mixed = parse('[1.0s][info][gc] GC(9) Pause Young (Mixed) (G1 Evacuation Pause) 100M->70M(128M) 7ms')!.fields!;
    assert.equal(mixed['kind'], 'mixed');
    const sys = parse('[1.0s][info][gc] GC(28) Pause Full (System.gc()) 77M->26M(97M) 10.031ms')!.fields!;
    assert.deepEqual([sys['kind'], sys['cause'], sys['heapBeforeBytes'], sys['heapAfterBytes']], ['full', 'System.gc()', 77 * MiB, 26 * MiB]);
    const remark = parse('[1.0s][info][gc] GC(10) Pause Remark 20M->20M(64M) 1.234ms')!.fields!;
    assert.deepEqual([remark['kind'], remark['cause'], remark['pauseMs']], ['remark', null, 1.234]);
    const zgc = parse('[1.0s][info][gc,phases] GC(3) Pause Mark Start 0.012ms')!.fields!;
    assert.deepEqual([zgc['kind'], zgc['pauseMs'], zgc['heapBeforeBytes']], ['mark-start', 0.012, undefined]);
    const failed = parse('[1.0s][info][gc] GC(30) Pause Young (Normal) (G1 Evacuation Pause) (Evacuation Failure) 23M->23M(24M) 4.2ms')!.fields!;
    assert.equal(failed['evacuationFailure'], true);
    const start = parse('[1.0s][info][gc,start] GC(4) Pause Young (Normal) (G1 Evacuation Pause)')!.fields!;
    assert.equal(start['kind'], 'young');
    assert.equal(start['pauseMs'], undefined, 'the start line has no duration yet');
  });

  test('not mine: other bracketed logs, bare text, runaway decorations', () => {
    assert.equal(parse('[main] INFO org.example.App - started'), undefined);
    assert.equal(parse('[2024-03-02 11:04:05,210] INFO [KafkaServer id=1] started (kafka.server.KafkaServer)'), undefined);
    assert.equal(parse('[ 1234.567890] Out of memory: Killed process 38581 (java)'), undefined);
    assert.equal(parse('GC(3) Pause Young (Normal) 24M->8M(256M) 3.456ms'), undefined);
    assert.equal(parse('[gc]'.repeat(10_000) + ' x'), undefined);
    assert.equal(parse('[1.0s][info]' + '['.repeat(100_000)), undefined);
  });

  test('recorded G1 log (OpenJDK 17, time,uptime,level,tags)', async () => {
    const path = 'test/fixtures/logs/jvm/g1.log';
    assert.equal(sniffedFormatOf(path), 'jvm-gc-unified');
    const { events, input } = await readEvents(path);
    assert.equal(input.format, 'jvm-gc-unified');
    assert.equal(events.length, input.lines, 'one event per line');
    assert.deepEqual(input.warnings, []);
    assert.ok(events.every((e) => e.timeMs !== null && typeof e.fields?.['jvmUptimeMs'] === 'number'));
    assert.equal(events[0]!.fields!['collector'], 'G1');
    const pauses = events.filter((e) => typeof e.fields?.['pauseMs'] === 'number');
    assert.ok(pauses.length >= 5);
    for (const p of pauses) {
      const f = p.fields!;
      assert.ok((f['heapBeforeBytes'] as number) >= 0 && (f['heapTotalBytes'] as number) > 0, p.text);
      assert.equal(typeof f['gcId'], 'number');
    }
    const full = pauses.find((e) => e.fields!['kind'] === 'full');
    assert.equal(full?.fields!['cause'], 'System.gc()');
    assert.ok(events.some((e) => e.fields?.['kind'] === 'safepoint' && (e.fields['stoppedMs'] as number) > 0));
    assert.ok(events.some((e) => e.logger === 'gc,phases' && typeof e.fields?.['phaseMs'] === 'number'));
  });

  test('recorded G1 log with a too small heap: evacuation failures, then a full GC', async () => {
    const { events } = await readEvents('test/fixtures/logs/jvm/g1-small-heap.log');
    assert.ok(events.some((e) => e.fields?.['toSpaceExhausted'] === true));
    const full = events.filter((e) => e.fields?.['kind'] === 'full' && e.fields['pauseMs'] !== undefined);
    assert.ok(full.length >= 1);
    assert.equal(full[0]!.fields!['cause'], 'G1 Compaction Pause');
  });

  test('recorded Parallel GC log with uptime only: no wall time, uptime in fields', async () => {
    const path = 'test/fixtures/logs/jvm/parallel-uptime.log';
    assert.equal(sniffedFormatOf(path), 'jvm-gc-unified');
    const { events } = await readEvents(path);
    assert.ok(events.every((e) => e.timeMs === null));
    const full = events.filter((e) => e.fields?.['kind'] === 'full' && typeof e.fields['pauseMs'] === 'number');
    assert.ok(full.length >= 3, 'the small heap forced full collections');
    assert.ok(full.every((e) => (e.fields!['heapTotalBytes'] as number) <= 32 * MiB));
    const uptimes = events.map((e) => e.fields!['jvmUptimeMs'] as number);
    assert.ok(uptimes.every((u, i) => i === 0 || u >= uptimes[i - 1]!), 'uptime never goes back');
  });

  test('hostile 60 KiB lines are read in bounded time (no quadratic backtracking)', () => {
    const lines = [
      '[1.0s][info][gc] GC(1) Pause Young' + ' (x)'.repeat(15_000),
      '[1.0s][info][gc] GC(1) ' + ' 1'.repeat(30_000) + 'ms',
      '[1.0s][info][gc] GC(1) Pause Young (' + '('.repeat(60_000) + ' 1ms',
    ];
    for (const line of lines) {
      const t0 = performance.now();
      jvmGcUnified.parse(line);
      // a quadratic regex takes seconds here; linear work takes a few ms even on a loaded machine
      assert.ok(performance.now() - t0 < 500, line.slice(0, 60));
    }
  });
});
