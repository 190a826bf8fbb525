import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream } from '../define.js';
import type { Finding } from '../finding.js';

// log_lock_waits (after deadlock_timeout): "process 9575 still waiting for AccessShareLock on relation
// 16385 of database 16384 after 1000.084 ms", then "process 9575 acquired AccessShareLock on ... after
// 31972.386 ms"; transaction locks read "on transaction 725". DETAIL: "Process holding the lock: 9764.
// Wait queue: 9576, 9575." (several holders: "Processes holding the lock: 1, 2.").
const LOCK = /^process (\d{1,9}) (still waiting for|acquired|detected deadlock while waiting for) (\w{1,40}) on (.{1,120}?) after (\d{1,12}(?:\.\d{1,6})?) ms/;
const HOLDER = /Process(?:es)? holding the lock: (\d{1,9})/;
const QUEUE = /Wait queue: ([\d, ]{1,2000})/;
/** Waits on one lock closer than this are one episode. */
const MERGE_GAP_MS = 60_000;
/** Shorter waits are ordinary contention (log_lock_waits reports after deadlock_timeout, 1 s by default, often set lower). */
const MIN_WAIT_MS = 1000;
/** Episodes at least this long are errors: callers with ordinary timeouts have given up. */
const LONG_WAIT_MS = 10_000;
const MAX_OPEN = 4096;
const MAX_WAITERS = 10_000;

interface Episode {
  first: LogEvent;
  last: LogEvent;
  lastMs: number | null;
  target: string;
  holderPid: number | null;
  lockModes: Set<string>;
  waiters: Set<number>;
  maxWaitMs: number;
  queueLength: number;
  deadlocks: number;
  evidence: LogEvent[];
}

/**
 * Backends stuck behind a lock (PostgreSQL log_lock_waits): one finding per lock and holder, with
 * the longest wait, the waiters and the holder. Category process-stall: the waiting backends make no
 * progress while the holder keeps its lock (a long transaction, a DDL); nothing has timed out yet, and
 * the clients' pools filling up behind them is what conn-pool-exhaustion findings show.
 */
export const postgresLockWait = stream({
  name: 'postgres-lock-wait',
  category: 'process-stall',
  software: 'postgresql',
  description: 'PostgreSQL backends waiting for a lock (log_lock_waits): holder, waiters, longest wait',
  formats: ['postgresql'],
  create() {
    const open = new Map<string, Episode>();
    const out: Omit<Finding, 'id'>[] = [];
    const close = (ep: Episode) => {
      if (ep.maxWaitMs < MIN_WAIT_MS) return;
      const waiters = Math.max(ep.waiters.size, ep.queueLength);
      const holder = ep.holderPid !== null ? `pid ${ep.holderPid}` : 'another backend';
      const modes = [...ep.lockModes].join('/');
      const ev = ep.evidence.map((x) => evidenceOf(x));
      if (ep.last !== ep.evidence[ep.evidence.length - 1]) ev.push(evidenceOf(ep.last));
      out.push({
        category: 'process-stall', severity: ep.maxWaitMs >= LONG_WAIT_MS ? 'error' : 'warning', detector: 'postgres-lock-wait',
        title: `PostgreSQL${ep.first.host ? ` on ${ep.first.host}` : ''}: ${waiters} backend${waiters === 1 ? '' : 's'} waited up to ${(ep.maxWaitMs / 1000).toFixed(1)} s for ${modes} on ${ep.target} held by ${holder}`,
        timeMs: ep.first.timeMs, endMs: ep.last !== ep.first ? ep.last.timeMs : null, host: ep.first.host, process: 'postgres', pid: ep.holderPid,
        facts: {
          maxWaitMs: ep.maxWaitMs, waiters, holderPid: ep.holderPid, lockMode: modes, lockTarget: ep.target,
          deadlocks: ep.deadlocks, database: typeof ep.first.fields?.['database'] === 'string' ? ep.first.fields['database'] : null,
        },
        evidence: ev,
      });
    };
    return {
      accept(e: LogEvent) {
        const msg = e.message;
        if (msg.charCodeAt(0) !== 112 || !msg.startsWith('process ')) return; // p
        const m = LOCK.exec(msg);
        if (!m) return;
        const detail = typeof e.fields?.['detail'] === 'string' ? e.fields['detail'] : '';
        const holder = HOLDER.exec(detail);
        const holderPid = holder ? Number(holder[1]) : null;
        const target = m[4]!;
        const key = `${e.host ?? ''}\u0000${e.path}\u0000${target}`;
        let ep = open.get(key);
        if (ep && e.timeMs !== null && ep.lastMs !== null && e.timeMs - ep.lastMs > MERGE_GAP_MS) {
          close(ep);
          open.delete(key);
          ep = undefined;
        }
        if (!ep) {
          if (open.size >= MAX_OPEN) return;
          ep = { first: e, last: e, lastMs: e.timeMs, target, holderPid, lockModes: new Set(), waiters: new Set(), maxWaitMs: 0, queueLength: 0, deadlocks: 0, evidence: [e] };
          open.set(key, ep);
        }
        ep.last = e;
        if (e.timeMs !== null) ep.lastMs = e.timeMs;
        ep.holderPid ??= holderPid;
        ep.lockModes.add(m[3]!);
        if (ep.waiters.size < MAX_WAITERS) ep.waiters.add(Number(m[1]));
        ep.maxWaitMs = Math.max(ep.maxWaitMs, Number(m[5]));
        const q = QUEUE.exec(detail);
        if (q) ep.queueLength = Math.max(ep.queueLength, q[1]!.split(',').filter((s) => s.trim()).length);
        if (m[2] === 'detected deadlock while waiting for') ep.deadlocks++;
        if (ep.evidence.length < 3 && m[2] === 'still waiting for' && ep.evidence[ep.evidence.length - 1]!.message !== msg) ep.evidence.push(e);
      },
      finish() {
        for (const ep of open.values()) close(ep);
        open.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [{
      // recorded (lab pg-pool-fd-exhaustion), shortened
      'pg-1/logs/postgresql/postgresql-main.log': [
        '2026-11-22 04:22:31.465 UTC [9575] postgres@pricing LOG:  process 9575 still waiting for AccessShareLock on relation 16385 of database 16384 after 1000.084 ms at character 37',
        '2026-11-22 04:22:31.465 UTC [9575] postgres@pricing DETAIL:  Process holding the lock: 9764. Wait queue: 9576, 9575, 9574, 9577.',
        '2026-11-22 04:22:31.465 UTC [9575] postgres@pricing STATEMENT:  SELECT price_cents, updated_at FROM price_book WHERE sku = $1',
        '2026-11-22 04:23:02.438 UTC [9575] postgres@pricing LOG:  process 9575 acquired AccessShareLock on relation 16385 of database 16384 after 31972.386 ms at character 37',
      ].join('\n') + '\n',
    }],
    miss: [{
      'pg-1/logs/postgresql/postgresql-main.log': [
        '2026-11-22 04:22:22.326 UTC [9577] postgres@pricing LOG:  connection authorized: user=postgres database=pricing application_name=quote-svc',
        '2026-11-22 04:22:22.340 UTC [9575] postgres@pricing LOG:  duration: 12.345 ms  execute <unnamed>: SELECT price_cents, updated_at FROM price_book WHERE sku = $1',
      ].join('\n') + '\n',
    }],
  },
});
