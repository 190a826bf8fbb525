import type { DetectorDef } from './define.js';
import { massTaskStop } from './generic/mass-task-stop.js';
import { kernelOomKill } from './kernel/oom-kill.js';
import { zookeeperClientSessionLoss } from './zookeeper/client-session-loss.js';
import { zookeeperFollowerLostLeader } from './zookeeper/follower-lost-leader.js';
import { zookeeperLeaderLostFollower } from './zookeeper/leader-lost-follower.js';
import { zookeeperReElection } from './zookeeper/re-election.js';
import { zookeeperSessionExpired } from './zookeeper/session-expired.js';

/** Every detector, in the order `culprit detectors` lists them (grouped by the software they know). */
export const DETECTORS: readonly DetectorDef[] = [
  // linux-kernel
  kernelOomKill,
  // zookeeper (server) and its clients
  zookeeperFollowerLostLeader,
  zookeeperLeaderLostFollower,
  zookeeperReElection,
  zookeeperSessionExpired,
  zookeeperClientSessionLoss,
  // any software: patterns in what services say
  massTaskStop,
];
