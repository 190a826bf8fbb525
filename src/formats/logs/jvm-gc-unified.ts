import type { Fields } from '../../events/event.js';
import { severityFromWord } from '../../events/severity.js';
import { defineFormat, type FormatSample, type Parsed } from '../define.js';
import { parseIsoLike } from '../timestamps.js';
import { collectorFromCause, collectorFromUsing, digitsEnd, gcSizeToBytes, jvmTimeAt, stoppedTimeFields } from './jvm-gc-common.js';

/**
 * JDK 9+ unified logging (-Xlog:gc*,safepoint:file=...:time,uptime,level,tags): each line is a run of
 * [decorations] then the message. The decorations are whichever the user chose, in the JVM's fixed
 * order: time/utctime, uptime, timemillis, uptimemillis, timenanos, uptimenanos, pid, tid, level, tags.
 *
 * Time: a wall-clock decoration (time, utctime, timemillis, timenanos) gives the record's time. With
 * only uptime decorations the log says nothing of when the JVM started, so the time is left null and
 * the uptime is kept in fields.jvmUptimeMs (not `uptimeSec`: that is seconds since the host's boot).
 *
 * Fields for detectors: gcId, kind ('young' | 'mixed' | 'full' | 'remark' | 'cleanup' | ...), cause,
 * collector, pauseMs, heapBeforeBytes, heapAfterBytes, heapTotalBytes on pause lines; phase/phaseMs on
 * phase and concurrent-cycle lines; kind 'safepoint' with stoppedMs (and reachMs, safepointOp) on
 * safepoint lines: stoppedMs overlaps the GC pause it contains, so never add it to pauseMs.
 */
const MAX_DECORATIONS = 10;
const MAX_DECORATION_CHARS = 64;
const LEVELS = new Set(['trace', 'debug', 'info', 'warning', 'error', 'develop']);
const TAGS = /^[a-z][a-z0-9]*(?:,[a-z0-9]+)* *$/;
const GC_ID = /^GC\((\d+)\) /;
const PAUSE = /^Pause ([A-Z][a-z]+(?: [A-Z][a-z]+)*)((?: \((?:[^()]|\(\))*\))*)(?: (\d+(?:\.\d+)?)([BKMGT])->(\d+(?:\.\d+)?)([BKMGT])\((\d+(?:\.\d+)?)([BKMGT])\))?(?: (\d+(?:\.\d+)?)ms)?$/;
const PAREN_GROUP = /\(((?:[^()]|\(\))*)\)/g;
const TIMED_PHASE = /^\s*(\S.*?):? (\d+(?:\.\d+)?)ms$/;
const USING = /^Using ([A-Z][\w ]+)$/;
const SAFEPOINT = /^Safepoint "([^"]+)", Time since last: \d+ ns, Reaching safepoint: (\d+) ns,(?: Cleanup: \d+ ns,)? At safepoint: \d+ ns, Total: (\d+) ns$/;
// The kinds G1 prints in the first parentheses of "Pause Young (...)"
const G1_YOUNG_TYPES = new Set(['Normal', 'Concurrent Start', 'Concurrent End', 'Prepare Mixed', 'Mixed']);

// typed here: the samples' differing field sets would otherwise widen defineFormat's inferred type
const SAMPLES: readonly FormatSample[] = [
  {
    text: '[2024-03-02T11:04:05.123+0800][12.345s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->8M(256M) 3.456ms',
    expect: {
      wallMs: Date.UTC(2024, 2, 2, 11, 4, 5, 123), offsetMin: 480, severity: 'info', logger: 'gc',
      message: 'GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->8M(256M) 3.456ms',
      fields: {
        gcId: 3, kind: 'young', youngType: 'Normal', cause: 'G1 Evacuation Pause', collector: 'G1', pauseMs: 3.456,
        heapBeforeBytes: 24 * 1048576, heapAfterBytes: 8 * 1048576, heapTotalBytes: 256 * 1048576, tags: 'gc', jvmUptimeMs: 12345,
      },
    },
  },
  {
    text: '[0.359s][info][gc] GC(12) Pause Full (Ergonomics) 28M->25M(31M) 61.206ms',
    expect: {
      wallMs: undefined, timeText: '[0.359s][info][gc]',
      fields: { gcId: 12, kind: 'full', cause: 'Ergonomics', pauseMs: 61.206, heapBeforeBytes: 28 * 1048576, heapAfterBytes: 25 * 1048576, heapTotalBytes: 31 * 1048576, tags: 'gc', jvmUptimeMs: 359 },
    },
  },
  {
    text: '[2026-11-22T04:08:20.806+0000][0.040s][info][gc,phases   ] GC(0)   Evacuate Collection Set: 0.7ms',
    expect: { offsetMin: 0, logger: 'gc,phases', fields: { gcId: 0, phase: 'Evacuate Collection Set', phaseMs: 0.7, tags: 'gc,phases', jvmUptimeMs: 40 } },
  },
  {
    text: '[2026-11-22T04:08:20.806+0000][0.040s][info][safepoint   ] Safepoint "G1CollectForAllocation", Time since last: 22321301 ns, Reaching safepoint: 5060 ns, Cleanup: 6152 ns, At safepoint: 1307101 ns, Total: 1318313 ns',
    expect: { fields: { kind: 'safepoint', safepointOp: 'G1CollectForAllocation', reachMs: 0.00506, stoppedMs: 1.318313, tags: 'safepoint', jvmUptimeMs: 40 } },
  },
  {
    text: '[12.345s][info][safepoint] Total time for which application threads were stopped: 1.2345678 seconds, Stopping threads took: 0.0001234 seconds',
    expect: { fields: { kind: 'safepoint', stoppedMs: 1234.568, reachMs: 0.123, tags: 'safepoint', jvmUptimeMs: 12345 } },
  },
  {
    text: '[2026-11-22T04:08:20.769+0000][0.003s][info][gc] Using G1',
    expect: { fields: { collector: 'G1', tags: 'gc', jvmUptimeMs: 3 } },
  },
];

export const jvmGcUnified = defineFormat({
  name: 'jvm-gc-unified',
  description: 'JDK 9+ unified GC/safepoint logs (-Xlog:gc*): "[2024-03-02T11:04:05.123+0800][12.345s][info][gc] GC(3) Pause Young ... 3.456ms"',
  producer: 'jvm',
  shape: 'lines',
  pathHint: /(?:^|\/)[^/]*gc[^/]*\.(?:log|txt)(?:\.\d+)?(?:\.current)?$/i,
  parse(line) {
    if (line.charCodeAt(0) !== 91) return undefined; // [
    let pos = 0;
    let count = 0;
    let wall: { wallMs: number; offsetMin?: number } | undefined;
    let timeText: string | undefined;
    let uptimeMs: number | undefined;
    let level: string | undefined;
    let tags: string | undefined;
    let pid: number | undefined;
    let tid: number | undefined;
    // hand-scanned: every line of the log starts with these
    while (line.charCodeAt(pos) === 91) {
      if (++count > MAX_DECORATIONS) return undefined;
      const start = pos + 1;
      const end = line.indexOf(']', start);
      if (end < 0 || end - pos > MAX_DECORATION_CHARS) return undefined;
      pos = end + 1;
      const c = line.charCodeAt(start);
      if (c >= 48 && c <= 57) {
        if (tags !== undefined || level !== undefined) return undefined;
        const len = end - start;
        if (len >= 19 && line.charCodeAt(start + 4) === 45) { // time/utctime: 2024-03-02T11:04:05.123+0800
          const t = (len === 28 ? jvmTimeAt(line, start) : undefined) ?? isoDecoration(line.slice(start, end));
          if (!t) return undefined;
          if (!wall) {
            wall = t;
            timeText = line.slice(start, end);
          }
          continue;
        }
        const digitsStop = digitsEnd(line, start);
        if (line.charCodeAt(end - 1) === 115) { // ...s
          const unit = line.charCodeAt(end - 2);
          if (unit === 109 || unit === 110) { // ms, ns: timemillis/timenanos (epoch) or uptimemillis/uptimenanos
            if (digitsStop !== end - 2) return undefined;
            const v = Number(line.slice(start, end - 2));
            const ms = unit === 109 ? v : Math.floor(v / 1e6);
            if (ms > 1e11) {
              if (!wall) {
                wall = { wallMs: ms, offsetMin: 0 };
                timeText = line.slice(start, end);
              }
            } else uptimeMs ??= ms;
            continue;
          }
          // uptime: 12.345s
          if (line.charCodeAt(digitsStop) !== 46 || digitsEnd(line, digitsStop + 1) !== end - 1) return undefined;
          uptimeMs ??= Math.round(Number(line.slice(start, end - 1)) * 1000);
          continue;
        }
        if (digitsStop === end && len <= 10) { // pid, then tid
          if (pid === undefined) pid = Number(line.slice(start, end));
          else if (tid === undefined) tid = Number(line.slice(start, end));
          else return undefined;
          continue;
        }
        return undefined;
      }
      const d = line.slice(start, end);
      if (level === undefined && tags === undefined && LEVELS.has(d)) {
        level = d;
        continue;
      }
      if (tags === undefined && TAGS.test(d)) {
        tags = d.trimEnd();
        continue;
      }
      return undefined;
    }
    // the tags and at least a level or a time: what sets these lines apart from other bracketed logs
    if (tags === undefined || (level === undefined && wall === undefined && uptimeMs === undefined)) return undefined;
    if (pos < line.length && line.charCodeAt(pos) !== 32) return undefined;
    const message = line.slice(pos + 1);
    const fields = messageFields(message);
    fields.tags = tags;
    if (uptimeMs !== undefined) fields.jvmUptimeMs = uptimeMs;
    const out: Parsed = {
      severity: severityFromWord(level === 'develop' ? 'debug' : level) ?? null,
      pid: pid ?? null,
      thread: tid === undefined ? null : String(tid),
      logger: tags,
      message,
      fields,
    };
    if (wall) {
      out.wallMs = wall.wallMs;
      if (wall.offsetMin !== undefined) out.offsetMin = wall.offsetMin;
      out.timeText = timeText!;
    } else if (uptimeMs !== undefined) {
      out.timeText = line.slice(0, pos);
    }
    return out;
  },
  samples: SAMPLES,
});

/** Any other ISO layout in a time decoration; the whole decoration must be the time. */
function isoDecoration(d: string): { wallMs: number; offsetMin?: number } | undefined {
  const t = parseIsoLike(d);
  if (!t || t.length !== d.length) return undefined;
  return t.offsetMin === undefined ? { wallMs: t.wallMs } : { wallMs: t.wallMs, offsetMin: t.offsetMin };
}

function messageFields(message: string): Fields {
  let rest = message;
  let gcId: number | null = null;
  if (rest.charCodeAt(0) === 71) { // G
    const g = GC_ID.exec(rest);
    if (g) {
      gcId = Number(g[1]);
      rest = rest.slice(g[0].length);
    }
  }
  const fields: Fields = gcId === null ? {} : { gcId };
  const c = rest.charCodeAt(0);
  if (c === 80 && rest.startsWith('Pause ')) { // P
    const p = PAUSE.exec(rest);
    if (p) return Object.assign(fields, pauseFields(p));
  }
  if (c === 83) { // S
    const s = SAFEPOINT.exec(rest);
    if (s) {
      return Object.assign(fields, { kind: 'safepoint', safepointOp: s[1]!, reachMs: Number(s[2]) / 1e6, stoppedMs: Number(s[3]) / 1e6 });
    }
  }
  if (c === 84) { // T
    // G1 up to JDK 19 reports an evacuation failure on a line of its own
    if (rest === 'To-space exhausted') return Object.assign(fields, { toSpaceExhausted: true });
    const st = stoppedTimeFields(rest);
    if (st) return Object.assign(fields, st);
  }
  if (c === 85 && gcId === null) { // U
    const u = USING.exec(rest);
    if (u) return Object.assign(fields, { collector: collectorFromUsing(u[1]!) });
  }
  if (gcId !== null && rest.endsWith('ms')) {
    const t = TIMED_PHASE.exec(rest);
    if (t) Object.assign(fields, { phase: t[1]!, phaseMs: Number(t[2]) });
  }
  return fields;
}

function pauseFields(p: RegExpExecArray): Fields {
  const words = p[1]!;
  const groups = p[2] ? [...p[2].matchAll(PAREN_GROUP)].map((g) => g[1]!) : [];
  let kind = words.toLowerCase().replace(/ /g, '-');
  let cause: string | null = groups[0] ?? null;
  let youngType: string | null = null;
  if (kind === 'young' && groups.length > 1 && G1_YOUNG_TYPES.has(groups[0]!)) {
    youngType = groups[0]!;
    cause = groups[1]!;
    if (youngType === 'Mixed') kind = 'mixed';
  }
  const f: Fields = { kind };
  if (youngType !== null) f.youngType = youngType;
  f.cause = cause;
  const collector = youngType !== null ? 'G1' : collectorFromCause(cause);
  if (collector !== null) f.collector = collector;
  if (groups.includes('Evacuation Failure')) f.evacuationFailure = true;
  if (p[9] !== undefined) f.pauseMs = Number(p[9]);
  if (p[3] !== undefined) {
    f.heapBeforeBytes = gcSizeToBytes(p[3], p[4]!);
    f.heapAfterBytes = gcSizeToBytes(p[5]!, p[6]!);
    f.heapTotalBytes = gcSizeToBytes(p[7]!, p[8]!);
  }
  return f;
}
