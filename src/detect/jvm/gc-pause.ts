import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream } from '../define.js';
import type { Finding } from '../finding.js';
import { formatBytes } from '../units.js';

/** A pause this long matters whatever the timeouts around it. */
export const ABSOLUTE_PAUSE_MS = 1000;
/** Pauses below this are not kept as candidates (a timeout shorter than this is not plausible). */
const CANDIDATE_PAUSE_MS = 200;
const MAX_CANDIDATES = 20_000;
/** Long pauses of one log closer than this are one finding. */
const MERGE_GAP_MS = 60_000;
/** A safepoint report this close after a GC pause is that pause's stop, not another one. */
const SAFEPOINT_OF_PAUSE_MS = 2_000;

// ZooKeeper server start-up (3.8: "Created server with tickTime 2000 ms minSessionTimeout 4000 ms
// maxSessionTimeout 40000 ms ..."; 3.4-3.7 print the numbers without "ms"), QuorumPeer's
// "tickTime set to 2000" / "syncLimit set to 5", zoo.cfg lines when a config is captured,
// the Java client's "negotiated timeout = 10000", and Kafka-style "session.timeout.ms = 45000" dumps.
const ZK_CREATED = /Created server with tickTime (\d{1,7})(?: ms)? minSessionTimeout (-?\d{1,9})(?: ms)? maxSessionTimeout (-?\d{1,9})/;
const ZK_SET = /^(tickTime|syncLimit|initLimit) set to (\d{1,7})$/;
const ZK_CFG = /^(tickTime|syncLimit|initLimit)=(\d{1,7})\s*$/;
const NEGOTIATED = /negotiated timeout = (\d{1,9})/;
const SESSION_TIMEOUT_CONF = /^\s*((?:zookeeper\.)?session\.timeout\.ms) = (\d{1,9})\s*$/;

interface HostLimits {
  tickMs: number | null;
  syncLimit: number | null;
  initLimit: number | null;
  minSessionTimeoutMs: number | null;
  negotiatedMs: number | null;
  sessionConfMs: number | null;
  sessionConfName: string | null;
}

interface Pause {
  event: LogEvent;
  pauseMs: number;
  /** time on the log's own clock: wall time, else JVM uptime */
  clockMs: number | null;
  safepointMs: number | null;
}

/** The smallest timeout the host shows, with its name; null when the bundle shows none. */
export function limitOf(l: HostLimits | undefined): { limitMs: number; limitName: string } | null {
  if (!l) return null;
  const limits: { limitMs: number; limitName: string }[] = [];
  if (l.tickMs !== null && l.syncLimit !== null) limits.push({ limitMs: l.tickMs * l.syncLimit, limitName: 'syncLimit*tickTime' });
  if (l.minSessionTimeoutMs !== null && l.minSessionTimeoutMs > 0) limits.push({ limitMs: l.minSessionTimeoutMs, limitName: 'minSessionTimeout' });
  if (l.negotiatedMs !== null && l.negotiatedMs > 0) limits.push({ limitMs: l.negotiatedMs, limitName: 'negotiated session timeout' });
  if (l.sessionConfMs !== null && l.sessionConfMs > 0) limits.push({ limitMs: l.sessionConfMs, limitName: l.sessionConfName ?? 'session.timeout.ms' });
  if (!limits.length) return null;
  return limits.reduce((a, b) => (b.limitMs < a.limitMs ? b : a));
}

/**
 * Stop-the-world pauses of a JVM (GC pauses from unified and JDK 8 logs; safepoint "Total time for
 * which application threads were stopped" reports) long enough to matter: at least 1 s, or at least
 * the smallest timeout the same host shows (ZooKeeper's syncLimit*tickTime, a session timeout). The
 * timeouts may come from files read after the GC log, so pauses are judged at the end.
 */
export const jvmGcPause = stream({
  name: 'jvm-gc-pause',
  category: 'gc-pause',
  software: 'jvm',
  description: 'A JVM stopped the world for >= 1 s or for longer than a timeout on the same host (ZooKeeper sync limit, session timeout)',
  formats: '*',
  // the words of the timeouts read from other logs (see accept): other lines skip the checks
  hints: [['tickTime', 'Limit', 'negotiated timeout', 'session.timeout.ms']],
  create() {
    const limits = new Map<string, HostLimits>();
    const candidates: Pause[] = [];
    const lastPauseByPath = new Map<string, Pause>();
    // folders holding a ZooKeeper server's log: a GC log beside it is that JVM's
    const zkDirs = new Set<string>();
    const dirOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));
    const limitsOf = (host: string | null) => {
      const k = host ?? '';
      let l = limits.get(k);
      if (!l && limits.size < 4096) {
        l = { tickMs: null, syncLimit: null, initLimit: null, minSessionTimeoutMs: null, negotiatedMs: null, sessionConfMs: null, sessionConfName: null };
        limits.set(k, l);
      }
      return l;
    };
    return {
      accept(e: LogEvent, hints: number) {
        const f = e.fields;
        if (e.format === 'jvm-gc-unified' || e.format === 'jvm-gc-legacy') {
          if (!f) return;
          const uptime = typeof f['jvmUptimeMs'] === 'number' ? f['jvmUptimeMs'] : null;
          const clockMs = e.timeMs ?? uptime;
          if (typeof f['pauseMs'] === 'number' && f['kind'] !== 'concurrent') {
            const p: Pause = { event: e, pauseMs: f['pauseMs'], clockMs, safepointMs: null };
            lastPauseByPath.set(e.path, p);
            if (p.pauseMs >= CANDIDATE_PAUSE_MS && candidates.length < MAX_CANDIDATES) candidates.push(p);
          } else if (f['kind'] === 'safepoint' && typeof f['stoppedMs'] === 'number') {
            const stopped = f['stoppedMs'];
            const prev = lastPauseByPath.get(e.path);
            // the stop that contains a GC pause reports it again: keep it as a fact of that pause
            // (JDK 8 stamps a GC record with its start and the safepoint report with its end)
            if (prev && prev.clockMs !== null && clockMs !== null && clockMs >= prev.clockMs && clockMs - prev.clockMs <= prev.pauseMs + SAFEPOINT_OF_PAUSE_MS && stopped >= prev.pauseMs) {
              prev.safepointMs = stopped;
              return;
            }
            if (stopped >= CANDIDATE_PAUSE_MS && candidates.length < MAX_CANDIDATES) candidates.push({ event: e, pauseMs: stopped, clockMs, safepointMs: stopped });
          }
          return;
        }
        if (hints === 0) return;
        const msg = e.message;
        let m: RegExpExecArray | null;
        if (msg.includes('tickTime') || msg.includes('Limit')) {
          if ((m = ZK_CREATED.exec(msg))) {
            if (zkDirs.size < 1024) zkDirs.add(`${e.host ?? ''}\u0000${dirOf(e.path)}`);
            const l = limitsOf(e.host);
            if (l) {
              l.tickMs = Number(m[1]);
              l.minSessionTimeoutMs = Number(m[2]) > 0 ? Number(m[2]) : 2 * Number(m[1]); // -1: the default, 2 ticks
            }
          } else if ((m = ZK_SET.exec(msg) ?? ZK_CFG.exec(msg))) {
            if (zkDirs.size < 1024) zkDirs.add(`${e.host ?? ''}\u0000${dirOf(e.path)}`);
            const l = limitsOf(e.host);
            if (l) {
              const v = Number(m[2]);
              if (m[1] === 'tickTime') l.tickMs = v;
              else if (m[1] === 'syncLimit') l.syncLimit = v;
              else l.initLimit = v;
            }
          }
        } else if (msg.includes('negotiated timeout')) {
          if ((m = NEGOTIATED.exec(msg))) {
            const l = limitsOf(e.host);
            if (l) l.negotiatedMs = l.negotiatedMs === null ? Number(m[1]) : Math.min(l.negotiatedMs, Number(m[1]));
          }
        } else if (msg.includes('session.timeout.ms')) {
          if ((m = SESSION_TIMEOUT_CONF.exec(msg))) {
            const l = limitsOf(e.host);
            if (l && (l.sessionConfMs === null || Number(m[2]) < l.sessionConfMs)) {
              l.sessionConfMs = Number(m[2]);
              l.sessionConfName = m[1]!;
            }
          }
        }
      },
      finish() {
        const out: Omit<Finding, 'id'>[] = [];
        let open: { f: Omit<Finding, 'id'>; path: string; lastClock: number | null; count: number; totalMs: number } | null = null;
        const flush = () => {
          if (!open) return;
          if (open.count > 1) {
            open.f.facts.count = open.count;
            open.f.facts.totalPauseMs = Math.round(open.totalMs * 1000) / 1000;
            open.f.title += ` (${open.count} long pauses)`;
          }
          out.push(open.f);
          open = null;
        };
        for (const p of candidates) {
          const lim = limitOf(limits.get(p.event.host ?? ''));
          const overLimit = lim !== null && p.pauseMs >= lim.limitMs;
          if (p.pauseMs < ABSOLUTE_PAUSE_MS && !overLimit) continue;
          const e = p.event;
          if (open && open.path === e.path && (p.clockMs === null || open.lastClock === null || p.clockMs - open.lastClock <= MERGE_GAP_MS)) {
            open.count++;
            open.totalMs += p.pauseMs;
            open.lastClock = p.clockMs;
            if (e.timeMs !== null) open.f.endMs = e.timeMs;
            if (open.f.evidence.length < 4) open.f.evidence.push(evidenceOf(e));
            if (p.pauseMs > (open.f.facts.pauseMs as number)) {
              Object.assign(open.f.facts, factsOf(p, lim, overLimit));
              open.f.title = titleOf(p, lim, overLimit);
              if (overLimit) open.f.severity = 'error';
            }
            continue;
          }
          flush();
          open = {
            f: {
              category: 'gc-pause', severity: overLimit ? 'error' : 'warning', detector: 'jvm-gc-pause', title: titleOf(p, lim, overLimit),
              timeMs: e.timeMs, endMs: null, host: e.host, pid: e.pid,
              process: e.process ?? (zkDirs.has(`${e.host ?? ''}\u0000${dirOf(e.path)}`) ? 'zookeeper' : 'java'),
              facts: factsOf(p, lim, overLimit), evidence: [evidenceOf(e)],
            },
            path: e.path, lastClock: p.clockMs, count: 1, totalMs: p.pauseMs,
          };
        }
        flush();
        candidates.length = 0;
        return out;
      },
    };
  },
  samples: {
    hit: [{
      'zk-2/logs/gc.log': '[2026-05-10T15:45:31.201+0000][312.456s][info][gc] GC(812) Pause Full (G1 Compaction Pause) 3980M->3902M(4096M) 8123.456ms\n',
    }, {
      // 600 ms is short in general, but longer than this ensemble's sync limit (3 ticks of 100 ms)
      'zk-2/logs/zookeeper.log': [
        '2026-05-10 15:40:00,100 [myid:2] - INFO  [main:o.a.z.s.q.QuorumPeer@1818] - tickTime set to 100',
        '2026-05-10 15:40:00,101 [myid:2] - INFO  [main:o.a.z.s.q.QuorumPeer@1843] - syncLimit set to 3',
      ].join('\n') + '\n',
      'zk-2/logs/gc.log': '[2026-05-10T15:45:31.201+0000][312.456s][info][gc] GC(812) Pause Young (Normal) (G1 Evacuation Pause) 3980M->3902M(4096M) 612.345ms\n',
    }],
    miss: [{
      // a short young pause, and a long concurrent phase that does not stop the application
      'zk-2/logs/gc.log': [
        '[2026-05-10T15:45:31.201+0000][312.456s][info][gc] GC(812) Pause Young (Normal) (G1 Evacuation Pause) 398M->39M(4096M) 12.345ms',
        '[2026-05-10T15:45:33.201+0000][314.456s][info][gc] GC(813) Concurrent Mark Cycle 2345.678ms',
      ].join('\n') + '\n',
    }, {
      // 600 ms with a sync limit of 10 s: harmless
      'zk-2/logs/zookeeper.log': '2026-05-10 15:40:00,100 [myid:2] - INFO  [main:o.a.z.s.ZooKeeperServer@1306] - Created server with tickTime 2000 ms minSessionTimeout 4000 ms maxSessionTimeout 40000 ms clientPortListenBacklog -1 datadir /var/lib/zookeeper/version-2 snapdir /var/lib/zookeeper/version-2\n',
      'zk-2/logs/gc.log': '[2026-05-10T15:45:31.201+0000][312.456s][info][gc] GC(812) Pause Young (Normal) (G1 Evacuation Pause) 3980M->3902M(4096M) 612.345ms\n',
    }],
  },
});

function factsOf(p: Pause, lim: { limitMs: number; limitName: string } | null, overLimit: boolean): Finding['facts'] {
  const f = p.event.fields!;
  const num = (k: string) => (typeof f[k] === 'number' ? (f[k] as number) : null);
  const str = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : null);
  return {
    pauseMs: p.pauseMs, kind: str('kind'), collector: str('collector'), cause: str('cause') ?? str('safepointOp'),
    heapBeforeBytes: num('heapBeforeBytes'), heapAfterBytes: num('heapAfterBytes'), heapTotalBytes: num('heapTotalBytes'),
    safepointMs: p.safepointMs, limitMs: lim?.limitMs ?? null, limitName: lim?.limitName ?? null, exceedsLimit: lim ? overLimit : null,
  };
}

function titleOf(p: Pause, lim: { limitMs: number; limitName: string } | null, overLimit: boolean): string {
  const f = p.event.fields!;
  const what = f['kind'] === 'safepoint' ? 'stopped the application' : `${f['kind'] === 'full' ? 'full GC' : 'GC'} pause${f['cause'] ? ` (${String(f['cause'])})` : ''}`;
  const heap = typeof f['heapAfterBytes'] === 'number' ? `, heap ${formatBytes(f['heapBeforeBytes'] as number)}->${formatBytes(f['heapAfterBytes'])} of ${formatBytes(f['heapTotalBytes'] as number)}` : '';
  const where = p.event.host ? ` on ${p.event.host}` : '';
  const limit = lim ? (overLimit ? `, longer than ${lim.limitName} ${lim.limitMs} ms` : `; ${lim.limitName} is ${lim.limitMs} ms`) : '';
  return `JVM${where} ${what} ${(p.pauseMs / 1000).toFixed(p.pauseMs >= 10_000 ? 1 : 2)} s${heap}${limit}`;
}
