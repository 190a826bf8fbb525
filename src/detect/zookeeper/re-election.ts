import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream } from '../define.js';
import type { Finding } from '../finding.js';

// "Peer state changed: following - broadcast" (3.6+), "PeerState set to LOOKING", bare "LOOKING" (3.4),
// "FOLLOWING - LEADER ELECTION TOOK - 214 MS"
const STATE = /^(?:Peer state changed: (looking|following|leading|observing)\b|PeerState set to (LOOKING|FOLLOWING|LEADING|OBSERVER)\b|(LOOKING|FOLLOWING|LEADING|OBSERVING)\b)(?:.*?LEADER ELECTION TOOK - (\d+) (MS|NS))?/;

type Role = 'looking' | 'following' | 'leading' | 'observing';

function roleOf(m: RegExpExecArray): Role {
  const w = (m[1] ?? m[2] ?? m[3]!).toLowerCase();
  return (w === 'observer' ? 'observing' : w) as Role;
}

/**
 * A member that was serving (FOLLOWING/LEADING) goes back to LOOKING: the ensemble re-elects. The
 * election at start-up is not one: only a LOOKING that follows a serving state counts. The finding
 * ends when the member serves again, with the election's length.
 */
export const zookeeperReElection = stream({
  name: 'zookeeper-re-election',
  category: 'quorum-member-loss',
  software: 'zookeeper',
  description: 'A serving ZooKeeper member went back to LOOKING (re-election), with how long until it served again',
  formats: ['log4j'],
  prefilter: ['looking', 'following', 'leading', 'observing', 'observer'],
  create() {
    const bySource = new Map<string, { role: Role | null; open: Omit<Finding, 'id'> | null }>();
    const out: Omit<Finding, 'id'>[] = [];
    return {
      accept(e: LogEvent) {
        const m = STATE.exec(e.message);
        if (!m) return;
        let s = bySource.get(e.path);
        if (!s) bySource.set(e.path, (s = { role: null, open: null }));
        const role = roleOf(m);
        if (role === 'looking') {
          if ((s.role === 'following' || s.role === 'leading' || s.role === 'observing') && !s.open) {
            s.open = {
              category: 'quorum-member-loss', severity: 'error', detector: 'zookeeper-re-election',
              title: `ZooKeeper member stopped ${s.role} and re-entered leader election`,
              timeMs: e.timeMs, endMs: null, host: e.host, process: 'zookeeper', pid: e.pid,
              facts: { previousRole: s.role, newRole: null, electionMs: null, leaderlessMs: null },
              evidence: [evidenceOf(e)],
            };
            out.push(s.open);
          }
        } else if (s.open) {
          const f = s.open;
          f.endMs = e.timeMs;
          f.facts.newRole = role;
          if (m[4] !== undefined) f.facts.electionMs = m[5] === 'NS' ? Number(m[4]) / 1e6 : Number(m[4]);
          if (e.timeMs !== null && f.timeMs !== null) f.facts.leaderlessMs = e.timeMs - f.timeMs;
          f.title = `ZooKeeper member stopped ${String(f.facts.previousRole)}, re-elected and is ${role} again after ${f.facts.leaderlessMs ?? '?'} ms`;
          f.evidence.push(evidenceOf(e));
          s.open = null;
        }
        s.role = role;
      },
      finish: () => out,
    };
  },
  samples: {
    hit: [{
      'zk-3/logs/zookeeper.log': [
        '2026-05-10 15:40:02,311 [myid:3] - INFO  [QuorumPeer[myid=3](plain=[0:0:0:0:0:0:0:0]:2181)(secure=disabled):Follower@75] - FOLLOWING - LEADER ELECTION TOOK - 214 MS',
        '2026-05-10 15:40:02,320 [myid:3] - INFO  [QuorumPeer[myid=3](plain=[0:0:0:0:0:0:0:0]:2181)(secure=disabled):QuorumPeer@924] - Peer state changed: following - broadcast',
        '2026-05-10 15:45:39,880 [myid:3] - INFO  [QuorumPeer[myid=3](plain=[0:0:0:0:0:0:0:0]:2181)(secure=disabled):QuorumPeer@924] - Peer state changed: looking',
        '2026-05-10 15:45:42,615 [myid:3] - INFO  [QuorumPeer[myid=3](plain=[0:0:0:0:0:0:0:0]:2181)(secure=disabled):Follower@75] - FOLLOWING - LEADER ELECTION TOOK - 2735 MS',
      ].join('\n') + '\n',
    }],
    miss: [{
      // start-up: LOOKING first, then FOLLOWING: an ordinary election, not a loss
      'zk-3/logs/zookeeper.log': [
        '2026-05-10 15:40:01,001 [myid:3] - INFO  [QuorumPeer[myid=3](plain=[0:0:0:0:0:0:0:0]:2181)(secure=disabled):QuorumPeer@1449] - LOOKING',
        '2026-05-10 15:40:02,311 [myid:3] - INFO  [QuorumPeer[myid=3](plain=[0:0:0:0:0:0:0:0]:2181)(secure=disabled):Follower@75] - FOLLOWING - LEADER ELECTION TOOK - 214 MS',
      ].join('\n') + '\n',
    }],
  },
});
