import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream } from '../define.js';
import type { Finding } from '../finding.js';
import { formatBytes } from '../units.js';

/** This many full collections in a row... */
const MIN_FULL_GCS = 3;
/** ...each within this time of the previous one (wall clock, or JVM uptime when the log has no wall time)... */
const MAX_GAP_MS = 60_000;
/** ...each leaving the heap at least this full: the collector frees nothing, the live set fills the heap. */
const FULL_HEAP_RATIO = 0.9;

interface Run {
  first: LogEvent;
  last: LogEvent;
  count: number;
  lastClockMs: number | null;
  pauseMs: number;
  maxAfterRatio: number;
}

/**
 * A JVM running out of heap: full collections one after another that leave the heap (nearly) as
 * full as before. Category memory-pressure, not gc-pause: the pauses are the symptom and
 * jvm-gc-pause reports the long ones; what this shows is a heap too small for the live set (a
 * leak or an oversized load), which ends in an OutOfMemoryError or a JVM that only collects.
 */
export const jvmFullGcRun = stream({
  name: 'jvm-full-gc-run',
  category: 'memory-pressure',
  software: 'jvm',
  description: 'Full GCs in a row that free almost nothing (heap after >= 90% of total): the JVM is out of heap',
  formats: ['jvm-gc-unified', 'jvm-gc-legacy'],
  create() {
    const runs = new Map<string, Run>();
    const out: Omit<Finding, 'id'>[] = [];
    const close = (r: Run) => {
      if (r.count < MIN_FULL_GCS) return;
      const f = r.last.fields!;
      const after = f['heapAfterBytes'] as number;
      const total = f['heapTotalBytes'] as number;
      out.push({
        category: 'memory-pressure', severity: 'error', detector: 'jvm-full-gc-run',
        title: `JVM${r.first.host ? ` on ${r.first.host}` : ''} out of heap: ${r.count} full GCs in a row, heap still ${formatBytes(after)} of ${formatBytes(total)} after collecting`,
        timeMs: r.first.timeMs, endMs: r.last.timeMs, host: r.first.host, process: r.first.process ?? 'java', pid: r.first.pid,
        facts: {
          fullGcs: r.count, totalPauseMs: Math.round(r.pauseMs * 1000) / 1000, heapAfterBytes: after, heapTotalBytes: total,
          maxHeapAfterRatio: Math.round(r.maxAfterRatio * 1000) / 1000, collector: typeof f['collector'] === 'string' ? f['collector'] : null,
        },
        evidence: [evidenceOf(r.first), evidenceOf(r.last)],
      });
    };
    return {
      accept(e: LogEvent) {
        const f = e.fields;
        if (!f || f['kind'] !== 'full') return;
        const after = f['heapAfterBytes'];
        const total = f['heapTotalBytes'];
        if (typeof after !== 'number' || typeof total !== 'number' || total <= 0) return;
        const clockMs = e.timeMs ?? (typeof f['jvmUptimeMs'] === 'number' ? f['jvmUptimeMs'] : null);
        const ratio = after / total;
        const r = runs.get(e.path);
        const stillFull = ratio >= FULL_HEAP_RATIO;
        if (r && stillFull && (clockMs === null || r.lastClockMs === null || clockMs - r.lastClockMs <= MAX_GAP_MS)) {
          r.count++;
          r.last = e;
          r.lastClockMs = clockMs;
          r.pauseMs += typeof f['pauseMs'] === 'number' ? f['pauseMs'] : 0;
          r.maxAfterRatio = Math.max(r.maxAfterRatio, ratio);
          return;
        }
        if (r) {
          close(r);
          runs.delete(e.path);
        }
        if (stillFull && runs.size < 4096) {
          runs.set(e.path, { first: e, last: e, count: 1, lastClockMs: clockMs, pauseMs: typeof f['pauseMs'] === 'number' ? f['pauseMs'] : 0, maxAfterRatio: ratio });
        }
      },
      finish() {
        for (const r of runs.values()) close(r);
        runs.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [{
      // recorded with OpenJDK 17 (scripts/record/jvm-gc.sh, Parallel GC, -Xmx32m)
      'host-a/logs/gc.log': [
        '[0.269s][info][gc             ] GC(188) Pause Full (Ergonomics) 28M->28M(31M) 8.416ms',
        '[0.279s][info][gc             ] GC(189) Pause Full (Ergonomics) 30M->30M(31M) 1.784ms',
        '[0.281s][info][gc             ] GC(190) Pause Full (Ergonomics) 30M->30M(31M) 1.426ms',
        '[0.285s][info][gc             ] GC(191) Pause Full (Allocation Failure) 30M->30M(31M) 4.181ms',
      ].join('\n') + '\n',
    }],
    miss: [{
      // full collections that free most of the heap: the live set fits
      'host-a/logs/gc.log': [
        '[2026-05-10T15:45:31.201+0000][312.456s][info][gc] GC(812) Pause Full (System.gc()) 3980M->390M(4096M) 812.345ms',
        '[2026-05-10T15:45:41.201+0000][322.456s][info][gc] GC(813) Pause Full (System.gc()) 3980M->391M(4096M) 802.345ms',
        '[2026-05-10T15:45:51.201+0000][332.456s][info][gc] GC(814) Pause Full (System.gc()) 3980M->389M(4096M) 822.345ms',
      ].join('\n') + '\n',
    }],
  },
});
