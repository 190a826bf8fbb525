import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream } from '../define.js';
import type { Finding } from '../finding.js';
import { decodeExitStatus, describeExit, killedBy, type ExitCause } from './exit-status.js';
import { SUPERVISORD_EXIT } from './supervisord-exit.js';

/** This many deaths or restarts of one unit... */
const MIN_DEATHS = 3;
/** ...each within this time of the previous one, make a crash loop. */
const MAX_GAP_MS = 10 * 60_000;
/** Units tracked at once (per host): memory stays bounded on any input. */
const MAX_UNITS = 4096;

// the kernel's verdict on an OOM kill: "Out of memory: Killed process 4242 (python3) total-vm:..."
const OOM_KILLED = /Killed process (\d+) \(([^)]{1,64})\)/;
const SUPERVISORD_GAVE_UP = /gave up: (\S{1,128}) entered FATAL state/;
// systemd: "UNIT: Main process exited, code=killed, status=9/KILL", "UNIT: Scheduled restart job, restart counter is at 5."
const SYSTEMD_EXIT = /^(?:\S+\[\d+\]: )?(\S{1,256}?): Main process exited, code=(exited|killed|dumped), status=(\d{1,3})/;
const SYSTEMD_RESTART = /^(?:\S+\[\d+\]: )?(\S{1,256}?): Scheduled restart job, restart counter is at (\d+)\./;

interface Loop {
  host: string | null;
  unit: string;
  supervisor: string;
  first: LogEvent;
  last: LogEvent;
  deaths: number;
  /** systemd's own count of restarts, when it says */
  restartCounter: number | null;
  lastCause: ExitCause | null;
  gaveUp: LogEvent | null;
}

/**
 * One process or unit that keeps dying and being restarted: supervisord's unexpected exits (and its
 * "gave up" when it stops trying), systemd's failed main processes and scheduled restarts. At least
 * MIN_DEATHS, each within MAX_GAP_MS of the one before; facts: restarts, the mean interval, the last
 * exit status or signal. Kubernetes back-offs are k8s-crash-loop's.
 */
export const processCrashLoop = stream({
  name: 'process-crash-loop',
  category: 'crash-loop',
  software: 'supervisord, systemd, linux-kernel',
  description: 'A supervised process keeps dying and being restarted (supervisord/systemd deaths, or repeated OOM kills of one process): restarts, mean interval, last exit status',
  formats: '*',
  prefilter: ['; not expected)', ' process exited, code=', 'Scheduled restart job', 'entered FATAL state', 'Killed process'],
  create() {
    const loops = new Map<string, Loop>();
    const oomVictims = new Set<string>();
    const out: Omit<Finding, 'id'>[] = [];
    const close = (l: Loop) => {
      const restarts = Math.max(l.deaths, l.restartCounter ?? 0);
      if (restarts < MIN_DEATHS && !l.gaveUp) return;
      const spanMs = l.first.timeMs !== null && l.last.timeMs !== null ? l.last.timeMs - l.first.timeMs : null;
      const intervalMs = spanMs !== null && l.deaths > 1 ? Math.round(spanMs / (l.deaths - 1)) : null;
      const every = intervalMs !== null ? `, every ${intervalMs >= 60_000 ? `${(intervalMs / 60_000).toFixed(1)} min` : `${(intervalMs / 1000).toFixed(1)} s`}` : '';
      out.push({
        category: 'crash-loop', severity: l.gaveUp ? 'critical' : 'error', detector: 'process-crash-loop',
        title: `${l.unit} is crash-looping${l.supervisor ? ` under ${l.supervisor}` : ''}: ${restarts ? `${restarts} deaths` : 'died at every start'}${every}${l.lastCause ? `, last ${describeExit(l.lastCause)}` : ''}${l.gaveUp ? '; restarts given up' : ''}`,
        timeMs: l.first.timeMs, endMs: (l.gaveUp ?? l.last).timeMs, host: l.host, process: l.unit.replace(/\.service$/, ''), pid: null,
        facts: {
          unit: l.unit, supervisor: l.supervisor || null, restarts, deathsSeen: l.deaths, restartCounter: l.restartCounter, intervalMs, spanMs,
          exitStatus: l.lastCause?.exitStatus ?? null, signal: l.lastCause?.signal ?? null, gaveUp: l.gaveUp !== null,
        },
        evidence: [evidenceOf(l.first), ...(l.last !== l.first ? [evidenceOf(l.last)] : []), ...(l.gaveUp && l.gaveUp !== l.first ? [evidenceOf(l.gaveUp)] : [])],
      });
    };
    const death = (e: LogEvent, unit: string, supervisor: string, cause: ExitCause | null, counter: number | null) => {
      const key = `${e.host ?? ''}\u0000${supervisor}\u0000${unit}`;
      let l = loops.get(key);
      if (l && e.timeMs !== null && l.last.timeMs !== null && e.timeMs - l.last.timeMs > MAX_GAP_MS) {
        close(l);
        loops.delete(key);
        l = undefined;
      }
      if (!l) {
        if (loops.size >= MAX_UNITS) {
          const [k, oldest] = loops.entries().next().value as [string, Loop];
          close(oldest);
          loops.delete(k);
        }
        loops.set(key, (l = { host: e.host, unit, supervisor, first: e, last: e, deaths: 0, restartCounter: null, lastCause: null, gaveUp: null }));
      }
      if (counter !== null) {
        l.restartCounter = Math.max(l.restartCounter ?? 0, counter);
        // systemd logs the exit and then the restart: count the death once
        if (l.deaths < 1) l.deaths = 1;
      } else {
        l.deaths++;
        l.lastCause = cause;
      }
      l.last = e;
    };
    return {
      accept(e: LogEvent) {
        const msg = e.message;
        let m: RegExpExecArray | null;
        if (msg.includes('Killed process') && (m = OOM_KILLED.exec(msg))) {
          // a process the kernel keeps OOM-killing is being restarted by something: each kill is a death.
          // dmesg, syslog and the journal can carry the same kill: count each victim pid once
          const victim = `${e.host ?? ''}\u0000${m[1]}`;
          if (!oomVictims.has(victim) && oomVictims.size < MAX_UNITS * 16) {
            oomVictims.add(victim);
            death(e, m[2]!, '', killedBy('KILL'), null);
          }
          return;
        }
        if (msg.includes('; not expected)')) {
          // "exited:" may have been read as a logger name: the record's text has it
          if ((m = SUPERVISORD_EXIT.exec(e.text.length > 1000 ? e.text.slice(0, 1000) : e.text))) death(e, m[1]!, 'supervisord', m[2] !== undefined ? decodeExitStatus(Number(m[2])) : killedBy(m[3]!), null);
        } else if (msg.includes(' process exited, code=')) {
          if ((m = SYSTEMD_EXIT.exec(msg)) && !(m[2] === 'exited' && m[3] === '0')) {
            death(e, m[1]!, 'systemd', m[2] === 'exited' ? { exitStatus: Number(m[3]), signal: null } : killedBy(m[3]!), null);
          }
        } else if (msg.includes('Scheduled restart job')) {
          if ((m = SYSTEMD_RESTART.exec(msg))) death(e, m[1]!, 'systemd', null, Number(m[2]));
        } else if (msg.includes('entered FATAL state')) {
          if ((m = SUPERVISORD_GAVE_UP.exec(e.text.length > 1000 ? e.text.slice(0, 1000) : e.text))) {
            // giving up means startretries quick deaths in a row, even where the log shows fewer
            const key = `${e.host ?? ''}\u0000supervisord\u0000${m[1]}`;
            const l = loops.get(key);
            if (l) l.gaveUp = e;
            else if (loops.size < MAX_UNITS) loops.set(key, { host: e.host, unit: m[1]!, supervisor: 'supervisord', first: e, last: e, deaths: 0, restartCounter: null, lastCause: null, gaveUp: e });
          }
        }
      },
      finish() {
        for (const l of loops.values()) close(l);
        loops.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [{
      // recorded (scripts/record/supervisord.sh), shortened
      'host-a/logs/supervisord.log': [
        '2026-11-22 04:30:26,238 INFO spawned: \'billing-worker\' with pid 27168',
        '2026-11-22 04:30:27,798 WARN exited: billing-worker (exit status 3; not expected)',
        '2026-11-22 04:30:27,800 INFO spawned: \'billing-worker\' with pid 27219',
        '2026-11-22 04:30:29,404 WARN exited: billing-worker (exit status 3; not expected)',
        '2026-11-22 04:30:29,415 INFO spawned: \'billing-worker\' with pid 27262',
        '2026-11-22 04:30:30,962 WARN exited: billing-worker (exit status 3; not expected)',
      ].join('\n') + '\n',
    }, {
      'host-a/logs/journal.txt': [
        'Nov 22 04:30:27 app-1 systemd[1]: billing.service: Main process exited, code=killed, status=9/KILL',
        'Nov 22 04:30:27 app-1 systemd[1]: billing.service: Failed with result \'signal\'.',
        'Nov 22 04:30:32 app-1 systemd[1]: billing.service: Scheduled restart job, restart counter is at 7.',
        'Nov 22 04:30:32 app-1 systemd[1]: Stopped billing.service - Billing worker.',
      ].join('\n') + '\n',
    }, {
      // supervisord gave up on a program whose earlier deaths are not in the log
      'host-a/logs/supervisord.log': '2026-11-22 04:30:29,478 INFO gave up: migrator entered FATAL state, too many start retries too quickly\n',
    }, {
      // the kernel kills the same consumer again and again: something keeps restarting it
      'host-a/cmd/dmesg-T.txt': [4101, 4187, 4260].map((pid, i) =>
        `[Sun Nov 22 04:3${i}:10 2026] Memory cgroup out of memory: Killed process ${pid} (ledger-consumer) total-vm:900000kB, anon-rss:520000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:1200kB oom_score_adj:0`).join('\n') + '\n',
    }],
    miss: [{
      // one kill, carried by three sources: one death
      'host-a/cmd/dmesg-T.txt': '[Sun Nov 22 04:30:10 2026] Out of memory: Killed process 4101 (ledger-consumer) total-vm:900000kB, anon-rss:520000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:1200kB oom_score_adj:0\n',
      'host-a/logs/kern.log': 'Nov 22 04:30:10 host-a kernel: [ 812.123456] Out of memory: Killed process 4101 (ledger-consumer) total-vm:900000kB, anon-rss:520000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:1200kB oom_score_adj:0\n',
      'host-a/logs/syslog': 'Nov 22 04:30:10 host-a kernel: [ 812.123456] Out of memory: Killed process 4101 (ledger-consumer) total-vm:900000kB, anon-rss:520000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:1200kB oom_score_adj:0\n',
    }, {
      // one death a day apart from the next, and expected exits
      'host-a/logs/supervisord.log': [
        '2026-11-20 04:30:27,798 WARN exited: billing-worker (exit status 3; not expected)',
        '2026-11-21 04:30:27,798 WARN exited: billing-worker (exit status 3; not expected)',
        '2026-11-22 04:30:27,518 INFO exited: report-once (exit status 0; expected)',
        '2026-11-22 04:32:27,518 INFO exited: report-once (exit status 0; expected)',
        '2026-11-22 04:34:27,518 INFO exited: report-once (exit status 0; expected)',
      ].join('\n') + '\n',
    }],
  },
});
