import { signature } from '../define.js';

/** The server expires client sessions whose heartbeats stopped: "Expiring session 0x..., timeout of 10000ms exceeded". */
export const zookeeperSessionExpired = signature({
  name: 'zookeeper-session-expired',
  category: 'coordination-session-loss',
  software: 'zookeeper',
  description: 'A ZooKeeper server expired client sessions (no heartbeat within the session timeout)',
  formats: ['log4j'],
  prefilter: 'Expiring session',
  match: /Expiring session (0x[0-9a-f]+), timeout of (\d+)ms exceeded/,
  severity: 'warning',
  hit(m) {
    return {
      facts: { sessionId: m[1]!, sessionTimeoutMs: Number(m[2]) },
      process: 'zookeeper',
      key: 'expiring',
      title: `ZooKeeper expired session ${m[1]} (timeout ${m[2]} ms)`,
    };
  },
  samples: {
    hit: ['2026-05-10 15:45:39,862 [myid:1] - INFO  [SessionTracker:ZooKeeperServer@632] - Expiring session 0x20000a1c3e70001, timeout of 10000ms exceeded'],
    miss: ['2026-05-10 15:40:05,100 [myid:1] - INFO  [CommitProcWorkThread-1:ZooKeeperServer@1105] - Established session 0x20000a1c3e70001 with negotiated timeout 10000 for client /127.0.0.30:41562'],
  },
});
