import type { LogEvent } from '../../events/event.js';
import { stream } from '../define.js';
import { withMergeKey } from '../network/finding-key.js';
import type { Finding } from '../finding.js';
import { linearFit } from './series.js';
import { SeriesStore, sorted } from './series.js';

/** As in the socket-table detector: fewer are closes in flight. */
const MIN_CLOSE_WAIT = 20;
/** ...and held for at least this many samples (not one burst). */
const MIN_SAMPLES_ABOVE = 3;
const MANY_CLOSE_WAIT = 100;
const CLOSE_WAIT_STATE = /^close[-_]wait$/i;

/** CLOSE_WAIT counts by metric name: the lab's own, culprit collect's per-state one, node_exporter's tcpstat. */
function isCloseWait(metric: string, labels: Record<string, string>): boolean {
  if (metric === 'process_tcp_close_wait_sockets') return true;
  if (metric === 'process_tcp_sockets' || metric === 'node_tcp_connection_states') return CLOSE_WAIT_STATE.test(labels.state ?? '');
  return false;
}

/**
 * CLOSE_WAIT sockets of a process (or host) piling up over time: >= 20 for at least 3 samples,
 * climbing (positive least-squares slope from the first sample to the peak).
 */
export const metricsCloseWaitGrowth = stream({
  name: 'metrics-close-wait-growth',
  category: 'close-wait-buildup',
  software: 'prometheus',
  description: 'CLOSE_WAIT sockets of a process growing in metrics (>= 20, held, climbing)',
  formats: ['prometheus-matrix'],
  create() {
    const store = new SeriesStore((m) => m === 'process_tcp_close_wait_sockets' || m === 'process_tcp_sockets' || m === 'node_tcp_connection_states');
    return {
      accept(e: LogEvent) {
        store.accept(e);
      },
      finish() {
        const out: Omit<Finding, 'id'>[] = [];
        for (const s of store.series.values()) {
          if (!isCloseWait(s.metric, s.labels)) continue;
          const { t, v } = sorted(s);
          const above = v.filter((x) => x >= MIN_CLOSE_WAIT).length;
          if (above < MIN_SAMPLES_ABOVE) continue;
          let peakAt = 0;
          for (let i = 1; i < v.length; i++) if (v[i]! > v[peakAt]!) peakAt = i;
          const fit = linearFit(t.slice(0, peakAt + 1), v.slice(0, peakAt + 1));
          if (!fit || fit.slopePerSec <= 0) continue;
          const firstAbove = v.findIndex((x) => x >= MIN_CLOSE_WAIT);
          const peak = v[peakAt]!;
          const who = `${s.process ?? s.host ?? '?'}${s.pid !== null ? ` (pid ${s.pid})` : ''}`;
          out.push(withMergeKey({
            category: 'close-wait-buildup',
            severity: peak >= MANY_CLOSE_WAIT ? 'error' : 'warning',
            detector: 'metrics-close-wait-growth',
            title: `CLOSE_WAIT sockets of ${who} grew from ${v[0]} to ${peak} in ${Math.round((t[peakAt]! - t[0]!) / 1000)} s (${(fit.slopePerSec * 60).toFixed(0)}/min)`,
            timeMs: t[firstAbove]!, endMs: t[peakAt]!, host: s.host, process: s.process, pid: s.pid,
            facts: {
              closeWaitSockets: peak, firstCloseWaitSockets: v[0]!, lastCloseWaitSockets: v[v.length - 1]!,
              slopeSocketsPerMin: Number((fit.slopePerSec * 60).toFixed(1)), r2: Number(fit.r2.toFixed(3)), samplesAbove: above,
            },
            evidence: [s.first, s.last],
          }, JSON.stringify(s.labels)));
        }
        store.series.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [{
      'metrics/process_tcp_sockets.json': JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [
          { metric: { __name__: 'process_tcp_sockets', host: 'app-9', process: 'gunicorn', pid: '311', state: 'CLOSE-WAIT' }, values: Array.from({ length: 12 }, (_, i) => [1747000000 + i * 15, String(i * 9)]) },
        ] },
      }),
    }],
    miss: [{
      'metrics/process_tcp_sockets.json': JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [
          { metric: { __name__: 'process_tcp_sockets', host: 'app-9', process: 'gunicorn', pid: '311', state: 'CLOSE-WAIT' }, values: Array.from({ length: 12 }, (_, i) => [1747000000 + i * 15, String(i % 5)]) },
          { metric: { __name__: 'process_tcp_sockets', host: 'app-9', process: 'gunicorn', pid: '311', state: 'ESTAB' }, values: Array.from({ length: 12 }, (_, i) => [1747000000 + i * 15, String(40 + i * 9)]) },
        ] },
      }),
    }],
  },
});
