import type { LogEvent } from '../../events/event.js';
import { stream } from '../define.js';
import { withMergeKey } from '../network/finding-key.js';
import type { Finding } from '../finding.js';
import { steadyGrowth } from './growth.js';
import { formatDuration, SeriesStore, sorted, subjectKey } from './series.js';

const OPEN = 'process_open_fds';
const MAX = 'process_max_fds';
/** At this share of the limit the process is out of fds (or a burst away). */
const NEAR_SHARE = 0.9;
/** Steady growth counts below the limit when it gets there within this. */
const SOON_SEC = 3600;
const MIN_RISE_FDS = 32;

/**
 * A process's open fds against its limit, from the client libraries' process_open_fds and
 * process_max_fds (also what `culprit collect --every` writes): at >= 90 % of the limit (error), or
 * growing steadily towards it with under an hour to go (warning; see steadyGrowth).
 */
export const metricsFdGrowth = stream({
  name: 'metrics-fd-growth',
  category: 'fd-exhaustion',
  software: 'prometheus',
  description: 'A process\'s open fds (process_open_fds) reaching >= 90 % of process_max_fds, or growing steadily towards it',
  formats: ['prometheus-matrix'],
  create() {
    const store = new SeriesStore((m) => m === OPEN || m === MAX);
    return {
      accept(e: LogEvent) {
        store.accept(e);
      },
      finish() {
        const limits = new Map<string, number>();
        for (const s of store.series.values()) {
          if (s.metric === MAX && s.v.length > 0) limits.set(subjectKey(s), Math.min(...s.v));
        }
        const out: Omit<Finding, 'id'>[] = [];
        for (const s of store.series.values()) {
          if (s.metric !== OPEN) continue;
          const limit = limits.get(subjectKey(s));
          if (limit === undefined || !(limit > 0)) continue;
          const { t, v } = sorted(s);
          if (v.length === 0) continue;
          const peak = Math.max(...v);
          const reachedAt = v.findIndex((x) => x >= NEAR_SHARE * limit);
          const g = steadyGrowth(t, v);
          const timeToLimitSec = g ? Math.max(0, (limit - g.endValue) / g.fit.slopePerSec) : null;
          const growing = g !== null && g.rise >= MIN_RISE_FDS && timeToLimitSec !== null && timeToLimitSec <= SOON_SEC;
          if (reachedAt < 0 && !growing) continue;
          const who = `${s.process ?? '?'}${s.pid !== null ? ` (pid ${s.pid})` : ''}`;
          const start = reachedAt >= 0 ? reachedAt : g!.onset;
          out.push(withMergeKey({
            category: 'fd-exhaustion',
            severity: reachedAt >= 0 ? 'error' : 'warning',
            detector: 'metrics-fd-growth',
            title: reachedAt >= 0
              ? `open fds of ${who} reached ${peak} of its ${limit} limit (from ${v[0]})`
              : `open fds of ${who} growing steadily, ${v[v.length - 1]} of ${limit}: ${formatDuration(timeToLimitSec!)} to the limit`,
            timeMs: t[start]!, endMs: t[t.length - 1]!, host: s.host, process: s.process, pid: s.pid,
            facts: {
              fdCount: peak, fdLimit: limit, fdPercent: Math.round((peak / limit) * 100), firstFdCount: v[0]!,
              slopeFdsPerMin: g ? Number((g.fit.slopePerSec * 60).toFixed(1)) : null, r2: g ? Number(g.fit.r2.toFixed(3)) : null,
              timeToLimitSec: timeToLimitSec !== null ? Math.round(timeToLimitSec) : null,
            },
            evidence: [s.first, s.last],
          }, subjectKey(s)));
        }
        store.series.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [{
      'metrics/fds.json': JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [
          { metric: { __name__: 'process_open_fds', instance: 'edge-4:9100', job: 'envoy' }, values: Array.from({ length: 20 }, (_, i) => [1747000000 + i * 30, String(100 + i * 50)]) },
          { metric: { __name__: 'process_max_fds', instance: 'edge-4:9100', job: 'envoy' }, values: [[1747000000, '1024']] },
        ] },
      }),
    }],
    miss: [{
      'metrics/fds.json': JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [
          { metric: { __name__: 'process_open_fds', instance: 'edge-4:9100', job: 'envoy' }, values: Array.from({ length: 20 }, (_, i) => [1747000000 + i * 30, String(100 + (i % 4) * 20)]) },
          { metric: { __name__: 'process_max_fds', instance: 'edge-4:9100', job: 'envoy' }, values: [[1747000000, '1024']] },
        ] },
      }),
    }],
  },
});
