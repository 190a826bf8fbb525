import type { LogEvent } from '../../events/event.js';
import { stream } from '../define.js';
import type { Finding } from '../finding.js';
import { formatBytes } from '../units.js';
import { steadyGrowth, DEFAULT_GROWTH } from './growth.js';
import { formatDuration, SeriesStore, sorted, type Series } from './series.js';

const MIB = 1024 * 1024;
/** Resident memory series of one process or container (client libraries, cAdvisor, culprit collect). */
const RESIDENT = new Set(['process_resident_memory_bytes', 'container_memory_working_set_bytes', 'container_memory_rss', 'namedprocess_namegroup_memory_bytes']);
/** Address space: grows with what a Go or C heap maps, but a JVM reserves it up front, so it asks for more. */
const VIRTUAL = new Set(['process_virtual_memory_bytes']);
/** Memory limits of a host or its container (the lab's and cAdvisor's names), and the host's RAM. */
const LIMITS = new Set(['host_memory_limit_bytes', 'container_spec_memory_limit_bytes', 'node_memory_MemTotal_bytes']);
const MIN_RISE_BYTES = 16 * MIB;
const MIN_VIRTUAL_RISE_BYTES = 256 * MIB;
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
    const store = new SeriesStore((m) => RESIDENT.has(m) || VIRTUAL.has(m) || LIMITS.has(m));
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
        const candidates = [...store.series.values()].filter((s) => RESIDENT.has(s.metric) || VIRTUAL.has(s.metric))
          .sort((a, b) => Number(VIRTUAL.has(a.metric)) - Number(VIRTUAL.has(b.metric)));
        for (const s of candidates) {
          const subject = `${s.host ?? ''}\u0000${s.pid ?? s.process ?? JSON.stringify(s.labels)}`;
          if (reported.has(subject)) continue; // resident growth found: its address space adds nothing
          const f = leakOf(s, limitOf(s.host));
          if (!f) continue;
          reported.add(subject);
          out.push(f);
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
