import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream } from '../define.js';
import type { Finding } from '../finding.js';

// consumer lag and backlog series: kafka_exporter's kafka_consumergroup_lag(_sum), Burrow's
// burrow_kafka_consumer_lag_total, the Java client's kafka_consumer_fetch_manager_records_lag(_max),
// redis_exporter's redis_stream_group_lag, RabbitMQ's rabbitmq_queue_messages_ready, SQS backlog gauges
const LAG_METRIC = /(?:consumer_?group_lag|consumer_lag|records_lag|stream_group_lag|queue_messages_ready|_backlog|_lag)(?:_sum|_max|_total)?$/;
// a database replica's lag is not a queue consumer's (pg_replication_lag, mysql_slave_lag_seconds)
const NOT_QUEUE = /replica|replication|slave|standby|wal_|_seconds$/;
/** At least this many samples and this long a rise (scrapes every 15 s: 2 min; every 1 s: 15 s), each... */
const MIN_SAMPLES = 8;
const MIN_SPAN_MS = 15_000;
/** ...rising by at least this much... */
const MIN_GROWTH = 10;
/** ...steadily: most steps up or flat, and a straight line explains most of it. */
const MIN_NON_DECREASING = 0.75;
const MIN_R2 = 0.8;
const MAX_SERIES = 2000;
const MAX_SAMPLES_PER_SERIES = 20_000;

interface Series {
  first: LogEvent;
  metric: string;
  labels: Record<string, string>;
  t: number[];
  v: number[];
  events: LogEvent[];
}

export interface Rise {
  startIndex: number;
  slopePerMs: number;
  r2: number;
  growth: number;
}

/**
 * The rise at the end of a series: from its last lowest point to the end, if it climbs steadily
 * enough (see the thresholds). A backlog that grew and drained again ends low and is no finding.
 */
export function finalRise(t: readonly number[], v: readonly number[]): Rise | null {
  const n = v.length;
  if (n < MIN_SAMPLES) return null;
  let floor = 0;
  for (let i = 1; i < n; i++) if (v[i]! <= v[floor]!) floor = i;
  const len = n - floor;
  if (len < MIN_SAMPLES || t[n - 1]! - t[floor]! < MIN_SPAN_MS) return null;
  const growth = v[n - 1]! - v[floor]!;
  if (growth < MIN_GROWTH) return null;
  let up = 0;
  for (let i = floor + 1; i < n; i++) if (v[i]! >= v[i - 1]!) up++;
  if (up / (len - 1) < MIN_NON_DECREASING) return null;
  // least squares on the rise
  let st = 0, sv = 0;
  for (let i = floor; i < n; i++) { st += t[i]!; sv += v[i]!; }
  const mt = st / len, mv = sv / len;
  let stt = 0, stv = 0, svv = 0;
  for (let i = floor; i < n; i++) {
    const dt = t[i]! - mt, dv = v[i]! - mv;
    stt += dt * dt; stv += dt * dv; svv += dv * dv;
  }
  if (stt === 0 || svv === 0) return null;
  const slope = stv / stt;
  const r2 = (stv * stv) / (stt * svv);
  if (slope <= 0 || r2 < MIN_R2) return null;
  return { startIndex: floor, slopePerMs: slope, r2, growth };
}

/**
 * Consumer lag (or queue backlog) growing steadily in Prometheus series: per series (metric and
 * labels), the final rise with its slope per minute, the last value and the fit. The consumer is not
 * keeping up, whatever the reason (stuck on a record, too slow, gone).
 */
export const queueLagGrowth = stream({
  name: 'queue-lag-growth',
  category: 'consumer-lag',
  software: 'kafka, redis streams, rabbitmq (prometheus metrics)',
  description: 'Consumer lag or queue backlog rising steadily in Prometheus series (slope per minute, last value)',
  formats: ['prometheus-matrix'],
  create() {
    const series = new Map<string, Series>();
    return {
      accept(e: LogEvent) {
        const f = e.fields;
        const metric = f?.['metric'];
        const value = f?.['value'];
        if (typeof metric !== 'string' || typeof value !== 'number' || e.timeMs === null || !LAG_METRIC.test(metric) || NOT_QUEUE.test(metric)) return;
        const labels: Record<string, string> = {};
        for (const [k, v] of Object.entries(f!)) if (k !== 'metric' && k !== 'value' && k !== 'timeSource' && v !== null) labels[k] = String(v);
        const key = `${e.path}\u0000${metric}\u0000${JSON.stringify(labels)}`;
        let s = series.get(key);
        if (!s) {
          if (series.size >= MAX_SERIES) return;
          series.set(key, (s = { first: e, metric, labels, t: [], v: [], events: [] }));
        }
        if (s.v.length >= MAX_SAMPLES_PER_SERIES) return;
        s.t.push(e.timeMs);
        s.v.push(value);
        s.events.push(e);
      },
      finish() {
        const out: Omit<Finding, 'id'>[] = [];
        for (const s of series.values()) {
          const r = finalRise(s.t, s.v);
          if (!r) continue;
          const start = s.events[r.startIndex]!;
          const last = s.events[s.events.length - 1]!;
          const slopePerMin = Math.round(r.slopePerMs * 60_000 * 100) / 100;
          const lastValue = s.v[s.v.length - 1]!;
          const group = s.labels['consumergroup'] ?? s.labels['group'] ?? s.labels['consumer_group'] ?? s.labels['client_id'] ?? null;
          const topic = s.labels['topic'] ?? s.labels['stream'] ?? s.labels['queue'] ?? null;
          const spanMs = last.timeMs! - start.timeMs!;
          out.push({
            category: 'consumer-lag', severity: 'warning', detector: 'queue-lag-growth',
            title: `${s.metric}${group ? ` of ${group}` : ''}${topic ? ` on ${topic}` : ''} grew from ${s.v[r.startIndex]} to ${lastValue} in ${(spanMs / 60_000).toFixed(1)} min (+${slopePerMin}/min)`,
            timeMs: start.timeMs, endMs: last.timeMs, host: start.host, process: start.process, pid: null,
            facts: {
              metric: s.metric, group, topic, slopePerMin, lastValue, startValue: s.v[r.startIndex]!, growth: r.growth,
              r2: Math.round(r.r2 * 1000) / 1000, samples: s.v.length - r.startIndex, spanMs,
            },
            evidence: [evidenceOf(start), evidenceOf(last)],
          });
        }
        series.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [{
      'metrics/kafka_consumergroup_lag.json': JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [{
          metric: { __name__: 'kafka_consumergroup_lag', instance: 'kafka-exporter:9308', consumergroup: 'ledger', topic: 'ledger-events', partition: '2' },
          values: Array.from({ length: 20 }, (_, i) => [1778427600 + i * 15, String(i < 6 ? 3 : 3 + (i - 5) * 40)]),
        }] },
      }),
    }],
    miss: [{
      // lag that jitters around a level, and a backlog that drained again
      'metrics/kafka_consumergroup_lag.json': JSON.stringify({
        status: 'success',
        data: { resultType: 'matrix', result: [{
          metric: { __name__: 'kafka_consumergroup_lag', instance: 'kafka-exporter:9308', consumergroup: 'ledger', topic: 'ledger-events', partition: '2' },
          values: Array.from({ length: 20 }, (_, i) => [1778427600 + i * 15, String(500 + ((i * 37) % 11) * 9)]),
        }, {
          metric: { __name__: 'kafka_consumergroup_lag', instance: 'kafka-exporter:9308', consumergroup: 'billing', topic: 'invoices', partition: '0' },
          values: Array.from({ length: 20 }, (_, i) => [1778427600 + i * 15, String(i < 10 ? i * 50 : (19 - i) * 50)]),
        }] },
      }),
    }],
  },
});
