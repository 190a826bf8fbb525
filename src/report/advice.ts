import type { Category } from '../detect/category.js';
import type { Lang } from './i18n/index.js';

/**
 * Next checks and fixes per root-cause category, as data: what to look at next and what usually
 * fixes it. Each category has the same items in both languages, in the same order.
 */
export const ADVICE: Record<Lang, Record<Category, readonly string[]>> = {
  en: {
    'oom-kill': [
      'Put a memory limit (cgroup memory.max, Kubernetes resources.limits.memory) on the process that grew, so it cannot take its neighbours down with it.',
      'Find what grew: a heap dump or /proc/PID/smaps of the process while it is big, and its memory metrics before the kill.',
      'Cap the growth in the process itself (bounded caches and queues, a heap limit such as -Xmx or GOMEMLIMIT).',
      'Keep critical services (ensemble members, databases) off hosts that run unbounded batch or test workloads, or protect them with oom_score_adj.',
    ],
    'memory-leak': [
      'Take two heap dumps or smaps snapshots some time apart and compare what grew.',
      'Bound the growth: cap caches, queues and buffers; set a memory limit so a leak ends in a restart of one process, not a host.',
      'Alert on memory growth rate, not only on the absolute level.',
    ],
    'memory-pressure': [
      'See who holds the memory: ps/top sorted by RSS, cgroup memory.stat, slab usage.',
      'Set memory requests and limits for every workload on the host; do not overcommit hosts that run latency-sensitive services.',
      'Check swap: either size it on purpose or turn it off for hosts that run JVMs and ensemble members.',
    ],
    'gc-pause': [
      'Read the GC log around the pause: heap occupancy before and after, the cause (allocation failure, humongous, full GC).',
      'Size the heap for the live set, and choose a collector for pauses (G1 with a pause target, ZGC, Shenandoah).',
      'Make timeouts (session, heartbeat, sync limits) longer than the worst pause, or make the pauses shorter than the timeouts.',
      'Check that the host did not swap during the pause.',
    ],
    'process-crash': [
      'Read the crash itself: signal, exit status, core dump or panic trace, and the last lines before it.',
      'Reproduce with the same input and version; check for a recent deploy or configuration change.',
      'Make the supervisor restart with back-off and alert on the first crash.',
    ],
    'crash-loop': [
      'Find the first crash of the loop: its reason is the cause; later ones repeat it.',
      'Check what the process needs at start (configuration, a dependency, disk space, a record it re-reads) and whether that is what fails.',
      'Restart with exponential back-off and stop after N attempts so the loop does not hide or amplify the problem.',
    ],
    'process-stall': [
      'Take thread dumps or stack traces (jstack, SIGQUIT, /proc/PID/stack) while it is stalled.',
      'Check the host for reclaim, swap, I/O waits and hung-task messages at that time.',
      'Add a watchdog or liveness check that notices a stall before peers time out.',
    ],
    'hot-loop': [
      'Find the loop in the code: a receive on a channel must check its `ok` value, and a read on a closed connection must end the loop instead of retrying at once.',
      'Back off between retries (exponential with jitter), and cap them.',
      'Take a CPU profile or stack samples while it spins to confirm the spot.',
    ],
    'log-flood': [
      'Find the line that floods and the code that writes it; it usually sits in a retry or error path.',
      'Rate-limit or sample repeated log lines; log a count instead of each repetition.',
      'Rotate and cap log volume so a flood cannot fill the disk.',
    ],
    'fd-exhaustion': [
      'Raise the open-file limit only after fixing the leak; a higher limit only delays the same failure.',
      'Count descriptors by kind (lsof -p PID, ls -l /proc/PID/fd): sockets in CLOSE_WAIT, files or pipes left open.',
      'Close descriptors on every path, error paths included; alert when use passes a share of the limit.',
    ],
    'close-wait-buildup': [
      'Close what the peer closed: every read of EOF or error must lead to close() of that socket.',
      'Put timeouts on handlers and on reads, so a stuck handler cannot keep its socket forever.',
      'Find which handler holds them: ss -tanp state close-wait, grouped by peer and port.',
    ],
    'conn-pool-exhaustion': [
      'Compare the pool size with the load: concurrent requests times connections each, against the database\'s own limit.',
      'Set a timeout on acquiring a connection, and statement timeouts, so callers fail fast instead of queueing.',
      'Find the slow query or the lock that holds connections (pg_stat_activity, slow query log, lock waits).',
      'Check that every path returns its connection to the pool, error paths included.',
    ],
    'thread-pool-exhaustion': [
      'Take a thread dump: what are the busy workers waiting on?',
      'Bound the queue and reject early with a clear error instead of queueing without end.',
      'Put timeouts on the calls the workers make, so one slow dependency cannot hold every worker.',
    ],
    'disk-full': [
      'Find what filled it (du on the mount, deleted-but-open files in lsof).',
      'Rotate and cap logs and temporary files; alert on free space and on fill rate.',
      'Keep data, logs and transaction logs of critical services on separate volumes.',
    ],
    'cpu-saturation': [
      'See who burns it: top, pidstat, a CPU profile; for containers, cgroup cpu.stat throttling.',
      'Check the CPU quota against the real need; throttling shows as latency, not as 100% CPU.',
      'Separate latency-sensitive services from CPU-heavy neighbours.',
    ],
    'poison-message': [
      'Put a size cap on messages at the producer and at the consumer; reject what exceeds it.',
      'Send a record to a dead-letter queue after N failed attempts instead of retrying it for ever.',
      'Commit or skip the offset of a record that cannot be processed so the consumer moves on.',
    ],
    'consumer-lag': [
      'Check whether consumers are alive and progressing or restarting (crash loop, rebalances).',
      'Compare consume rate with produce rate; add consumers or partitions if throughput is the limit.',
      'Alert on lag in time, not only in messages.',
    ],
    'coordination-session-loss': [
      'The client must not drop its work on a session loss: retry the connection, keep its state, and reconcile once a new session is up.',
      'Tell a disconnect (wait, the session may survive) from an expiry (re-register ephemeral nodes and watches).',
      'Check the session timeout against GC pauses and network hiccups on both sides.',
    ],
    'quorum-member-loss': [
      'Find why the member left: its own host (OOM, pauses, disk) or the network between members.',
      'Keep ensemble members on dedicated hosts or with reserved memory and CPU.',
      'Check tickTime, initLimit and syncLimit against the pauses seen.',
    ],
    'network-partition': [
      'Check links, switches, firewalls and conntrack tables for the window; compare what each side saw.',
      'Make clients ride out short partitions: retries with back-off, and state kept across reconnects.',
    ],
    'connection-refused': [
      'Check whether the server was up and listening then (a crash, a restart, a full listen backlog).',
      'Retry with back-off and fail over to another instance where there is one.',
    ],
    'connection-reset': [
      'Find who reset: the server dying, a proxy or load balancer idle timeout, or a full accept queue.',
      'Match idle timeouts between clients, proxies and servers; use keep-alives.',
    ],
    'timeout': [
      'Find what the timed-out calls were waiting on (the slow dependency, a pool, a lock).',
      'Give each caller a timeout longer than those of the calls it makes (retries included), so the inner call fails first; bound retries by one budget.',
    ],
    'mass-task-stop': [
      'The service must not stop all its work when it cannot read its assignments: keep running what it has, and reconcile when the source is back.',
      'Treat "unavailable" differently from "empty"; guard against a sudden drop of most units of work.',
      'Alert on the number of running units of work falling sharply.',
    ],
    'config-error': [
      'Compare the setting with what the load needs, and with its value before the incident.',
      'Validate configuration at start and in review; keep limits documented next to the load they were sized for.',
    ],
    'clock-skew': [
      'Check NTP/chrony on every host; alert on offset.',
      'Do not let timeouts or leases depend on wall-clock time; use monotonic clocks.',
    ],
  },
  zh: {
    'oom-kill': [
      '给内存增长的那个进程设置内存上限（cgroup memory.max、Kubernetes resources.limits.memory），避免它拖垮同机的其他服务。',
      '查清是什么在增长：在进程变大时做堆转储或读取 /proc/PID/smaps，并查看被杀前的内存指标。',
      '在进程内部限制增长（有界的缓存和队列，设置堆上限如 -Xmx 或 GOMEMLIMIT）。',
      '关键服务（集群成员、数据库）不要与不限内存的批处理或测试任务混部，或用 oom_score_adj 保护它们。',
    ],
    'memory-leak': [
      '间隔一段时间做两次堆转储或 smaps 快照，对比增长的部分。',
      '限制增长：给缓存、队列和缓冲区设上限；设置内存限制，让泄漏只导致单个进程重启，而不是整台主机出问题。',
      '对内存增长速度告警，而不只是对绝对值告警。',
    ],
    'memory-pressure': [
      '查看内存被谁占用：按 RSS 排序的 ps/top、cgroup memory.stat、slab 使用情况。',
      '给主机上每个负载设置内存 request 和 limit；运行延迟敏感服务的主机不要超卖内存。',
      '检查 swap：要么有意识地配置大小，要么在运行 JVM 和集群成员的主机上关闭。',
    ],
    'gc-pause': [
      '查看停顿前后的 GC 日志：回收前后的堆占用、触发原因（分配失败、大对象、Full GC）。',
      '按存活数据量设置堆大小，并选择停顿更短的收集器（带停顿目标的 G1、ZGC、Shenandoah）。',
      '让超时（会话、心跳、sync 限制）长于最坏的停顿，或让停顿短于超时。',
      '确认停顿期间主机没有发生换页。',
    ],
    'process-crash': [
      '查看崩溃本身：信号、退出码、core dump 或 panic 堆栈，以及崩溃前的最后几行日志。',
      '用相同输入和版本复现；检查最近是否有发布或配置变更。',
      '让守护进程带退避地重启，并在第一次崩溃时告警。',
    ],
    'crash-loop': [
      '找到循环中的第一次崩溃：它的原因就是根因，后面的只是重复。',
      '检查进程启动时依赖的东西（配置、依赖服务、磁盘空间、会重新读取的某条记录）是否就是失败点。',
      '重启采用指数退避，并在 N 次后停止，避免循环掩盖或放大问题。',
    ],
    'process-stall': [
      '在停滞时抓取线程转储或堆栈（jstack、SIGQUIT、/proc/PID/stack）。',
      '检查当时主机上的内存回收、swap、I/O 等待和 hung task 信息。',
      '增加看门狗或存活检查，在对端超时前发现停滞。',
    ],
    'hot-loop': [
      '在代码里找到这个循环：从通道接收时必须检查 `ok`，读到已关闭的连接时必须退出循环，而不是立刻重试。',
      '重试之间加入退避（带抖动的指数退避），并限制次数。',
      '在空转时采集 CPU profile 或堆栈样本，确认具体位置。',
    ],
    'log-flood': [
      '找到刷屏的日志行和输出它的代码；通常在重试或错误处理路径上。',
      '对重复日志限流或采样；记录次数，而不是每次都打印。',
      '对日志做轮转和总量限制，避免刷屏写满磁盘。',
    ],
    'fd-exhaustion': [
      '先修复泄漏，再考虑调高打开文件数上限；只调高上限只会推迟同样的故障。',
      '按类型统计描述符（lsof -p PID、ls -l /proc/PID/fd）：CLOSE_WAIT 的套接字、未关闭的文件或管道。',
      '在所有路径（包括错误路径）上关闭描述符；使用量超过上限的一定比例时告警。',
    ],
    'close-wait-buildup': [
      '对端关闭的连接要关闭：每次读到 EOF 或错误都必须 close() 该套接字。',
      '给处理逻辑和读操作加超时，避免卡住的处理线程永远占着套接字。',
      '找出是哪个处理逻辑持有它们：ss -tanp state close-wait，按对端和端口分组。',
    ],
    'conn-pool-exhaustion': [
      '对比连接池大小与负载：并发请求数乘以每个请求占用的连接数，再对照数据库自身的连接上限。',
      '给获取连接设置超时，并设置语句超时，让调用方快速失败而不是排队。',
      '找出占着连接的慢查询或锁（pg_stat_activity、慢查询日志、锁等待）。',
      '确认所有路径（包括错误路径）都把连接归还给连接池。',
    ],
    'thread-pool-exhaustion': [
      '抓取线程转储：忙碌的工作线程在等什么？',
      '给队列设上限，尽早以明确的错误拒绝，而不是无限排队。',
      '给工作线程发起的调用加超时，避免一个慢依赖占住所有线程。',
    ],
    'disk-full': [
      '找出是什么写满的（对挂载点执行 du，用 lsof 查已删除但仍打开的文件）。',
      '对日志和临时文件做轮转和限额；对剩余空间和写入速度告警。',
      '关键服务的数据、日志和事务日志放在不同的卷上。',
    ],
    'cpu-saturation': [
      '查看谁在消耗 CPU：top、pidstat、CPU profile；容器则看 cgroup cpu.stat 中的限流。',
      '对照实际需求检查 CPU 配额；限流表现为延迟升高，而不是 CPU 100%。',
      '把延迟敏感的服务与 CPU 密集的邻居隔开。',
    ],
    'poison-message': [
      '在生产端和消费端都给消息设大小上限，超过的直接拒绝。',
      '同一条记录失败 N 次后转入死信队列，而不是无限重试。',
      '对无法处理的记录提交或跳过其 offset，让消费者继续前进。',
    ],
    'consumer-lag': [
      '检查消费者是否存活并在推进，还是在反复重启（崩溃循环、rebalance）。',
      '对比消费速度和生产速度；如果吞吐是瓶颈，增加消费者或分区。',
      '按时间而不只是按消息数对积压告警。',
    ],
    'coordination-session-loss': [
      '客户端不能在会话丢失时丢弃手上的工作：重试连接、保留状态，新会话建立后再做对账。',
      '区分断连（等待，会话可能还在）和过期（重新注册临时节点和 watch）。',
      '对照双方的 GC 停顿和网络抖动检查会话超时设置。',
    ],
    'quorum-member-loss': [
      '查清成员为何掉线：是它所在主机的问题（OOM、停顿、磁盘），还是成员之间的网络。',
      '集群成员部署在专用主机上，或预留内存和 CPU。',
      '对照观察到的停顿检查 tickTime、initLimit 和 syncLimit。',
    ],
    'network-partition': [
      '检查该时间段内的链路、交换机、防火墙和 conntrack 表；对比两端各自看到的情况。',
      '让客户端能扛过短暂分区：带退避的重试，重连后保留状态。',
    ],
    'connection-refused': [
      '检查服务端当时是否在运行并监听（崩溃、重启、监听队列满）。',
      '带退避地重试，有备用实例时切换过去。',
    ],
    'connection-reset': [
      '查清是谁重置的：服务端退出、代理或负载均衡的空闲超时，还是 accept 队列满。',
      '让客户端、代理和服务端的空闲超时相互匹配；使用 keep-alive。',
    ],
    'timeout': [
      '查清超时的调用在等什么（慢依赖、连接池、锁）。',
      '调用方的超时要长于它所发起调用的超时（包括重试），让内层调用先失败；重试总量受统一预算限制。',
    ],
    'mass-task-stop': [
      '服务在读不到任务分配时不能停掉所有工作：继续运行已有的任务，等数据源恢复后再对账。',
      '把“不可用”和“为空”区别对待；防止大部分任务被突然停掉。',
      '对运行中任务数的骤降告警。',
    ],
    'config-error': [
      '对比该配置与负载的实际需要，以及故障前的取值。',
      '在启动和评审时校验配置；在配置旁记录限值是按什么负载定的。',
    ],
    'clock-skew': [
      '检查每台主机的 NTP/chrony；对时钟偏移告警。',
      '超时和租约不要依赖墙上时钟；使用单调时钟。',
    ],
  },
};
