import { signature } from '../define.js';

/**
 * A ZooKeeper follower (or observer) loses its leader: it stops following and goes back to
 * LOOKING. 3.4-3.9 wordings: "Exception when following the leader" (with the socket error
 * joined below it), "Disconnected from leader (with address: ...). Was connected for Nms", "shutdown Follower".
 */
export const zookeeperFollowerLostLeader = signature({
  name: 'zookeeper-follower-lost-leader',
  category: 'quorum-member-loss',
  software: 'zookeeper',
  description: 'A ZooKeeper follower lost its leader and left the quorum (3.4-3.9 server wordings)',
  formats: ['log4j'],
  prefilter: ['following the leader', 'Disconnected from leader', 'shutdown Follower'],
  match: /Exception when following the leader|Disconnected from leader \(with address: \/?([^)]+)\)\. Was connected for (\d+)ms(?:\. Sync state: (\w+))?|^shutdown Follower/,
  severity: 'error',
  hit(m, e) {
    const cause = /\n\s*(?:Caused by: )?([\w.$]+(?:Exception|Error)[^\n]*)/.exec(e.text)?.[1] ?? null;
    return {
      facts: {
        leaderAddress: m[1] ?? null,
        connectedMs: m[2] !== undefined ? Number(m[2]) : null,
        syncState: m[3] ?? null,
        error: cause,
      },
      process: 'zookeeper',
      key: 'follower',
      title: `ZooKeeper follower lost its leader${m[1] ? ` ${m[1]}` : ''}${cause ? ` (${cause.slice(0, 80)})` : ''}`,
    };
  },
  samples: {
    hit: [
      '2026-05-10 15:45:39,870 [myid:2] - WARN  [QuorumPeer[myid=2](plain=[0:0:0:0:0:0:0:0]:2181)(secure=disabled):Follower@129] - Exception when following the leader\njava.net.SocketTimeoutException: Read timed out\n\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:283)',
      '2026-05-10 15:45:39,874 [myid:2] - INFO  [QuorumPeer[myid=2](plain=[0:0:0:0:0:0:0:0]:2181)(secure=disabled):Follower@145] - Disconnected from leader (with address: /127.0.0.11:2888). Was connected for 297563ms. Sync state: true',
    ],
    miss: [
      '2026-05-10 15:40:02,311 [myid:2] - INFO  [QuorumPeer[myid=2](plain=[0:0:0:0:0:0:0:0]:2181)(secure=disabled):Follower@75] - FOLLOWING - LEADER ELECTION TOOK - 214 MS',
      '2026-05-10 15:40:02,400 [myid:2] - INFO  [QuorumPeer[myid=2]:Learner@391] - Getting a diff from the leader 0x100000003',
    ],
  },
});
