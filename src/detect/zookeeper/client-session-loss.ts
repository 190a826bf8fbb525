import { signature } from '../define.js';

/**
 * A ZooKeeper client loses its connection or its session, in the words of the common clients:
 * the Java client (ClientCnxn), Curator (ConnectionStateManager), kazoo (Python) and go-zookeeper.
 * Expiry is the serious one (ephemeral nodes and watches are gone); a disconnect may recover.
 */
const PATTERNS: readonly { re: RegExp; client: string; state: 'disconnected' | 'expired' }[] = [
  { re: /Client session timed out, have not heard from server in (\d+)ms for session ?id (0x[0-9a-f]+)/, client: 'java', state: 'disconnected' },
  { re: /Session (0x[0-9a-f]+) for server ([^,]+), (?:unexpected error, closing socket connection and attempting reconnect|Closing socket connection\. Attempting reconnect)/, client: 'java', state: 'disconnected' },
  { re: /\b(?:SESSIONEXPIRED|Session expired event received|KeeperErrorCode = Session expired)\b/, client: 'java', state: 'expired' },
  { re: /State change: (SUSPENDED|LOST)\b/, client: 'curator', state: 'disconnected' },
  { re: /^(?:Connection dropped: |Connection time-out: |Zookeeper connection lost$|Transition to CONNECTING$)/, client: 'kazoo', state: 'disconnected' },
  { re: /^(?:Session has expired$|Zookeeper session closed, state: EXPIRED_SESSION)/, client: 'kazoo', state: 'expired' },
  { re: /zk: session has been expired by the server|\bStateExpired\b/, client: 'go-zookeeper', state: 'expired' },
  { re: /\bStateDisconnected\b|^Recv loop terminated: |^Send loop terminated: |^Failed to connect to [\w.:[\]-]+: /, client: 'go-zookeeper', state: 'disconnected' },
];

export const zookeeperClientSessionLoss = signature({
  name: 'zookeeper-client-session-loss',
  category: 'coordination-session-loss',
  software: 'zookeeper-client',
  description: 'A ZooKeeper client (Java, Curator, kazoo, go-zookeeper) was disconnected or its session expired',
  formats: '*',
  prefilter: [
    'Client session timed out', 'attempting reconnect', 'Attempting reconnect', 'SESSIONEXPIRED', 'Session expired',
    'session has been expired', 'Session has expired', 'EXPIRED_SESSION', 'State change: ', 'Connection dropped',
    'Connection time-out', 'Zookeeper connection lost', 'Transition to CONNECTING', 'StateDisconnected', 'StateExpired',
    'loop terminated', 'Failed to connect to',
  ],
  // one alternation for the framework's match; hit() tells which client and state
  match: new RegExp(PATTERNS.map((p) => p.re.source).join('|')),
  severity: 'warning',
  hit(_m, e) {
    for (const p of PATTERNS) {
      const m = p.re.exec(e.message);
      if (!m) continue;
      const sessionId = /0x[0-9a-f]{6,}/.exec(e.message)?.[0] ?? null;
      return {
        facts: { client: p.client, state: p.state, sessionId },
        severity: p.state === 'expired' ? 'error' : 'warning',
        key: p.state,
        title: p.state === 'expired' ? `ZooKeeper session expired (${p.client} client)` : `ZooKeeper client disconnected (${p.client} client)`,
      };
    }
    return undefined;
  },
  samples: {
    hit: [
      '2026-05-10 15:45:40,100 [main-SendThread(127.0.0.12:2181)] WARN  org.apache.zookeeper.ClientCnxn - Client session timed out, have not heard from server in 6670ms for session id 0x20000a1c3e70001',
      '2026/05/10 15:45:41 zk: session has been expired by the server',
      '2026/05/10 15:45:40 Recv loop terminated: err=EOF',
      '2026-05-10 15:45:40,101 - kazoo.client - WARNING - Connection dropped: socket connection broken',
      '2026-05-10 15:45:40.102 INFO  [Curator-ConnectionStateManager-0] o.a.c.f.s.ConnectionStateManager - State change: SUSPENDED',
    ],
    miss: [
      '2026/05/10 15:44:59 Connected to 127.0.0.12:2181',
      '2026-05-10 15:40:05,100 [main-SendThread(127.0.0.12:2181)] INFO  org.apache.zookeeper.ClientCnxn - Session establishment complete on server 127.0.0.12/127.0.0.12:2181, session id = 0x20000a1c3e70001, negotiated timeout = 10000',
      '2026-05-10 15:40:05.100 INFO  [Curator-ConnectionStateManager-0] o.a.c.f.s.ConnectionStateManager - State change: CONNECTED',
    ],
  },
});
