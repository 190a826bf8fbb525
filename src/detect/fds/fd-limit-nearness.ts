import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream } from '../define.js';
import { withMergeKey } from '../network/finding-key.js';
import type { Evidence, Finding } from '../finding.js';

/** Share of the open-files limit from which a process is about to run out. */
const NEAR_SHARE = 0.9;
/** From here on the next accept()/open() fails any moment. */
const AT_LIMIT_SHARE = 0.99;
/** Processes tracked per lsof snapshot; types per process: memory stays bounded. */
const MAX_PROCESSES = 65_536;
const MAX_TYPES = 32;
const EVIDENCE_FIRST = 3;

// cmd/proc-1234-limits.txt (bundle layout), or a copied /proc/1234/limits
const LIMITS_PID = /(?:^|\/)proc[-_](\d+)[-_]limits[^/]*$|\/proc\/(\d+)\/limits$/;

interface FdCount {
  host: string | null;
  timeMs: number | null;
  process: string | null;
  pid: number;
  fds: number;
  byType: Map<string, number>;
  tcp: number;
  closeWait: number;
  first: Evidence[];
  last: Evidence | null;
  /** the limit the same record states (culprit collect's processes.json) */
  ownLimit: Limit | null;
}

interface Limit {
  softLimit: number | null;
  hardLimit: number | null;
  evidence: Evidence;
  source: string;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** culprit collect's processes.json: each process's fd counts by kind and its limits, in one record. */
function acceptCollected(e: LogEvent, counts: Map<string, FdCount>): void {
  const f = e.fields!;
  const fds = num(f.fdsTotal);
  const pid = e.pid ?? num(f.pid);
  if (fds === null || pid === null || counts.size >= MAX_PROCESSES) return;
  const byType = new Map<string, number>();
  for (const [kind, field] of [['socket', 'fdsSocket'], ['file', 'fdsFile'], ['pipe', 'fdsPipe'], ['anon', 'fdsAnon']] as const) {
    const n = num(f[field]);
    if (n) byType.set(kind, n);
  }
  const ev = evidenceOf(e);
  counts.set(`${e.path}\u0000${pid}`, {
    host: e.host, timeMs: e.timeMs, process: e.process, pid, fds, byType, tcp: 0, closeWait: num(f.socketsCloseWait) ?? 0,
    first: [ev], last: null, ownLimit: { softLimit: num(f.fdSoftLimit), hardLimit: num(f.fdHardLimit), evidence: ev, source: 'collect-processes' },
  });
}

/** Sockets are what usually fills the table: "IPv4 248, REG 2" names the culprit type. */
function typeSummary(byType: Map<string, number>): string {
  return [...byType].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(', ');
}

/**
 * How near each process is to its open-files limit: its numbered fds in an `lsof` snapshot (thread
 * rows, which repeat the process's table, are skipped) against the soft `Max open files` of its
 * /proc/PID/limits, else the `open files` of the bundle's `ulimit -a` on that host (the collecting
 * shell's limit, which the process usually inherits; the fact limitSource says which). >= 90 % is a
 * warning, >= 99 % an error: the next accept() or open() fails with EMFILE.
 */
export const fdsLimitNearness = stream({
  name: 'fds-limit-nearness',
  category: 'fd-exhaustion',
  software: 'linux',
  description: 'A process whose open fds (lsof) reach >= 90 % of its open-files limit (/proc/PID/limits or ulimit -a)',
  formats: ['lsof', 'proc-limits', 'ulimit-a', 'collect-processes'],
  create() {
    const counts = new Map<string, FdCount>();
    const pidLimits = new Map<string, Limit>();
    const shellLimits = new Map<string, Limit>();
    return {
      accept(e: LogEvent) {
        const f = e.fields;
        if (!f) return;
        if (e.format === 'lsof') {
          if (typeof f.tid === 'number' || typeof f.fd !== 'number' || typeof f.pid !== 'number') return;
          const key = `${e.path}\u0000${f.pid}`;
          let c = counts.get(key);
          if (!c) {
            if (counts.size >= MAX_PROCESSES) return;
            c = { host: e.host, timeMs: e.timeMs, process: e.process, pid: f.pid, fds: 0, byType: new Map(), tcp: 0, closeWait: 0, first: [], last: null, ownLimit: null };
            counts.set(key, c);
          }
          c.fds++;
          const type = typeof f.type === 'string' ? f.type : '?';
          if (c.byType.has(type) || c.byType.size < MAX_TYPES) c.byType.set(type, (c.byType.get(type) ?? 0) + 1);
          if (f.protocol === 'TCP') c.tcp++;
          if (f.state === 'CLOSE_WAIT') c.closeWait++;
          // fds 0-2 are stdio: the rows from the busiest end of the table say more
          if (c.fds > 3 && c.first.length < EVIDENCE_FIRST) c.first.push(evidenceOf(e));
          else if (c.fds > 3) c.last = evidenceOf(e);
          return;
        }
        if (e.format === 'collect-processes') {
          acceptCollected(e, counts);
          return;
        }
        if (f.resource !== 'nofile') return;
        const softLimit = typeof f.softLimit === 'number' ? f.softLimit : null;
        const hardLimit = typeof f.hardLimit === 'number' ? f.hardLimit : null;
        if (e.format === 'proc-limits') {
          const m = LIMITS_PID.exec(e.path);
          const pid = m ? Number(m[1] ?? m[2]) : e.pid;
          if (pid === null || pid === undefined) return;
          pidLimits.set(`${e.host ?? ''}\u0000${pid}`, { softLimit, hardLimit, evidence: evidenceOf(e), source: 'proc-limits' });
        } else {
          shellLimits.set(e.host ?? '', { softLimit, hardLimit, evidence: evidenceOf(e), source: 'ulimit-a' });
        }
      },
      finish() {
        const out: Omit<Finding, 'id'>[] = [];
        for (const c of counts.values()) {
          const limit = c.ownLimit ?? pidLimits.get(`${c.host ?? ''}\u0000${c.pid}`) ?? shellLimits.get(c.host ?? '');
          if (!limit || limit.softLimit === null || limit.softLimit <= 0) continue;
          const share = c.fds / limit.softLimit;
          if (share < NEAR_SHARE) continue;
          // more fds than the shell's limit: this process has its own (higher) one, which we do not know
          if (limit.source === 'ulimit-a' && c.fds > limit.softLimit) continue;
          const percent = Math.round(share * 100);
          const byType = typeSummary(c.byType);
          out.push(withMergeKey({
            category: 'fd-exhaustion',
            severity: share >= AT_LIMIT_SHARE ? 'error' : 'warning',
            detector: 'fds-limit-nearness',
            title: `${c.process ?? '?'} (pid ${c.pid}) has ${c.fds} of ${limit.softLimit} open files${limit.source === 'ulimit-a' ? " (the shell's ulimit)" : ''} (${percent}%): ${byType.slice(0, 80)}`,
            timeMs: c.timeMs, endMs: null, host: c.host, process: c.process, pid: c.pid,
            facts: {
              fdCount: c.fds, fdLimit: limit.softLimit, fdHardLimit: limit.hardLimit, fdPercent: percent, limitSource: limit.source,
              byType: byType.slice(0, 300), tcpFds: c.tcp, closeWaitFds: c.closeWait, socketFds: (c.byType.get('IPv4') ?? 0) + (c.byType.get('IPv6') ?? 0) + (c.byType.get('sock') ?? 0) + (c.byType.get('unix') ?? 0) + (c.byType.get('socket') ?? 0),
            },
            evidence: c.ownLimit ? [...c.first] : [limit.evidence, ...c.first, ...(c.last ? [c.last] : [])],
          }, `pid:${c.pid}`));
        }
        counts.clear();
        pidLimits.clear();
        shellLimits.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [{
      'cache-7/cmd/lsof-p-4411.txt': [
        'COMMAND  PID USER   FD   TYPE DEVICE SIZE/OFF    NODE NAME',
        'memcachd 4411 app  cwd    DIR  254,0     4096       2 /',
        'memcachd 4411 app    0r   CHR    1,3      0t0       3 /dev/null',
        ...Array.from({ length: 120 }, (_, i) => `memcachd 4411 app  ${String(i + 3).padStart(3)}u  IPv4  ${70000 + i}      0t0     TCP 10.4.0.7:11211->10.4.1.${i % 9}:${41000 + i} (ESTABLISHED)`),
      ].join('\n') + '\n',
      'cache-7/cmd/proc-4411-limits.txt': [
        'Limit                     Soft Limit           Hard Limit           Units     ',
        'Max processes             63418                63418                processes ',
        'Max open files            128                  4096                 files     ',
      ].join('\n') + '\n',
    }],
    miss: [{
      // the same process with a roomy limit
      'cache-7/cmd/lsof-p-4411.txt': [
        'COMMAND  PID USER   FD   TYPE DEVICE SIZE/OFF    NODE NAME',
        ...Array.from({ length: 120 }, (_, i) => `memcachd 4411 app  ${String(i + 3).padStart(3)}u  IPv4  ${70000 + i}      0t0     TCP 10.4.0.7:11211->10.4.1.${i % 9}:${41000 + i} (ESTABLISHED)`),
      ].join('\n') + '\n',
      'cache-7/cmd/proc-4411-limits.txt': [
        'Limit                     Soft Limit           Hard Limit           Units     ',
        'Max open files            1024                 4096                 files     ',
      ].join('\n') + '\n',
    }],
  },
});
