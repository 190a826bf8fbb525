import { signature } from '../define.js';

/**
 * The leader's side: a follower's connection ends ("******* GOODBYE /addr:port ********" from its
 * LearnerHandler) or the leader itself gives up ("Shutdown called. For the reason ...", 3.4's
 * "Not sufficient followers synced").
 */
export const zookeeperLeaderLostFollower = signature({
  name: 'zookeeper-leader-lost-follower',
  category: 'quorum-member-loss',
  software: 'zookeeper',
  description: 'A ZooKeeper leader lost a follower (GOODBYE) or shut down for lack of a synced quorum',
  formats: ['log4j'],
  prefilter: ['GOODBYE', 'Shutdown called', 'Not sufficient followers synced'],
  match: /\*+ GOODBYE \/?([\w.:[\]-]+) \*+|Shutdown called\. For the reason (.+)|(Not sufficient followers synced)/,
  severity: 'error',
  hit(m) {
    const follower = m[1] ?? null;
    const reason = m[2] ?? m[3] ?? null;
    return {
      facts: { followerAddress: follower, reason },
      process: 'zookeeper',
      key: follower ? 'goodbye' : 'leader-shutdown',
      title: follower ? `ZooKeeper leader lost follower ${follower}` : `ZooKeeper leader shut down: ${reason}`,
    };
  },
  samples: {
    hit: [
      '2026-05-10 15:45:39,861 [myid:1] - WARN  [LearnerHandler-/127.0.0.12:51210:LearnerHandler@737] - ******* GOODBYE /127.0.0.12:51210 ********',
      '2026-05-10 15:45:40,002 [myid:1] - INFO  [QuorumPeer[myid=1]:Leader@780] - Shutdown called. For the reason Not sufficient followers synced, only synced with sids: [ 1 ]',
    ],
    miss: [
      '2026-05-10 15:40:02,120 [myid:1] - INFO  [QuorumPeer[myid=1]:Leader@581] - LEADING - LEADER ELECTION TOOK - 187 MS',
      '2026-05-10 15:45:42,601 [myid:1] - INFO  [LearnerHandler-/127.0.0.12:51244:LearnerHandler@504] - Follower sid: 2 : info : 127.0.0.12:2888:3888:participant',
    ],
  },
});
