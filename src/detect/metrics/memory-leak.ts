import type { LogEvent } from '../../events/event.js';
import { stream } from '../define.js';
import { withMergeKey } from '../network/finding-key.js';
import type { Finding } from '../finding.js';
import { formatBytes } from '../units.js';
import { steadyGrowth, DEFAULT_GROWTH } from './growth.js';
import { formatDuration, SeriesStore, sorted, type Series } from './series.js';

const MIB = 1024 * 1024;
/** Resident memory series of one process or container (client libraries, cAdvisor, culprit collect). */
const RESIDENT = new Set(['process_resident_memory_bytes', 'container_memory_working_set_bytes', 'container_memory_rss', 'namedprocess_namegroup_memory_bytes']);
/** Address space: grows with what a Go or C heap maps, but a JVM reserves it up front, so it asks for more. */
const VIRTUAL = new Set(['process_virtual_memory_bytes']);
/** JVM heap in use (client_java's and Micrometer's names): a saw-tooth whose floors after each GC tell. */
const HEAP = new Set(['jvm_memory_bytes_used', 'jvm_memory_used_bytes']);
const HEAP_MAX = new Set(['jvm_memory_bytes_max', 'jvm_memory_max_bytes']);
/** Memory limits of a host or its container (the lab's and cAdvisor's names), and the host's RAM. */
const LIMITS = new Set(['host_memory_limit_bytes', 'container_spec_memory_limit_bytes', 'node_memory_MemTotal_bytes']);
const MIN_RISE_BYTES = 16 * MIB;
const MIN_VIRTUAL_RISE_BYTES = 256 * MIB;
/**
 * JVM servers: the JVM commits its heap gradually up to -Xmx, so their RSS climbs for minutes after a
 * start with nothing wrong. Their leaks show in the heap's floors (jvm_memory_*) and GC logs; their
 * RSS growth is reported only when it heads for a known limit within SOON_SEC.
 */
const JVM_PROCESS = /^(?:java|zookeeper|kafka|elasticsearch|opensearch|cassandra|solr|tomcat|jetty|hbase|hadoop|flink|spark|jenkins)\b/i;
/** A leak that reaches its limit within this is an error, not a warning. */
const SOON_SEC = 3600;

/**
 * A process's (or container's) memory growing steadily: a least-squares slope with a good fit over
 * the growing stretch, no levelling off, no saw-tooth (see steadyGrowth), at least 16 MiB and a
 * quarter of where it started. Resident memory is the main sign; address space counts only when it
 * at least doubles by >= 256 MiB in a near-straight line (a Go heap pushed to swap keeps mapping
 * memory while its RSS stalls). The time to the host's or container's memory limit, when a series
 * gives one, sets the severity.
 */
export const metricsMemoryLeak = stream({
  name: 'metrics-memory-leak',
  category: 'memory-leak',
  software: 'prometheus',
  description: 'Steady growth of a process\'s resident (or mapped) memory in metrics: slope, R² fit, time to the memory limit',
  formats: ['prometheus-matrix'],
  create() {
    const store = new SeriesStore((m) => RESIDENT.has(m) || VIRTUAL.has(m) || LIMITS.has(m) || HEAP.has(m) || HEAP_MAX.has(m));
    return {
      accept(e: LogEvent) {
        store.accept(e);
      },
      finish() {
        const limits = new Map<string, number[]>();
        for (const s of store.series.values()) {
          if (!LIMITS.has(s.metric) || s.v.length === 0) continue;
          const last = s.v[s.v.length - 1]!;
          if (!(last > 0) || last > 2 ** 62) continue; // cgroup "max" is printed as a huge number
          const key = `${s.metric}\u0000${s.host ?? ''}`;
          limits.set(key, [...(limits.get(key) ?? []), last]);
        }
        /** One limit per host: the lab's/the container's when only one is known, else the host's RAM. */
        const limitOf = (host: string | null): { bytes: number; metric: string } | null => {
          for (const metric of ['host_memory_limit_bytes', 'container_spec_memory_limit_bytes', 'node_memory_MemTotal_bytes']) {
            const l = limits.get(`${metric}\u0000${host ?? ''}`);
            if (l && l.length === 1) return { bytes: l[0]!, metric };
          }
          return null;
        };
        const out: Omit<Finding, 'id'>[] = [];
        const reported = new Set<string>();
        const heapMax = new Map<string, number>();
        for (const s of store.series.values()) {
          if (HEAP_MAX.has(s.metric) && s.v.length > 0 && s.v[s.v.length - 1]! > 0) heapMax.set(heapKey(s), s.v[s.v.length - 1]!);
        }
        // a heap's floor says more than a JVM's RSS (which grows while the heap is first touched);
        // either says more than address space
        const rank = (m: string) => (HEAP.has(m) ? 0 : RESIDENT.has(m) ? 1 : 2);
        const candidates = [...store.series.values()]
          .filter((s) => RESIDENT.has(s.metric) || VIRTUAL.has(s.metric) || (HEAP.has(s.metric) && s.labels.area === 'heap'))
          .sort((a, b) => rank(a.metric) - rank(b.metric));
        for (const s of candidates) {
          const subject = `${s.host ?? ''}\u0000${s.pid ?? s.process ?? s.labels.job ?? ''}`;
          if (reported.has(subject)) continue; // one leak finding per process
          const f = HEAP.has(s.metric) ? heapLeakOf(s, heapMax.get(heapKey(s)) ?? null) : leakOf(s, limitOf(s.host));
          if (!f) continue;
          reported.add(subject);
          out.push(withMergeKey(f, subject));
        }
        store.series.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [{
      'metrics/process_resident_memory_bytes.json': JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [{
          metric: { __name__: 'process_resident_memory_bytes', host: 'render-2', process: 'pdf-worker', pid: '7781' },
          values: Array.from({ length: 30 }, (_, i) => [1747000000 + i * 60, String(200 * MIB + i * 6 * MIB + (i % 3) * MIB)]),
        }] },
      }),
      'metrics/container_spec_memory_limit_bytes.json': JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [{ metric: { __name__: 'container_spec_memory_limit_bytes', host: 'render-2', id: '/worker.slice' }, values: [[1747000000, String(1024 * MIB)]] }] },
      }),
    }, {
      // a JVM heap whose floor after each collection climbs
      'metrics/jvm_memory_used_bytes.json': JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [{
          metric: { __name__: 'jvm_memory_used_bytes', instance: 'orders-1:8080', job: 'orders', area: 'heap', id: 'G1 Old Gen' },
          values: Array.from({ length: 60 }, (_, i) => [1747000000 + i * 30, String(300 * MIB + Math.floor(i / 6) * 40 * MIB + (i % 6) * 90 * MIB)]),
        }, {
          metric: { __name__: 'jvm_memory_max_bytes', instance: 'orders-1:8080', job: 'orders', area: 'heap', id: 'G1 Old Gen' },
          values: [[1747000000, String(2048 * MIB)]],
        }] },
      }),
    }],
    miss: [{
      // a collected heap: saw-tooth around a flat level
      'metrics/process_resident_memory_bytes.json': JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [{
          metric: { __name__: 'process_resident_memory_bytes', host: 'render-2', process: 'pdf-worker', pid: '7781' },
          values: Array.from({ length: 30 }, (_, i) => [1747000000 + i * 60, String(200 * MIB + (i % 6) * 20 * MIB)]),
        }] },
      }),
    }, {
      // a JVM heap saw-tooth whose floor stays put
      'metrics/jvm_memory_used_bytes.json': JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [{
          metric: { __name__: 'jvm_memory_used_bytes', instance: 'orders-1:8080', job: 'orders', area: 'heap', id: 'G1 Old Gen' },
          values: Array.from({ length: 60 }, (_, i) => [1747000000 + i * 30, String(300 * MIB + (i % 6) * 90 * MIB)]),
        }] },
      }),
    }, {
      // a runtime warming up: fast growth that levels off
      'metrics/process_resident_memory_bytes.json': JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [{
          metric: { __name__: 'process_resident_memory_bytes', host: 'render-2', process: 'java', pid: '7781' },
          values: Array.from({ length: 30 }, (_, i) => [1747000000 + i * 10, String(Math.round(300 * MIB * (1 - Math.exp(-i / 4))))]),
        }] },
      }),
    }],
  },
});

/** A used-heap series and its max share every label but the metric name. */
function heapKey(s: Series): string {
  return `${s.host ?? ''}\u0000${s.process ?? ''}\u0000${JSON.stringify(s.labels)}`;
}

/**
 * The floors of a collected heap: each sample lower than both neighbours (right after a GC). A heap
 * whose floors climb keeps more live data after every collection: the leak under the saw-tooth.
 */
export function heapFloors(t: readonly number[], v: readonly number[]): { t: number[]; v: number[] } {
  const ft: number[] = [], fv: number[] = [];
  for (let i = 1; i + 1 < v.length; i++) {
    if (v[i]! < v[i - 1]! && v[i]! <= v[i + 1]!) {
      ft.push(t[i]!);
      fv.push(v[i]!);
    }
  }
  return { t: ft, v: fv };
}

function heapLeakOf(s: Series, maxBytes: number | null): Omit<Finding, 'id'> | null {
  const all = sorted(s);
  const { t, v } = heapFloors(all.t, all.v);
  const g = steadyGrowth(t, v, { ...DEFAULT_GROWTH, minPoints: 5 });
  if (!g || g.rise < MIN_RISE_BYTES || g.endValue < 1.25 * g.startValue) return null;
  const timeToLimitSec = maxBytes !== null ? Math.max(0, (maxBytes - g.endValue) / g.fit.slopePerSec) : null;
  const soon = timeToLimitSec !== null && timeToLimitSec <= SOON_SEC;
  const who = `${s.process ?? s.labels.job ?? s.labels.application ?? s.host ?? '?'}${s.labels.id ? ` ${s.labels.id}` : ''}`;
  const toLimit = timeToLimitSec !== null ? `; ${timeToLimitSec === 0 ? 'at' : `${formatDuration(timeToLimitSec)} to`} its ${formatBytes(maxBytes)} max` : '';
  return {
    category: 'memory-leak',
    severity: soon ? 'error' : 'warning',
    detector: 'metrics-memory-leak',
    title: `JVM heap of ${who} keeps more after every GC: floor from ${formatBytes(g.startValue)} to ${formatBytes(g.endValue)} in ${formatDuration(g.durationSec)} (${formatBytes(g.fit.slopePerSec * 60)}/min, R² ${g.fit.r2.toFixed(2)})${toLimit}`,
    timeMs: t[g.onset]!, endMs: all.t[all.t.length - 1]!, host: s.host, process: s.process ?? s.labels.job ?? null, pid: s.pid,
    facts: {
      metric: s.metric, startBytes: g.startValue, endBytes: g.endValue, growthBytes: Math.round(g.rise),
      slopeBytesPerSec: Math.round(g.fit.slopePerSec), r2: Number(g.fit.r2.toFixed(3)), durationSec: Math.round(g.durationSec),
      samples: t.length - g.onset, gcFloors: t.length, limitBytes: maxBytes, limitMetric: maxBytes !== null ? 'heap max' : null,
      timeToLimitSec: timeToLimitSec !== null ? Math.round(timeToLimitSec) : null,
    },
    evidence: [s.first, s.last],
  };
}

function leakOf(s: Series, limit: { bytes: number; metric: string } | null): Omit<Finding, 'id'> | null {
  const { t, v } = sorted(s);
  const virtual = VIRTUAL.has(s.metric);
  const g = steadyGrowth(t, v, virtual ? { ...DEFAULT_GROWTH, minR2: 0.9 } : DEFAULT_GROWTH);
  if (!g) return null;
  if (g.rise < (virtual ? MIN_VIRTUAL_RISE_BYTES : MIN_RISE_BYTES)) return null;
  if (g.endValue < (virtual ? 2 : 1.25) * g.startValue) return null;
  const slopeBytesPerSec = g.fit.slopePerSec;
  const usable = limit !== null && limit.bytes > g.endValue * 0.5 ? limit : null;
  const timeToLimitSec = usable ? Math.max(0, (usable.bytes - g.endValue) / slopeBytesPerSec) : null;
  const soon = timeToLimitSec !== null && timeToLimitSec <= SOON_SEC;
  if (!soon && !virtual && s.process !== null && JVM_PROCESS.test(s.process)) return null;
  const who = `${s.process ?? s.labels.id ?? s.labels.container ?? '?'}${s.pid !== null ? ` (pid ${s.pid})` : ''}`;
  const what = virtual ? 'mapped memory' : 'memory';
  const toLimit = timeToLimitSec !== null ? `; ${timeToLimitSec === 0 ? 'at' : `${formatDuration(timeToLimitSec)} to`} its ${formatBytes(usable!.bytes)} limit` : '';
  return {
    category: 'memory-leak',
    severity: soon ? 'error' : 'warning',
    detector: 'metrics-memory-leak',
    title: `${what} of ${who} grew steadily from ${formatBytes(g.startValue)} to ${formatBytes(g.endValue)} in ${formatDuration(g.durationSec)} (${formatBytes(slopeBytesPerSec * 60)}/min, R² ${g.fit.r2.toFixed(2)})${toLimit}`,
    timeMs: t[g.onset]!, endMs: t[t.length - 1]!, host: s.host, process: s.process, pid: s.pid,
    facts: {
      metric: s.metric, startBytes: g.startValue, endBytes: g.endValue, growthBytes: Math.round(g.rise),
      slopeBytesPerSec: Math.round(slopeBytesPerSec), r2: Number(g.fit.r2.toFixed(3)), durationSec: Math.round(g.durationSec),
      samples: t.length - g.onset, limitBytes: usable?.bytes ?? null, limitMetric: usable?.metric ?? null,
      timeToLimitSec: timeToLimitSec !== null ? Math.round(timeToLimitSec) : null,
    },
    evidence: [s.first, s.last],
  };
}
