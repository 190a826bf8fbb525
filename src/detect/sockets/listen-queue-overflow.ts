import { signature } from '../define.js';

/** A listen queue this full (of its backlog) is about to overflow. */
const NEAR_SHARE = 0.9;

/**
 * A listening socket whose accept queue is full: for LISTEN sockets `ss` prints the connections
 * waiting for accept() as Recv-Q and the backlog as Send-Q. The kernel then drops new handshakes
 * (clients see connect timeouts; with tcp_abort_on_overflow, resets). It is filed as
 * thread-pool-exhaustion, not connection-refused: nothing refuses, the process is not accepting fast
 * enough because its acceptor or workers are busy (a saturated pool, or accept() failing on EMFILE,
 * which the fd detectors report on their own). netstat prints no backlog, so only ss is read.
 */
export const socketsListenQueueOverflow = signature({
  name: 'sockets-listen-queue-overflow',
  category: 'thread-pool-exhaustion',
  software: 'linux-tcp',
  description: 'A listening socket with its accept queue at (or >= 90 % of) its backlog in an ss snapshot: the process is not accepting',
  formats: ['ss-tan'],
  prefilter: 'LISTEN',
  match: /^LISTEN /,
  severity: 'warning',
  hit(_m, e) {
    const f = e.fields;
    if (!f || typeof f.recvQ !== 'number' || typeof f.sendQ !== 'number') return undefined;
    const queued = f.recvQ;
    const backlog = f.sendQ;
    if (backlog <= 0 || queued < NEAR_SHARE * backlog) return undefined;
    const full = queued >= backlog;
    const port = typeof f.localPort === 'number' ? f.localPort : null;
    const owner = e.process ? `${e.process}${e.pid !== null ? ` (pid ${e.pid})` : ''}` : `port ${port ?? '?'}`;
    return {
      facts: { acceptQueueLength: queued, backlog, localAddress: typeof f.localAddress === 'string' ? f.localAddress : null, localPort: port, full },
      key: `${e.path}|${f.localAddress ?? ''}:${port ?? ''}`,
      severity: full ? 'error' : 'warning',
      title: `listen queue of ${owner} on port ${port ?? '?'} ${full ? 'full' : 'nearly full'}: ${queued} connections waiting for accept(), backlog ${backlog}`,
    };
  },
  samples: {
    hit: [
      'State  Recv-Q Send-Q Local Address:Port  Peer Address:Port Process\nLISTEN 129    128          0.0.0.0:8080       0.0.0.0:*     users:(("java",pid=4100,fd=212))',
    ],
    miss: [
      // a busy server that keeps up: 117 queued of a 4096 backlog
      'State      Recv-Q Send-Q Local Address:Port  Peer Address:Port Process\nLISTEN     117    4096      127.0.0.11:8080       0.0.0.0:*     users:(("gateway",pid=812,fd=6))',
    ],
  },
});
