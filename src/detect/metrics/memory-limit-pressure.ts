import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream, type SampleBundle } from '../define.js';
import type { Finding } from '../finding.js';
import { formatBytes } from '../units.js';
import { formatDuration, SeriesStore, sorted, type Series } from './series.js';

/**
 * A memory cgroup's allocations keep hitting its limit: the kernel reclaims (and a JVM or database in
 * it stalls) long before, or without, an OOM kill. Read from the cgroup's failure counter
 * (`memory.failcnt`: cAdvisor's container_memory_failcnt, culprit collect's and the lab's
 * host_memory_limit_hits_total) rising, or from usage held at the limit.
 */
const FAILS = new Set(['container_memory_failcnt', 'host_memory_limit_hits_total']);
const USAGE = new Set(['container_memory_usage_bytes', 'host_memory_used_bytes']);
const LIMIT = new Set(['container_spec_memory_limit_bytes', 'host_memory_limit_bytes']);

/** failcnt rising by this much over the series is sustained pressure, not a blip */
const MIN_FAILS = 100;
/** usage at this share of the limit... */
const AT_LIMIT_SHARE = 0.98;
/** ...for this many samples in a row */
const MIN_SAMPLES_AT_LIMIT = 5;

/** One cgroup: the host, and the cgroup path where the series names one. */
function cgroupKey(s: Series): string {
  return `${s.host ?? ''}\u0000${s.labels.id ?? s.labels.cgroup ?? ''}`;
}

export const metricsMemoryLimitPressure = stream({
  name: 'metrics-memory-limit-pressure',
  category: 'memory-pressure',
  software: 'linux-kernel',
  description: 'A memory cgroup kept hitting its limit (memory.failcnt rising, or usage held at the limit) in metrics series or a culprit collect capture',
  formats: ['prometheus-matrix', 'collect-cgroup-memory'],
  create() {
    const store = new SeriesStore((m) => FAILS.has(m) || USAGE.has(m) || LIMIT.has(m));
    const snapshots: Omit<Finding, 'id'>[] = [];
    return {
      accept(e: LogEvent) {
        if (e.format === 'collect-cgroup-memory') {
          const f = snapshotFinding(e);
          if (f) snapshots.push(f);
          return;
        }
        store.accept(e);
      },
      finish() {
        const groups = new Map<string, { fails?: Series; usage?: Series; limit?: Series }>();
        for (const s of store.series.values()) {
          const g = groups.get(cgroupKey(s)) ?? {};
          if (FAILS.has(s.metric)) g.fails = s;
          else if (USAGE.has(s.metric)) g.usage = s;
          else g.limit = s;
          groups.set(cgroupKey(s), g);
        }
        const out: Omit<Finding, 'id'>[] = [];
        for (const [key, g] of groups) {
          const limitBytes = g.limit ? Math.max(...g.limit.v) : null;
          const fails = g.fails ? failsRise(g.fails) : null;
          const pinned = g.usage && limitBytes ? pinnedAtLimit(g.usage, limitBytes) : null;
          if (!fails && !pinned) continue;
          const subject = (g.fails ?? g.usage)!;
          const since = Math.min(fails?.sinceMs ?? Infinity, pinned?.sinceMs ?? Infinity);
          const until = Math.max(fails?.untilMs ?? -Infinity, pinned?.untilMs ?? -Infinity);
          const cgroup = key.split('\u0000')[1] || null;
          const peakUsage = g.usage ? Math.max(...g.usage.v) : null;
          const what = cgroup ? `memory cgroup ${cgroup}` : `memory cgroup of ${subject.host ?? 'the host'}`;
          out.push({
            category: 'memory-pressure', severity: 'error', detector: 'metrics-memory-limit-pressure',
            title: `${what} kept hitting its ${limitBytes ? formatBytes(limitBytes) + ' ' : ''}limit` +
              (fails ? `: ${fails.increase.toLocaleString('en-US')} allocation failures in ${formatDuration((fails.untilMs - fails.sinceMs) / 1000)}` : '') +
              (pinned ? `${fails ? ',' : ':'} usage at ${formatBytes(peakUsage)} for ${formatDuration((pinned.untilMs - pinned.sinceMs) / 1000)}` : ''),
            timeMs: since, endMs: until, host: subject.host, process: null, pid: null,
            facts: {
              cgroup, limitBytes, peakUsageBytes: peakUsage, failcntIncrease: fails?.increase ?? null,
              atLimitSamples: pinned?.samples ?? null,
            },
            evidence: [...(g.fails ? [g.fails.first, g.fails.last] : []), ...(g.usage ? [g.usage.last] : [])],
          });
        }
        return [...out, ...snapshots];
      },
    };
  },
  samples: {
    hit: [bundle('cache-3', [0, 0, 0, 40, 900, 2400, 5100, 8800], [200, 240, 250, 255, 256, 256, 256, 256])],
    miss: [
      bundle('cache-3', [0, 0, 0, 0, 0, 0, 0, 0], [100, 110, 120, 118, 121, 119, 120, 122]),
      // a handful of failures in a cgroup running near its limit for a moment
      bundle('cache-3', [0, 0, 3, 3, 3, 3, 3, 3], [200, 240, 255, 230, 200, 190, 195, 200]),
    ],
  },
});

/**
 * One capture of a cgroup (culprit collect's cgroup-memory.json): failcnt is cumulative since the
 * cgroup was made, so one snapshot shows pressure when it is large, or when usage sits at the limit.
 */
function snapshotFinding(e: LogEvent): Omit<Finding, 'id'> | null {
  const f = e.fields ?? {};
  const num = (k: string) => (typeof f[k] === 'number' ? (f[k] as number) : null);
  const usage = num('usageBytes'), limit = num('limitBytes'), failcnt = num('failcnt');
  if (limit === null || limit <= 0) return null;
  const atLimit = usage !== null && usage >= limit * AT_LIMIT_SHARE;
  const failing = failcnt !== null && failcnt >= MIN_FAILS;
  if (!atLimit && !failing) return null;
  const cgroup = typeof f.cgroup === 'string' ? f.cgroup : null;
  return {
    category: 'memory-pressure', severity: failing ? 'error' : 'warning', detector: 'metrics-memory-limit-pressure',
    title: `memory cgroup ${cgroup ?? '?'} at ${formatBytes(usage)} of its ${formatBytes(limit)} limit` +
      (failcnt ? `, ${failcnt.toLocaleString('en-US')} allocation failures so far` : ''),
    timeMs: e.timeMs, endMs: null, host: e.host, process: null, pid: null,
    facts: { cgroup, limitBytes: limit, peakUsageBytes: usage, failcntIncrease: null, failcnt, atLimitSamples: null },
    evidence: [evidenceOf(e)],
  };
}

/** The counter's rise from where it starts rising; resets (a recreated cgroup) count from zero. */
function failsRise(s: Series): { increase: number; sinceMs: number; untilMs: number } | null {
  const { t, v } = sorted(s);
  let increase = 0;
  let sinceMs: number | null = null;
  let untilMs = 0;
  for (let i = 1; i < v.length; i++) {
    const d = v[i]! >= v[i - 1]! ? v[i]! - v[i - 1]! : v[i]!;
    if (d > 0) {
      increase += d;
      sinceMs ??= t[i - 1]!;
      untilMs = t[i]!;
    }
  }
  return increase >= MIN_FAILS && sinceMs !== null ? { increase, sinceMs, untilMs } : null;
}

/** The first run of samples held at the limit, if long enough. */
function pinnedAtLimit(s: Series, limitBytes: number): { samples: number; sinceMs: number; untilMs: number } | null {
  const { t, v } = sorted(s);
  let run = 0;
  for (let i = 0; i < v.length; i++) {
    if (v[i]! >= limitBytes * AT_LIMIT_SHARE) {
      run++;
      if (run >= MIN_SAMPLES_AT_LIMIT && (i + 1 === v.length || v[i + 1]! < limitBytes * AT_LIMIT_SHARE)) {
        return { samples: run, sinceMs: t[i - run + 1]!, untilMs: t[i]! };
      }
    } else run = 0;
  }
  return null;
}

/** A sample bundle: failcnt and usage (MiB) series every 5 s, limit 256 MiB. */
function bundle(host: string, fails: number[], usageMib: number[]): SampleBundle {
  const t0 = 1_795_320_000;
  const matrix = (name: string, values: number[]) => JSON.stringify({
    status: 'success',
    data: { resultType: 'matrix', result: [{ metric: { __name__: name, host }, values: values.map((v, i) => [t0 + i * 5, String(v)]) }] },
  });
  return {
    'metrics/host_memory_limit_hits_total.json': matrix('host_memory_limit_hits_total', fails),
    'metrics/host_memory_used_bytes.json': matrix('host_memory_used_bytes', usageMib.map((m) => m * 1048576)),
    'metrics/host_memory_limit_bytes.json': matrix('host_memory_limit_bytes', usageMib.map(() => 256 * 1048576)),
  };
}
