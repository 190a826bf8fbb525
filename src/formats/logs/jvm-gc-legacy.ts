import type { Fields } from '../../events/event.js';
import type { Severity } from '../../events/severity.js';
import { defineFormat, type FormatSample, type Parsed, type RecordOutline } from '../define.js';
import { parseIsoLike } from '../timestamps.js';
import { gcSizeToBytes, jvmTimeAt, secToMs, stoppedTimeFields } from './jvm-gc-common.js';

/**
 * JDK 8 and older GC logs (-XX:+PrintGCDetails -XX:+PrintGCDateStamps -XX:+PrintGCTimeStamps,
 * -XX:+PrintGCApplicationStoppedTime): "2024-03-02T11:04:05.123+0800: 12.345: [GC (Allocation Failure) ...".
 * A record can span lines (G1 details, tenuring distribution, a CMS "concurrent mode failure" that the
 * concurrent thread's output split): the continuation lines join it and `finishRecord` reads the
 * numbers from the whole record.
 *
 * Fields: kind ('young' | 'mixed' | 'full' | 'initial-mark' | 'remark' | 'cleanup' | 'concurrent' |
 * 'safepoint'), cause, collector ('ParNew' | 'CMS' | 'Parallel' | 'Serial' | 'G1'), pauseMs,
 * heapBeforeBytes, heapAfterBytes, heapTotalBytes, concurrentModeFailure, promotionFailed,
 * toSpaceExhausted, phase/phaseMs (concurrent phases, not pauses), stoppedMs (safepoints: overlaps
 * the GC pauses), jvmUptimeMs (the "12.345:" stamp: seconds since JVM start, not host boot).
 * JDK 8 logs print no GC id and no level: full collections and their failures are 'warn', the rest 'info'.
 */
const UPTIME = /^(\d+\.\d{3}): /;
const DATE_STAMP_CHARS = 28; // 2024-03-02T11:04:05.123+0800
const CAUSE = /^\[(Full GC|GC)(?: pause)? \(((?:[^()]|\(\))*)\)/;
const G1_PAUSE = /^\[GC pause \((?:[^()]|\(\))*\) \((young|mixed)\)/;
const G1_OTHER = /^\[GC (remark|cleanup|concurrent-([\w-]+?))(?:-start\]|-end, (\d+\.\d+) secs\]|-abort\]|[ ,\]])/;
const CMS_PHASE = /^\[(CMS-concurrent-[\w-]+?)(?:-start\]|: (\d+\.\d+)\/(\d+\.\d+) secs\])/;
const SIZE = '(\\d+(?:\\.\\d+)?)([BKMG])';
// the whole-heap transition is the one followed (maybe after [Metaspace...]) by the record's total time
// (not inside a longer number: a run of digits must not be retried from each of its digits)
const HEAP_TRANSITION = new RegExp(`(?<![\\d.])${SIZE}->${SIZE}\\(${SIZE}\\),? (?:\\[(?:Metaspace|CMS Perm ?|PSPermGen|Perm)[^\\]]*\\],? )?(\\d+\\.\\d+) secs\\]`, 'g');
const G1_HEAP = new RegExp(`Heap: ${SIZE}\\(${SIZE}\\)->${SIZE}\\(${SIZE}\\)`);
// CMS initial mark and remark print the occupancy only: "] 987654K(4160256K), 0.0123456 secs]"
const HEAP_OCCUPANCY = new RegExp(`\\] ${SIZE}\\(${SIZE}\\), (\\d+\\.\\d+) secs\\]`);
const TOTAL_SECS = /, (\d+\.\d+) secs\]/g;
const APPLICATION_TIME = /^Application time: (\d+(?:\.\d+)?) seconds/;
const HEADER = /^(?:Java HotSpot\(TM\)|OpenJDK) .*\bVM \(|^Memory: \d+k page, physical |^CommandLine flags: /;

// typed here: the samples' differing field sets would otherwise widen defineFormat's inferred type
const SAMPLES: readonly FormatSample[] = [
  {
    text: '2024-03-02T11:04:05.123+0800: 12.345: [GC (Allocation Failure) 2024-03-02T11:04:05.123+0800: 12.345: [ParNew: 306688K->34048K(306688K), 0.0456789 secs] 1234567K->987654K(4160256K), 0.0458123 secs] [Times: user=0.15 sys=0.01, real=0.05 secs] ',
    expect: {
      wallMs: Date.UTC(2024, 2, 2, 11, 4, 5, 123), offsetMin: 480, severity: 'info',
      fields: { kind: 'young', cause: 'Allocation Failure', collector: 'ParNew', pauseMs: 45.812, heapBeforeBytes: 1234567 * 1024, heapAfterBytes: 987654 * 1024, heapTotalBytes: 4160256 * 1024, jvmUptimeMs: 12345 },
    },
  },
  {
    text: '2024-03-02T11:04:06.001+0800: 13.001: [GC (CMS Initial Mark) [1 CMS-initial-mark: 953606K(3853568K)] 987654K(4160256K), 0.0123456 secs] [Times: user=0.03 sys=0.00, real=0.01 secs] ',
    expect: { fields: { kind: 'initial-mark', cause: 'CMS Initial Mark', collector: 'CMS', pauseMs: 12.346, heapBeforeBytes: 987654 * 1024, heapAfterBytes: 987654 * 1024, heapTotalBytes: 4160256 * 1024, jvmUptimeMs: 13001 } },
  },
  {
    text: '2024-03-02T11:04:06.500+0800: 13.500: [CMS-concurrent-mark: 0.487/0.487 secs] [Times: user=0.90 sys=0.02, real=0.49 secs] ',
    expect: { fields: { kind: 'concurrent', collector: 'CMS', phase: 'CMS-concurrent-mark', phaseMs: 487, jvmUptimeMs: 13500 } },
  },
  {
    text: '2024-03-02T11:04:09.000+0800: 16.000: [Full GC (Allocation Failure) 2024-03-02T11:04:09.000+0800: 16.000: [CMS: 3853567K->3853000K(3853568K), 7.6543210 secs] 4160255K->4159000K(4160256K), [Metaspace: 98765K->98765K(1138688K)], 7.6545678 secs] [Times: user=7.65 sys=0.01, real=7.65 secs] ',
    expect: { severity: 'warn', fields: { kind: 'full', cause: 'Allocation Failure', collector: 'CMS', pauseMs: 7654.568, heapBeforeBytes: 4160255 * 1024, heapAfterBytes: 4159000 * 1024, heapTotalBytes: 4160256 * 1024, jvmUptimeMs: 16000 } },
  },
  {
    text: '2024-03-02T11:04:10.000+0800: 17.000: [GC pause (G1 Evacuation Pause) (young) 52M->20M(100M), 0.0123456 secs]',
    expect: { fields: { kind: 'young', cause: 'G1 Evacuation Pause', collector: 'G1', pauseMs: 12.346, heapBeforeBytes: 52 * 1048576, heapAfterBytes: 20 * 1048576, heapTotalBytes: 100 * 1048576, jvmUptimeMs: 17000 } },
  },
  {
    text: '2024-03-02T11:04:12.100+0800: 19.100: Total time for which application threads were stopped: 1.2345678 seconds, Stopping threads took: 0.0001234 seconds',
    expect: { fields: { kind: 'safepoint', stoppedMs: 1234.568, reachMs: 0.123, jvmUptimeMs: 19100 } },
  },
  {
    text: '12.345: [GC (Allocation Failure) [PSYoungGen: 65536K->10720K(76288K)] 65536K->10736K(251392K), 0.0123456 secs] [Times: user=0.02 sys=0.01, real=0.01 secs] ',
    expect: { wallMs: undefined, timeText: '12.345', fields: { kind: 'young', cause: 'Allocation Failure', collector: 'Parallel', pauseMs: 12.346, heapBeforeBytes: 65536 * 1024, heapAfterBytes: 10736 * 1024, heapTotalBytes: 251392 * 1024, jvmUptimeMs: 12345 } },
  },
];

export const jvmGcLegacy = defineFormat({
  name: 'jvm-gc-legacy',
  description: 'JDK 8 GC logs (-XX:+PrintGCDetails -XX:+PrintGCDateStamps): ParNew, CMS, Parallel, Serial and G1 records, multi-line records joined',
  producer: 'jvm',
  shape: 'lines',
  pathHint: /(?:^|\/)[^/]*gc[^/]*\.(?:log|txt)(?:\.\d+)?(?:\.current)?$/i,
  continuation: /^(?:\s|Desired survivor size |- age +\d|: \d|Heap(?:$| after GC)|\{Heap before GC|\}$|\[Times: )/,
  parse(line: string): Parsed | undefined {
    const c = line.charCodeAt(0);
    if (c === 91 || (c >= 48 && c <= 57) || c === 84 || c === 65) return parseRecord(line); // [ digit T A
    if ((c === 74 || c === 79 || c === 77 || c === 67) && HEADER.test(line)) return { severity: 'info', message: line, fields: { kind: 'header' } };
    return undefined;
  },
  finishRecord(text: string, first: RecordOutline): RecordOutline {
    const body = bodyOf(text);
    const f = body === undefined ? undefined : bodyFields(body.rest);
    if (body === undefined || f === undefined) return first;
    if (body.uptimeMs !== undefined) f.jvmUptimeMs = body.uptimeMs;
    return { severity: severityOf(f), fields: f };
  },
  samples: SAMPLES,
});

interface Body {
  wall?: { wallMs: number; offsetMin?: number };
  timeText?: string;
  uptimeMs?: number;
  rest: string;
}

/** "2024-03-02T11:04:05.123+0800" at the start, by hand when it has the JVM's layout. */
function jvmDateStamp(line: string): { wallMs: number; offsetMin?: number; length: number } | undefined {
  const fast = jvmTimeAt(line, 0);
  return fast ? { ...fast, length: DATE_STAMP_CHARS } : parseIsoLike(line.slice(0, DATE_STAMP_CHARS + 2));
}

/** Splits "DATE: UPTIME: " (each optional) from the record body. */
function bodyOf(line: string): Body | undefined {
  const out: Body = { rest: line };
  let pos = 0;
  if (line.charCodeAt(4) === 45) { // 2024-...
    const t = jvmDateStamp(line);
    if (!t || line.charCodeAt(t.length) !== 58 || line.charCodeAt(t.length + 1) !== 32) return undefined;
    out.wall = t.offsetMin === undefined ? { wallMs: t.wallMs } : { wallMs: t.wallMs, offsetMin: t.offsetMin };
    out.timeText = line.slice(0, t.length);
    pos = t.length + 2;
  }
  const c = line.charCodeAt(pos);
  if (c >= 48 && c <= 57) {
    const u = UPTIME.exec(pos === 0 ? line : line.slice(pos, pos + 24));
    if (!u) return undefined;
    out.uptimeMs = Math.round(Number(u[1]) * 1000);
    out.timeText ??= u[1]!;
    pos += u[0].length;
  }
  out.rest = pos === 0 ? line : line.slice(pos);
  return out;
}

function parseRecord(line: string): Parsed | undefined {
  const body = bodyOf(line);
  if (!body) return undefined;
  const fields = bodyFields(body.rest);
  if (!fields) return undefined;
  if (body.uptimeMs !== undefined) fields.jvmUptimeMs = body.uptimeMs;
  const out: Parsed = { severity: severityOf(fields), message: body.rest, fields };
  if (body.wall) {
    out.wallMs = body.wall.wallMs;
    if (body.wall.offsetMin !== undefined) out.offsetMin = body.wall.offsetMin;
  }
  if (body.timeText !== undefined) out.timeText = body.timeText;
  return out;
}

function severityOf(f: Fields): Severity {
  const bad = f.kind === 'full' || f.concurrentModeFailure === true || f.promotionFailed === true || f.toSpaceExhausted === true;
  return bad ? 'warn' : 'info';
}

/** The fields of a record body (one line or the joined record), or undefined when it is not a GC record. */
function bodyFields(rest: string): Fields | undefined {
  const c = rest.charCodeAt(0);
  if (c === 84 || c === 65) { // T(otal time...) A(pplication time...)
    const st = stoppedTimeFields(rest);
    if (st) return { ...st };
    const a = APPLICATION_TIME.exec(rest);
    return a ? { kind: 'application-time', applicationMs: secToMs(a[1]!) } : undefined;
  }
  if (c !== 91) return undefined;
  const cms = rest.charCodeAt(1) === 67 ? CMS_PHASE.exec(rest) : null; // [C
  if (cms) {
    const f: Fields = { kind: 'concurrent', collector: 'CMS', phase: cms[1]! };
    if (cms[3] !== undefined) f.phaseMs = secToMs(cms[3]); // wall-clock part of "cpu/wall secs"
    return f;
  }
  if (!rest.startsWith('[GC') && !rest.startsWith('[Full GC')) return undefined;
  const g1 = G1_OTHER.exec(rest);
  if (g1) {
    if (g1[2] !== undefined) {
      const f: Fields = { kind: 'concurrent', collector: 'G1', phase: `GC concurrent-${g1[2]}` };
      if (g1[3] !== undefined) f.phaseMs = secToMs(g1[3]);
      return f;
    }
    const f: Fields = { kind: g1[1]!, collector: 'G1' };
    return addTotals(f, rest);
  }
  const cause = CAUSE.exec(rest);
  const full = rest.charCodeAt(1) === 70; // [F
  const f: Fields = { kind: full ? 'full' : 'young' };
  if (cause) {
    const why = cause[2]!;
    if (why === 'CMS Initial Mark') f.kind = 'initial-mark';
    else if (why === 'CMS Final Remark') f.kind = 'remark';
    f.cause = why;
  }
  const g1Pause = G1_PAUSE.exec(rest);
  if (g1Pause) f.kind = g1Pause[1]!;
  const collector = collectorOf(rest, g1Pause !== null);
  if (collector) f.collector = collector;
  if (rest.includes('(concurrent mode failure)')) {
    f.concurrentModeFailure = true;
    f.kind = 'full';
  }
  if (rest.includes('promotion failed')) {
    f.promotionFailed = true;
    f.kind = 'full';
  }
  if (rest.includes('(to-space exhausted)') || rest.includes('(to-space overflow)')) f.toSpaceExhausted = true;
  return addTotals(f, rest);
}

function collectorOf(rest: string, g1: boolean): string | null {
  if (g1) return 'G1';
  if (rest.includes('CMS')) return 'CMS';
  if (rest.includes('[ParNew')) return 'ParNew';
  if (rest.includes('[PSYoungGen') || rest.includes('[ParOldGen') || rest.includes('[PSOldGen')) return 'Parallel';
  if (rest.includes('[DefNew') || rest.includes('[Tenured')) return 'Serial';
  if (rest.includes('[Eden: ')) return 'G1';
  return null;
}

/** pauseMs and heap sizes of a (possibly joined) pause record. */
function addTotals(f: Fields, rest: string): Fields {
  // the record's own total is its last ", N secs]" before the last [Times: (an interleaved CMS line
  // inside a concurrent mode failure record carries a [Times: of its own)
  const times = rest.lastIndexOf('[Times: ');
  const head = times > 0 ? rest.slice(0, times) : rest;
  let last: RegExpExecArray | null = null;
  TOTAL_SECS.lastIndex = 0;
  for (let m = TOTAL_SECS.exec(head); m; m = TOTAL_SECS.exec(head)) last = m;
  if (last) f.pauseMs = secToMs(last[1]!);
  const g1 = G1_HEAP.exec(rest);
  if (g1) {
    f.heapBeforeBytes = gcSizeToBytes(g1[1]!, g1[2]!);
    f.heapAfterBytes = gcSizeToBytes(g1[5]!, g1[6]!);
    f.heapTotalBytes = gcSizeToBytes(g1[7]!, g1[8]!);
    return f;
  }
  let heap: RegExpExecArray | null = null;
  HEAP_TRANSITION.lastIndex = 0;
  for (let m = HEAP_TRANSITION.exec(head); m; m = HEAP_TRANSITION.exec(head)) heap = m;
  if (heap) {
    f.heapBeforeBytes = gcSizeToBytes(heap[1]!, heap[2]!);
    f.heapAfterBytes = gcSizeToBytes(heap[3]!, heap[4]!);
    f.heapTotalBytes = gcSizeToBytes(heap[5]!, heap[6]!);
    return f;
  }
  const occ = HEAP_OCCUPANCY.exec(head);
  if (occ) {
    const used = gcSizeToBytes(occ[1]!, occ[2]!);
    f.heapBeforeBytes = used;
    f.heapAfterBytes = used;
    f.heapTotalBytes = gcSizeToBytes(occ[3]!, occ[4]!);
  }
  return f;
}
