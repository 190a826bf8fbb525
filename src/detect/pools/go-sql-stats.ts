import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream } from '../define.js';
import type { Finding } from '../finding.js';
import { programOfPath } from '../queues/program-of-path.js';

/**
 * Go database/sql pool reports: services that log `db.Stats()` periodically, as the struct's field
 * names (`%+v`: "{MaxOpenConnections:4 OpenConnections:4 InUse:4 Idle:0 WaitCount:732 WaitDuration:3.1s ...}"),
 * snake_case keys ("max_open=4 open=4 in_use=4 idle=0 wait_count=732 wait_duration=3.109s") or camelCase,
 * in text, logfmt or JSON. WaitCount and WaitDuration are totals since the pool was opened, so a
 * report shows callers queueing when the pool is at its maximum and WaitCount grew since the source's
 * previous report. Consecutive such reports are one finding; facts: maxOpen, inUse, waitCount (new
 * waits in the run), waitMs (time callers spent waiting in the run).
 */
const KEYS: Record<string, 'maxOpen' | 'open' | 'inUse' | 'idle' | 'waitCount' | 'waitDuration'> = {
  maxopenconnections: 'maxOpen', max_open_connections: 'maxOpen', max_open: 'maxOpen', maxopen: 'maxOpen', max_open_conns: 'maxOpen',
  openconnections: 'open', open_connections: 'open', open: 'open',
  inuse: 'inUse', in_use: 'inUse',
  idle: 'idle',
  waitcount: 'waitCount', wait_count: 'waitCount',
  waitduration: 'waitDuration', wait_duration: 'waitDuration',
};
const PAIR = /\b([A-Za-z_]{2,24})["']?\s?[=:]\s?"?(\d[\dA-Za-zµ.]{0,24})/g;
const MAX_SCAN_CHARS = 1000;
/** Reports of one source further apart than this are not one run. */
const MAX_GAP_MS = 5 * 60_000;
const MAX_SOURCES = 4096;

const GO_DURATION_UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** A Go time.Duration as String() prints it ("1m2.754s", "850ms", "12.5µs"), or plain nanoseconds, to ms. */
export function goDurationMs(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text) / 1e6; // the struct's int64 nanoseconds (JSON)
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|μs|ms|s|m|h)/g;
  let total = 0;
  let pos = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index === pos) {
    total += Number(m[1]) * GO_DURATION_UNIT_MS[m[2]!]!;
    pos = re.lastIndex;
  }
  return pos === text.length && pos > 0 ? Math.round(total * 1000) / 1000 : null;
}

export interface PoolStats {
  maxOpen: number | null;
  open: number | null;
  inUse: number | null;
  idle: number | null;
  waitCount: number | null;
  waitMs: number | null;
}

/** The pool numbers a record carries, or null when it is not a pool report (needs max, in use and wait count). */
export function poolStatsOf(e: Pick<LogEvent, 'text' | 'fields'>): PoolStats | null {
  const s: PoolStats = { maxOpen: null, open: null, inUse: null, idle: null, waitCount: null, waitMs: null };
  const put = (rawKey: string, value: string | number) => {
    const k = KEYS[rawKey.toLowerCase()];
    if (!k) return;
    if (k === 'waitDuration') s.waitMs = typeof value === 'number' ? value / 1e6 : goDurationMs(value);
    else {
      const n = Number(value);
      if (Number.isFinite(n)) s[k] = n;
    }
  };
  if (e.fields) for (const [k, v] of Object.entries(e.fields)) if (typeof v === 'number' || typeof v === 'string') put(k, v);
  // the record as written: a struct printed into a message or a field, JSON or logfmt pairs
  const msg = e.text.length > MAX_SCAN_CHARS ? e.text.slice(0, MAX_SCAN_CHARS) : e.text;
  PAIR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PAIR.exec(msg))) put(m[1]!, m[2]!);
  return s.maxOpen !== null && s.inUse !== null && s.waitCount !== null ? s : null;
}

interface Source {
  prev: PoolStats | null;
  prevMs: number | null;
  run: { first: LogEvent; last: LogEvent; stats: PoolStats; reports: number; waits: number; waitMs: number | null } | null;
}

export const goSqlPoolStats = stream({
  name: 'go-sql-pool-exhausted',
  category: 'conn-pool-exhaustion',
  software: 'go database/sql',
  description: 'A Go database/sql pool at MaxOpenConnections with WaitCount growing between db.Stats() reports',
  formats: '*',
  create() {
    const sources = new Map<string, Source>();
    const out: Omit<Finding, 'id'>[] = [];
    const close = (s: Source) => {
      const r = s.run;
      s.run = null;
      if (!r) return;
      const span = r.first.timeMs !== null && r.last.timeMs !== null ? r.last.timeMs - r.first.timeMs : null;
      out.push({
        category: 'conn-pool-exhaustion', severity: 'error', detector: 'go-sql-pool-exhausted',
        title: `database/sql pool${r.first.host ? ` on ${r.first.host}` : ''} at its maximum (${r.stats.inUse}/${r.stats.maxOpen} in use), ${r.waits} callers waited${span !== null && span > 0 ? ` over ${Math.round(span / 1000)} s` : ''}`,
        timeMs: r.first.timeMs, endMs: r.last !== r.first ? r.last.timeMs : null, host: r.first.host, process: r.first.process ?? programOfPath(r.first.path), pid: r.first.pid,
        facts: {
          maxOpen: r.stats.maxOpen, inUse: r.stats.inUse, open: r.stats.open, idle: r.stats.idle, waitCount: r.waits,
          waitCountTotal: r.stats.waitCount, waitMs: r.waitMs, reports: r.reports,
        },
        evidence: r.last !== r.first ? [evidenceOf(r.first), evidenceOf(r.last)] : [evidenceOf(r.first)],
      });
    };
    return {
      accept(e: LogEvent) {
        // cheap gate: every wording has "wait_" or "WaitC" in it (one pass: "ait" then the next character)
        const text = e.text;
        let at = text.indexOf('ait');
        while (at >= 0) {
          const c = text.charCodeAt(at + 3);
          if (c === 95 /* _ */ || c === 67 /* C */) break;
          at = text.indexOf('ait', at + 3);
        }
        if (at < 0) return;
        const st = poolStatsOf(e);
        if (!st) return;
        let s = sources.get(e.path);
        if (!s) {
          if (sources.size >= MAX_SOURCES) return;
          sources.set(e.path, (s = { prev: null, prevMs: null, run: null }));
        }
        const prev = s.prev;
        const fresh = prev === null || (e.timeMs !== null && s.prevMs !== null && e.timeMs - s.prevMs > MAX_GAP_MS);
        // totals that went down: the pool (or the process) started again
        const restarted = prev !== null && prev.waitCount !== null && st.waitCount! < prev.waitCount;
        const newWaits = fresh ? 0 : restarted ? st.waitCount! : st.waitCount! - prev!.waitCount!;
        const newWaitMs = fresh || st.waitMs === null || prev!.waitMs === null ? null : restarted ? st.waitMs : st.waitMs - prev!.waitMs;
        s.prev = st;
        s.prevMs = e.timeMs;
        const atMax = st.maxOpen! > 0 && st.inUse! >= st.maxOpen!;
        if (atMax && newWaits > 0) {
          if (!s.run) s.run = { first: e, last: e, stats: st, reports: 1, waits: newWaits, waitMs: newWaitMs };
          else {
            s.run.last = e;
            s.run.stats = st;
            s.run.reports++;
            s.run.waits += newWaits;
            s.run.waitMs = s.run.waitMs === null || newWaitMs === null ? s.run.waitMs ?? newWaitMs : Math.round((s.run.waitMs + newWaitMs) * 1000) / 1000;
          }
        } else close(s);
      },
      finish() {
        for (const s of sources.values()) close(s);
        sources.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [{
      'api-1/logs/app.log': [
        '2026/05/10 15:45:26.646094 INFO db pool: max_open=4 open=4 in_use=0 idle=4 wait_count=337 wait_duration=2.319s',
        '2026/05/10 15:45:31.636105 WARN db pool: max_open=4 open=4 in_use=4 idle=0 wait_count=732 wait_duration=3.109s',
        '2026/05/10 15:45:36.636463 WARN db pool: max_open=4 open=4 in_use=4 idle=0 wait_count=812 wait_duration=3.109s',
      ].join('\n') + '\n',
    }, {
      // the struct printed with %+v
      'api-1/logs/app.log': [
        '2026-05-10T15:45:26.646Z level=info msg="pool stats" stats="{MaxOpenConnections:20 OpenConnections:20 InUse:20 Idle:0 WaitCount:100 WaitDuration:1.5s MaxIdleClosed:0 MaxIdleTimeClosed:0 MaxLifetimeClosed:0}"',
        '2026-05-10T15:45:36.646Z level=info msg="pool stats" stats="{MaxOpenConnections:20 OpenConnections:20 InUse:20 Idle:0 WaitCount:950 WaitDuration:1m12.5s MaxIdleClosed:0 MaxIdleTimeClosed:0 MaxLifetimeClosed:0}"',
      ].join('\n') + '\n',
    }],
    miss: [{
      // at its maximum for a moment, but nobody waited since the last report
      'api-1/logs/app.log': [
        '2026/05/10 15:45:26.646094 INFO db pool: max_open=4 open=4 in_use=3 idle=1 wait_count=12 wait_duration=0.2s',
        '2026/05/10 15:45:31.636105 INFO db pool: max_open=4 open=4 in_use=4 idle=0 wait_count=12 wait_duration=0.2s',
      ].join('\n') + '\n',
    }],
  },
});
