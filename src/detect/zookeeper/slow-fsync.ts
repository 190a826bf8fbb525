import { signature } from '../define.js';

/**
 * ZooKeeper's write-ahead log fsync took longer than `fsync.warningthresholdms` (1 s by default):
 * every write waits for it, so the server stops making progress and followers and clients time out.
 * 3.4-3.9 wording: "fsync-ing the write ahead log in SyncThread:1 took 2345ms which will adversely
 * effect operation latency. File size is 67108880 bytes. See the ZooKeeper troubleshooting guide".
 */
export const zookeeperSlowFsync = signature({
  name: 'zookeeper-slow-fsync',
  category: 'process-stall',
  software: 'zookeeper',
  description: 'A ZooKeeper server waited long on fsync of its transaction log (every write stalls behind it)',
  formats: ['log4j'],
  prefilter: 'fsync-ing the write ahead log',
  match: /fsync-ing the write ahead log in (\S+) took (\d+)ms which will adversely effect operation latency\.\s*(?:File size is (\d+) bytes)?/,
  severity: 'warning',
  hit(m) {
    const fsyncMs = Number(m[2]);
    return {
      facts: { fsyncMs, thread: m[1]!, txnLogBytes: m[3] !== undefined ? Number(m[3]) : null },
      process: 'zookeeper',
      key: 'fsync',
      severity: fsyncMs >= 5_000 ? 'error' : 'warning',
      title: `ZooKeeper fsync of its transaction log took ${(fsyncMs / 1000).toFixed(1)} s`,
    };
  },
  samples: {
    hit: [
      '2026-05-10 15:45:31,408 [myid:2] - WARN  [SyncThread:2:FileTxnLog@285] - fsync-ing the write ahead log in SyncThread:2 took 7342ms which will adversely effect operation latency.File size is 67108880 bytes. See the ZooKeeper troubleshooting guide',
    ],
    miss: [
      '2026-05-10 15:40:02,650 [myid:2] - INFO  [SyncThread:2:FileTxnLog@285] - Creating new log file: log.100000001',
      '2026-05-10 15:40:02,651 [myid:2] - INFO  [main:FileTxnSnapLog@124] - zookeeper.fsync.warningthresholdms is 1000',
    ],
  },
});
