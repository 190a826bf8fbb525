import type { LogEvent } from '../../events/event.js';
import { stream } from '../define.js';
import { withMergeKey } from '../network/finding-key.js';
import type { Finding } from '../finding.js';
import { median, SeriesStore, sorted, type Series } from './series.js';

/** Latency-like series: summaries' quantiles and plain gauges; histogram parts are counts, not times. */
const LATENCY = /(?:latency|duration|response_time|rtt|_wait_seconds|request_seconds)/i;
const NOT_A_TIME = /_(?:bucket|count|total|created|sum)$/;
const MIN_SEGMENT = 5;
/** The later median must be at least this many times the earlier one... */
const MIN_RATIO = 2;
/** ...by at least this much (50 ms), so that 1 ms → 3 ms is not news. */
const MIN_STEP_SEC = 0.05;
/** ...and this share of the later samples must sit above the midpoint (a level shift, not a few spikes). */
const MIN_SUSTAINED = 0.7;

/** Seconds per unit of the series, from its name (Prometheus names carry their unit). */
function secondsPerUnit(metric: string): number {
  if (/_(?:ms|millis(?:econds)?)(?:_|$)/.test(metric)) return 0.001;
  if (/_(?:us|micros(?:econds)?)(?:_|$)/.test(metric)) return 1e-6;
  return 1;
}

/**
 * A latency series that steps up and stays up. Method (robust to spikes): every split point
 * leaving >= 5 samples on each side is scored by the summed absolute deviation of each side from its
 * own median (a least-absolute-deviation fit of two levels); the lowest score wins. It counts when
 * the later median is >= 2x the earlier, >= 50 ms higher, and >= 70 % of the later samples lie above
 * the midpoint of the two medians. Medians and absolute deviations ignore a few wild samples that
 * would drag means and squares; the sustained share rejects a burst at the very end.
 */
export const metricsLatencyChangePoint = stream({
  name: 'metrics-latency-change-point',
  category: 'timeout',
  software: 'prometheus',
  description: 'A latency series whose median steps up (>= 2x and >= 50 ms) and stays up: the split point and both medians',
  formats: ['prometheus-matrix'],
  create() {
    const store = new SeriesStore((m) => LATENCY.test(m) && !NOT_A_TIME.test(m));
    return {
      accept(e: LogEvent) {
        store.accept(e);
      },
      finish() {
        const out: Omit<Finding, 'id'>[] = [];
        for (const s of store.series.values()) {
          const f = changeOf(s);
          if (f) out.push(withMergeKey(f, `${s.metric}${JSON.stringify(s.labels)}`));
        }
        store.series.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [{
      'metrics/latency.json': JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [{
          metric: { __name__: 'http_request_duration_seconds', host: 'api-7', job: 'checkout', quantile: '0.99' },
          values: Array.from({ length: 40 }, (_, i) => [1747000000 + i * 15, String(i < 25 ? 0.08 + (i % 3) * 0.01 : 1.9 + (i % 4) * 0.2)]),
        }] },
      }),
    }],
    miss: [{
      // two lone spikes on a steady level
      'metrics/latency.json': JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [{
          metric: { __name__: 'http_request_duration_seconds', host: 'api-7', job: 'checkout', quantile: '0.99' },
          values: Array.from({ length: 40 }, (_, i) => [1747000000 + i * 15, String(i === 12 || i === 30 ? 3 : 0.08 + (i % 3) * 0.01)]),
        }] },
      }),
    }],
  },
});

function changeOf(s: Series): Omit<Finding, 'id'> | null {
  const { t, v } = sorted(s);
  const n = v.length;
  if (n < 2 * MIN_SEGMENT) return null;
  let best: { k: number; before: number; after: number; ratio: number; cost: number } | null = null;
  // at most ~64 candidate splits, each O(n log n): bounded work per series whatever its length
  const step = Math.max(1, Math.floor((n - 2 * MIN_SEGMENT) / 64));
  for (let k = MIN_SEGMENT; k <= n - MIN_SEGMENT; k += step) {
    const before = median(v.slice(0, k));
    const after = median(v.slice(k));
    let cost = 0;
    for (let i = 0; i < n; i++) cost += Math.abs(v[i]! - (i < k ? before : after));
    const ratio = before > 0 ? after / before : after > 0 ? Infinity : 1;
    if (!best || cost < best.cost) best = { k, before, after, ratio, cost };
  }
  if (!best || best.ratio < MIN_RATIO) return null;
  const unit = secondsPerUnit(s.metric);
  if ((best.after - best.before) * unit < MIN_STEP_SEC) return null;
  const mid = (best.before + best.after) / 2;
  const later = v.slice(best.k);
  const sustained = later.filter((x) => x > mid).length / later.length;
  if (sustained < MIN_SUSTAINED) return null;
  const ms = (x: number) => Math.round(x * unit * 1000);
  const q = s.labels.quantile ? ` (quantile ${s.labels.quantile})` : '';
  const who = s.process ?? s.host ?? '?';
  return {
    category: 'timeout',
    severity: 'warning',
    detector: 'metrics-latency-change-point',
    title: `${s.metric}${q} of ${who} stepped up from ${ms(best.before)} ms to ${ms(best.after)} ms (median, ${best.ratio === Infinity ? 'from zero' : `${best.ratio.toFixed(1)}x`})`,
    timeMs: t[best.k]!, endMs: t[n - 1]!, host: s.host, process: s.process, pid: s.pid,
    facts: {
      metric: s.metric, beforeMedianMs: ms(best.before), afterMedianMs: ms(best.after),
      ratio: best.ratio === Infinity ? null : Number(best.ratio.toFixed(2)), samplesBefore: best.k, samplesAfter: n - best.k,
      sustainedShare: Number(sustained.toFixed(2)),
    },
    evidence: [s.first, s.last],
  };
}
