import type { DetectorDef } from './define.js';
import { massTaskStop } from './generic/mass-task-stop.js';
import { errorPatternDetectors } from './patterns/error-patterns.js';
import { patternHotLoop } from './patterns/hot-loop.js';
import { patternLogFlood } from './patterns/log-flood.js';
import { patternProcessStall } from './patterns/process-stall.js';
import { poisonMessage } from './queues/poison-message.js';
import { kafkaMaxPollExceeded } from './queues/kafka-max-poll-exceeded.js';
import { kafkaRebalanceStorm } from './queues/kafka-rebalance-storm.js';
import { queueLagGrowth } from './queues/lag-growth.js';
import { jvmFullGcRun } from './jvm/full-gc-run.js';
import { jvmGcPause } from './jvm/gc-pause.js';
import { jvmOomExit } from './jvm/oom-exit.js';
import { jvmOutOfMemoryError } from './jvm/out-of-memory-error.js';
import { jvmPauseMonitorGc, jvmPauseMonitorStall } from './jvm/pause-monitor.js';
import { poolAcquireTimeout } from './pools/acquire-timeout.js';
import { goSqlPoolStats } from './pools/go-sql-stats.js';
import { hikariPoolExhausted } from './pools/hikaricp.js';
import { jdbcPoolTimeout } from './pools/jdbc-pool-timeout.js';
import { nodePostgresPoolTimeout } from './pools/node-postgres.js';
import { postgresLockWait } from './postgres/lock-wait.js';
import { postgresSlowStatement } from './postgres/slow-statement.js';
import { postgresStatementTimeout } from './postgres/statement-timeout.js';
import { postgresTooManyClients } from './postgres/too-many-clients.js';
import { redisAofWriteError } from './redis/aof-write-error.js';
import { kernelOomKill } from './kernel/oom-kill.js';
import { kernelBlockIoError } from './kernel/block-io-error.js';
import { kernelBlockNoSpace } from './kernel/block-no-space.js';
import { kernelConntrackFull } from './kernel/conntrack-full.js';
import { kernelFileMax } from './kernel/file-max.js';
import { kernelFsError } from './kernel/fs-error.js';
import { kernelHungTask } from './kernel/hung-task.js';
import { kernelOomReport } from './kernel/oom-report.js';
import { kernelPageAllocFailure } from './kernel/page-alloc-failure.js';
import { kernelSegfault } from './kernel/segfault.js';
import { kernelSoftLockup } from './kernel/soft-lockup.js';
import { processCrashLoop } from './process/crash-loop.js';
import { k8sContainerDied } from './process/k8s-container-died.js';
import { k8sCrashLoop } from './process/k8s-crash-loop.js';
import { k8sOomKilled } from './process/k8s-oom-killed.js';
import { goRuntimeCrash } from './process/go-runtime-crash.js';
import { straceEnomem } from './process/strace-enomem.js';
import { straceKilled } from './process/strace-killed.js';
import { supervisordExit } from './process/supervisord-exit.js';
import { systemdExit } from './process/systemd-exit.js';
import { systemdUnitFailed } from './process/systemd-unit-failed.js';
import { diskEnospc } from './disk/enospc.js';
import { dfFull } from './disk/df-full.js';
import { cgroupCpuThrottling } from './cpu/cgroup-cpu-throttling.js';
import { topLoadSaturation } from './cpu/load-saturation.js';
import { kernelRtThrottling } from './cpu/rt-throttling.js';
import { topProcessCpu } from './cpu/top-process-cpu.js';
import { zookeeperClientSessionLoss } from './zookeeper/client-session-loss.js';
import { zookeeperFollowerLostLeader } from './zookeeper/follower-lost-leader.js';
import { zookeeperLeaderLostFollower } from './zookeeper/leader-lost-follower.js';
import { zookeeperReElection } from './zookeeper/re-election.js';
import { zookeeperSessionExpired } from './zookeeper/session-expired.js';
import { zookeeperSlowFsync } from './zookeeper/slow-fsync.js';
import { networkConnectionRefused } from './network/connection-refused.js';
import { networkConnectionReset } from './network/connection-reset.js';
import { networkTimeout } from './network/timeout.js';
import { networkUnreachable } from './network/unreachable.js';
import { socketsCloseWaitBuildup } from './sockets/close-wait-buildup.js';
import { socketsListenQueueOverflow } from './sockets/listen-queue-overflow.js';
import { fdsLimitNearness } from './fds/fd-limit-nearness.js';
import { tooManyOpenFiles } from './fds/too-many-open-files.js';
import { metricsCloseWaitGrowth } from './metrics/close-wait-growth.js';
import { metricsFdGrowth } from './metrics/fd-growth.js';
import { metricsLatencyChangePoint } from './metrics/latency-change-point.js';
import { metricsMemoryLeak } from './metrics/memory-leak.js';
import { metricsMemoryLimitPressure } from './metrics/memory-limit-pressure.js';

/** Every detector, in the order `culprit detectors` lists them (grouped by the software they know). */
export const DETECTORS: readonly DetectorDef[] = [
  // linux-kernel
  kernelOomKill,
  kernelOomReport,
  kernelPageAllocFailure,
  kernelHungTask,
  kernelSoftLockup,
  kernelSegfault,
  kernelFileMax,
  kernelConntrackFull,
  kernelBlockIoError,
  kernelBlockNoSpace,
  kernelFsError,
  kernelRtThrottling,
  cgroupCpuThrottling,
  // process lifecycle: supervisors, tracers, runtimes
  supervisordExit,
  systemdExit,
  systemdUnitFailed,
  processCrashLoop,
  straceKilled,
  straceEnomem,
  goRuntimeCrash,
  // kubernetes (kubectl -o json)
  k8sOomKilled,
  k8sContainerDied,
  k8sCrashLoop,
  // disks and CPU from logs and command snapshots
  diskEnospc,
  dfFull,
  topProcessCpu,
  topLoadSaturation,
  // zookeeper (server) and its clients
  zookeeperFollowerLostLeader,
  zookeeperLeaderLostFollower,
  zookeeperReElection,
  zookeeperSessionExpired,
  zookeeperSlowFsync,
  zookeeperClientSessionLoss,
  // jvm
  jvmGcPause,
  jvmFullGcRun,
  jvmOutOfMemoryError,
  jvmOomExit,
  jvmPauseMonitorStall,
  jvmPauseMonitorGc,
  // connection pools
  goSqlPoolStats,
  hikariPoolExhausted,
  jdbcPoolTimeout,
  nodePostgresPoolTimeout,
  poolAcquireTimeout,
  // postgresql server
  postgresTooManyClients,
  postgresLockWait,
  postgresSlowStatement,
  postgresStatementTimeout,
  // queues and their consumers
  poisonMessage,
  kafkaMaxPollExceeded,
  kafkaRebalanceStorm,
  queueLagGrowth,
  // network errors in any log, socket tables and open-file counts (ss, netstat, lsof, limits)
  networkConnectionReset,
  networkTimeout,
  networkConnectionRefused,
  networkUnreachable,
  tooManyOpenFiles,
  socketsCloseWaitBuildup,
  socketsListenQueueOverflow,
  fdsLimitNearness,
  // Redis
  redisAofWriteError,
  // metrics series (Prometheus query_range JSON)
  metricsMemoryLeak,
  metricsMemoryLimitPressure,
  metricsFdGrowth,
  metricsCloseWaitGrowth,
  metricsLatencyChangePoint,
  // any software: patterns in what services say
  massTaskStop,
  // log patterns over the templates stage (any software)
  patternLogFlood,
  patternHotLoop,
  patternProcessStall,
  ...errorPatternDetectors,
];
