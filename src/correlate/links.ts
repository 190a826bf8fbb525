import type { Category } from '../detect/category.js';

/**
 * Where cause and effect must be for a link to hold:
 * - 'same-host': resource contention, a process and its own host (one kernel, one memory).
 * - 'same-process': the same process (host and process name) suffers both.
 * - 'dependency': any hosts, but only along a dependency the evidence shows (see graph.ts).
 */
export type LinkScope = 'same-host' | 'same-process' | 'dependency';

export interface CausalLink {
  readonly cause: Category;
  readonly effect: Category;
  readonly scope: LinkScope;
  /** the effect starts at most this long after the cause started (or ended) */
  readonly maxLagMs: number;
  /** how the cause leads to the effect, for reports */
  readonly why: string;
  /**
   * The cause is only the trigger: a healthy effect side would have absorbed it, so the effect is
   * the defect and is reported as the root cause, with this cause as its trigger (a client that
   * spins forever after a session loss: the outage triggered it, the loop is the bug).
   */
  readonly trigger?: true;
  /**
   * The effect is a flaw in how the effect side handled the cause (dropping all work on a session
   * loss, never closing sockets the peer closed): reports name it as the defect that turned the
   * root cause into an outage. Every `trigger` link is one too.
   */
  readonly defect?: true;
}

/** Whether a link's effect is a flaw in handling its cause (see `defect` and `trigger`). */
export function effectIsDefect(link: CausalLink): boolean {
  return link.trigger === true || link.defect === true;
}

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

/**
 * How failures propagate between categories: general knowledge, reviewable as a list. Only these
 * links are drawn, and only where time and place agree (graph.ts).
 */
export const LINKS: readonly CausalLink[] = [
  // memory
  { cause: 'memory-leak', effect: 'memory-pressure', scope: 'same-host', maxLagMs: 24 * H, why: 'a growing process leaves the host short of memory' },
  { cause: 'memory-leak', effect: 'oom-kill', scope: 'same-host', maxLagMs: 24 * H, why: 'the leaking process grew until the OOM killer fired' },
  { cause: 'memory-pressure', effect: 'oom-kill', scope: 'same-host', maxLagMs: 30 * MIN, why: 'the host ran out of memory and the kernel killed a process' },
  { cause: 'memory-leak', effect: 'gc-pause', scope: 'same-host', maxLagMs: 2 * H, why: 'the growing neighbour leaves the JVM short of memory: reclaim stretches its pauses' },
  { cause: 'log-flood', effect: 'memory-leak', scope: 'same-process', maxLagMs: 2 * H, why: 'each pass through the flooding error path leaks: the flood drives the leak', trigger: true },
  { cause: 'memory-pressure', effect: 'gc-pause', scope: 'same-host', maxLagMs: 30 * MIN, why: 'reclaim and swapping stretch a JVM\'s stop-the-world pauses' },
  { cause: 'memory-pressure', effect: 'process-stall', scope: 'same-host', maxLagMs: 30 * MIN, why: 'processes stall in direct reclaim' },
  { cause: 'poison-message', effect: 'oom-kill', scope: 'same-host', maxLagMs: 10 * MIN, why: 'processing the oversized record exhausted the consumer\'s memory' },
  { cause: 'poison-message', effect: 'process-crash', scope: 'same-host', maxLagMs: 10 * MIN, why: 'the record crashes its consumer' },
  // a process killed or crashed
  { cause: 'oom-kill', effect: 'process-stall', scope: 'same-host', maxLagMs: 5 * MIN, why: 'the host was stalled around the OOM kill' },
  { cause: 'oom-kill', effect: 'quorum-member-loss', scope: 'same-host', maxLagMs: 2 * MIN, why: 'the ensemble member on the OOM-stricken host stalled or died and dropped out' },
  { cause: 'oom-kill', effect: 'gc-pause', scope: 'same-host', maxLagMs: 2 * MIN, why: 'the JVM on the OOM-stricken host was paused by memory pressure' },
  { cause: 'oom-kill', effect: 'crash-loop', scope: 'same-host', maxLagMs: 30 * MIN, why: 'the killed process is restarted and killed again' },
  { cause: 'oom-kill', effect: 'process-crash', scope: 'same-host', maxLagMs: 2 * MIN, why: 'the kill ends the process' },
  { cause: 'oom-kill', effect: 'connection-refused', scope: 'dependency', maxLagMs: 5 * MIN, why: 'the killed server no longer accepts connections' },
  { cause: 'oom-kill', effect: 'connection-reset', scope: 'dependency', maxLagMs: 5 * MIN, why: 'the killed server\'s connections are reset' },
  { cause: 'process-crash', effect: 'crash-loop', scope: 'same-host', maxLagMs: 30 * MIN, why: 'the crashing process is restarted and crashes again' },
  { cause: 'crash-loop', effect: 'consumer-lag', scope: 'dependency', maxLagMs: 60 * MIN, why: 'a consumer that keeps dying falls behind' },
  // managed runtimes
  { cause: 'gc-pause', effect: 'process-stall', scope: 'same-process', maxLagMs: 2 * MIN, why: 'the JVM is stopped during the pause' },
  { cause: 'gc-pause', effect: 'quorum-member-loss', scope: 'same-host', maxLagMs: 2 * MIN, why: 'a paused member misses the quorum\'s heartbeats (tick/sync limits)' },
  { cause: 'gc-pause', effect: 'coordination-session-loss', scope: 'same-host', maxLagMs: 2 * MIN, why: 'a paused client misses its session heartbeats' },
  { cause: 'gc-pause', effect: 'timeout', scope: 'dependency', maxLagMs: 2 * MIN, why: 'calls to the paused process time out' },
  { cause: 'process-stall', effect: 'quorum-member-loss', scope: 'same-host', maxLagMs: 2 * MIN, why: 'a stalled member misses the quorum\'s heartbeats' },
  { cause: 'hot-loop', effect: 'cpu-saturation', scope: 'same-host', maxLagMs: 10 * MIN, why: 'the spinning loop burns CPU' },
  { cause: 'hot-loop', effect: 'log-flood', scope: 'same-process', maxLagMs: 10 * MIN, why: 'the loop logs on every turn' },
  { cause: 'cpu-saturation', effect: 'timeout', scope: 'dependency', maxLagMs: 10 * MIN, why: 'a starved host answers too late' },
  // coordination
  { cause: 'network-partition', effect: 'quorum-member-loss', scope: 'dependency', maxLagMs: 2 * MIN, why: 'members that cannot reach each other leave the quorum' },
  { cause: 'network-partition', effect: 'coordination-session-loss', scope: 'dependency', maxLagMs: 2 * MIN, why: 'clients cut off from the ensemble lose their sessions' },
  { cause: 'quorum-member-loss', effect: 'quorum-member-loss', scope: 'dependency', maxLagMs: 30 * S, why: 'the rest of the ensemble sees the member go and re-elects' },
  { cause: 'quorum-member-loss', effect: 'coordination-session-loss', scope: 'dependency', maxLagMs: 2 * MIN, why: 'clients of the member that dropped out are disconnected and their sessions expire' },
  { cause: 'coordination-session-loss', effect: 'coordination-session-loss', scope: 'dependency', maxLagMs: 2 * MIN, why: 'the server expires the sessions of clients it lost' },
  { cause: 'coordination-session-loss', effect: 'mass-task-stop', scope: 'same-host', maxLagMs: 2 * MIN, why: 'the client mishandles the session loss and drops the work it was assigned', defect: true },
  { cause: 'coordination-session-loss', effect: 'hot-loop', scope: 'same-host', maxLagMs: 5 * MIN, why: 'the client spins on a connection or channel that the loss closed', trigger: true },
  { cause: 'network-partition', effect: 'hot-loop', scope: 'dependency', maxLagMs: 5 * MIN, why: 'the client spins on a connection the partition broke', trigger: true },
  { cause: 'process-stall', effect: 'coordination-session-loss', scope: 'dependency', maxLagMs: 2 * MIN, why: 'a stalled client misses its session heartbeats, or a stalled ensemble member stops answering its clients' },
  { cause: 'process-stall', effect: 'conn-pool-exhaustion', scope: 'dependency', maxLagMs: 10 * MIN, why: 'a stalled database (a held lock) keeps every pooled connection busy; the pool has no bound on waiting', trigger: true },
  // connections and pools
  { cause: 'config-error', effect: 'conn-pool-exhaustion', scope: 'same-host', maxLagMs: 24 * H, why: 'a pool sized too small for the load saturates' },
  { cause: 'conn-pool-exhaustion', effect: 'timeout', scope: 'same-host', maxLagMs: 10 * MIN, why: 'callers wait for a connection and time out' },
  { cause: 'conn-pool-exhaustion', effect: 'thread-pool-exhaustion', scope: 'same-host', maxLagMs: 10 * MIN, why: 'handlers block waiting for connections' },
  { cause: 'conn-pool-exhaustion', effect: 'close-wait-buildup', scope: 'same-host', maxLagMs: 30 * MIN, why: 'blocked handlers never close sockets their peers gave up on', defect: true },
  { cause: 'thread-pool-exhaustion', effect: 'timeout', scope: 'dependency', maxLagMs: 10 * MIN, why: 'queued requests wait too long' },
  { cause: 'thread-pool-exhaustion', effect: 'close-wait-buildup', scope: 'same-host', maxLagMs: 30 * MIN, why: 'busy handlers never close sockets their peers gave up on', defect: true },
  { cause: 'timeout', effect: 'close-wait-buildup', scope: 'dependency', maxLagMs: 30 * MIN, why: 'clients that time out close their end; the server keeps its own open', defect: true },
  { cause: 'close-wait-buildup', effect: 'fd-exhaustion', scope: 'same-host', maxLagMs: 60 * MIN, why: 'every CLOSE_WAIT socket holds a file descriptor' },
  { cause: 'fd-exhaustion', effect: 'connection-reset', scope: 'dependency', maxLagMs: 10 * MIN, why: 'a process out of descriptors cannot accept, and its listen queue resets callers' },
  { cause: 'fd-exhaustion', effect: 'connection-refused', scope: 'dependency', maxLagMs: 10 * MIN, why: 'a process out of descriptors cannot accept connections' },
  { cause: 'fd-exhaustion', effect: 'timeout', scope: 'dependency', maxLagMs: 10 * MIN, why: 'calls to a process out of descriptors hang' },
  // disks and logs
  { cause: 'log-flood', effect: 'disk-full', scope: 'same-host', maxLagMs: 24 * H, why: 'the flood fills the log volume' },
  { cause: 'log-flood', effect: 'cpu-saturation', scope: 'same-host', maxLagMs: 10 * MIN, why: 'formatting and writing the flood burns CPU' },
  { cause: 'disk-full', effect: 'disk-full', scope: 'dependency', maxLagMs: 30 * MIN, why: 'every writer on the full filesystem fails, and its clients relay the server\'s ENOSPC (Redis MISCONF)' },
  { cause: 'disk-full', effect: 'process-crash', scope: 'same-host', maxLagMs: 30 * MIN, why: 'writes fail with ENOSPC' },
  { cause: 'disk-full', effect: 'quorum-member-loss', scope: 'same-host', maxLagMs: 30 * MIN, why: 'the member cannot write its transaction log' },
  { cause: 'clock-skew', effect: 'coordination-session-loss', scope: 'same-host', maxLagMs: 10 * MIN, why: 'a clock jump expires leases and sessions' },
  { cause: 'consumer-lag', effect: 'timeout', scope: 'dependency', maxLagMs: 60 * MIN, why: 'work waits in the backlog' },
];

/** Effects may be logged a little before their cause (clock differences, buffered logs). */
export const EARLY_TOLERANCE_MS = 5_000;
