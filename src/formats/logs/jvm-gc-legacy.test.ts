import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEvents, sniffedFormatOf } from '../../../test/support/read-events.js';
import { jvmGcLegacy } from './jvm-gc-legacy.js';

const parse = (line: string) => jvmGcLegacy.parse(line);
const KiB = 1024;
const MiB = 1048576;

describe('jvm-gc-legacy', () => {
  test('stamps: date and uptime, date only, uptime only, none', () => {
    const both = parse('2024-03-02T11:04:05.123-0500: 12.345: [GC (Allocation Failure) [PSYoungGen: 65536K->10720K(76288K)] 65536K->10736K(251392K), 0.0123456 secs]')!;
    assert.equal(both.offsetMin, -300);
    assert.equal(both.fields!['jvmUptimeMs'], 12345);
    const dateOnly = parse('2024-03-02T11:04:05.123+0800: [Full GC (Ergonomics) [PSYoungGen: 10752K->0K(141824K)] [ParOldGen: 316880K->290000K(326656K)] 327632K->290000K(468480K), [Metaspace: 3000K->3000K(1056768K)], 0.9876543 secs] [Times: user=1.90 sys=0.01, real=0.99 secs] ')!;
    assert.equal(dateOnly.wallMs, Date.UTC(2024, 2, 2, 11, 4, 5, 123));
    assert.deepEqual([dateOnly.fields!['kind'], dateOnly.fields!['collector'], dateOnly.fields!['heapBeforeBytes'], dateOnly.fields!['pauseMs']], ['full', 'Parallel', 327632 * KiB, 987.654]);
    const bare = parse('[GC (Allocation Failure) [DefNew: 4416K->512K(4928K), 0.0030416 secs] 4416K->1721K(15872K), 0.0031181 secs] [Times: user=0.00 sys=0.00, real=0.00 secs] ')!;
    assert.equal(bare.wallMs, undefined);
    assert.deepEqual([bare.fields!['collector'], bare.fields!['heapAfterBytes'], bare.fields!['pauseMs']], ['Serial', 1721 * KiB, 3.118]);
  });

  test('not mine: log4j lines, unified GC lines, text', () => {
    assert.equal(parse('2024-03-02 11:04:05,210 INFO [main] org.example.App - started'), undefined);
    assert.equal(parse('[2024-03-02T11:04:05.123+0800][12.345s][info][gc] GC(3) Pause Young (Normal) 24M->8M(256M) 3.456ms'), undefined);
    assert.equal(parse('2024-03-02T11:04:05.123+0800: 12.345: something else'), undefined);
    assert.equal(parse('Total time: 3 minutes'), undefined);
    assert.equal(parse('12.345: ' + '['.repeat(100_000)), undefined);
  });

  test('G1 summary lines without details', () => {
    const mixed = parse('2024-03-02T11:04:10.000+0800: 17.000: [GC pause (G1 Evacuation Pause) (mixed) 3000M->2500M(4096M), 0.0543210 secs]')!.fields!;
    assert.deepEqual([mixed['kind'], mixed['collector'], mixed['heapBeforeBytes'], mixed['pauseMs']], ['mixed', 'G1', 3000 * MiB, 54.321]);
    const phase = parse('2024-03-02T11:04:21.113+0800: 28.113: [GC concurrent-mark-end, 0.5678901 secs]')!.fields!;
    assert.deepEqual([phase['kind'], phase['phase'], phase['phaseMs'], phase['pauseMs']], ['concurrent', 'GC concurrent-mark', 567.89, undefined]);
  });

  test('hand-written ParNew/CMS log: multi-line records joined, totals from their last line', async () => {
    const path = 'test/fixtures/logs/jvm/jdk8-parnew-cms.log';
    assert.equal(sniffedFormatOf(path), 'jvm-gc-legacy');
    const { events, input } = await readEvents(path);
    assert.equal(input.format, 'jvm-gc-legacy');
    assert.deepEqual(input.warnings, []);
    // the young collection printed its tenuring distribution in the middle of the record
    const young = events.find((e) => e.fields?.['collector'] === 'ParNew')!;
    assert.equal(young.text.split('\n').length, 5);
    assert.deepEqual([young.fields!['kind'], young.fields!['pauseMs'], young.fields!['heapBeforeBytes'], young.fields!['heapAfterBytes']], ['young', 45.812, 1234567 * KiB, 954321 * KiB]);
    assert.equal(young.timeMs, Date.UTC(2024, 2, 2, 3, 4, 5, 123));
    const initial = events.find((e) => e.fields?.['kind'] === 'initial-mark')!;
    assert.equal(initial.fields!['heapTotalBytes'], 4160256 * KiB);
    const remark = events.find((e) => e.fields?.['kind'] === 'remark')!;
    assert.equal(remark.fields!['pauseMs'], 52.346);
    // the concurrent sweep's output split the failing collection in two lines
    const failure = events.find((e) => e.fields?.['concurrentModeFailure'] === true)!;
    assert.equal(failure.severity, 'warn');
    assert.deepEqual([failure.fields!['kind'], failure.fields!['collector'], failure.fields!['pauseMs'], failure.fields!['heapAfterBytes']], ['full', 'CMS', 8123.679, 4012345 * KiB]);
    const stops = events.filter((e) => e.fields?.['kind'] === 'safepoint').map((e) => e.fields!['stoppedMs']);
    assert.deepEqual(stops, [46.632, 13.156, 53.1, 8124.501, 7655.333]);
    const phases = events.filter((e) => e.fields?.['kind'] === 'concurrent').map((e) => e.fields!['phase']);
    assert.ok(phases.includes('CMS-concurrent-abortable-preclean'));
    assert.equal(events.filter((e) => e.fields?.['kind'] === 'header').length, 3);
    // the heap summary printed at exit joins the last record instead of making 7 plain events
    assert.ok(events.at(-1)!.text.includes('concurrent mark-sweep generation total'));
  });

  test('hand-written G1 log: details joined, heap from the Eden/Heap summary line', async () => {
    const path = 'test/fixtures/logs/jvm/jdk8-g1.log';
    assert.equal(sniffedFormatOf(path), 'jvm-gc-legacy');
    const { events } = await readEvents(path);
    const pauses = events.filter((e) => typeof e.fields?.['pauseMs'] === 'number');
    assert.deepEqual(pauses.map((e) => e.fields!['kind']), ['young', 'young', 'remark', 'cleanup', 'young', 'full']);
    const first = pauses[0]!.fields!;
    assert.deepEqual([first['heapBeforeBytes'], first['heapAfterBytes'], first['heapTotalBytes'], first['pauseMs']], [204 * MiB, 28.5 * MiB, 4096 * MiB, 23.457]);
    const exhausted = pauses[4]!;
    assert.equal(exhausted.fields!['toSpaceExhausted'], true);
    assert.equal(exhausted.severity, 'warn');
    const full = pauses[5]!.fields!;
    assert.deepEqual([full['cause'], full['pauseMs'], full['heapAfterBytes']], ['Allocation Failure', 9876.543, Math.round(3900.1 * MiB)]);
  });

  test('hostile 60 KiB lines are read in bounded time (no quadratic backtracking)', () => {
    const lines = [
      '[GC (x) ' + '1'.repeat(60_000),
      '12.345: [GC (x) ' + '1K->'.repeat(15_000),
      '[GC ' + ', 1.0 secs'.repeat(6_000),
      '[CMS-concurrent-' + 'a-'.repeat(30_000),
    ];
    for (const line of lines) {
      const t0 = performance.now();
      jvmGcLegacy.parse(line);
      jvmGcLegacy.finishRecord!('x\n' + line, { severity: null, fields: null });
      // a quadratic regex takes seconds here; linear work takes a few ms even on a loaded machine
      assert.ok(performance.now() - t0 < 500, line.slice(0, 60));
    }
  });
});
