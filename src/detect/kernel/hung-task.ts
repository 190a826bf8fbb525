import { signature } from '../define.js';

/**
 * khungtaskd found a task in uninterruptible sleep (D state) longer than hung_task_timeout_secs
 * (kernel/hung_task.c): "INFO: task java:4242 blocked for more than 120 seconds." The task waits on
 * I/O, a lock or memory reclaim and makes no progress.
 */
export const kernelHungTask = signature({
  name: 'kernel-hung-task',
  category: 'process-stall',
  software: 'linux-kernel',
  description: 'A task sat in uninterruptible sleep longer than the hung-task timeout (task, pid and seconds as facts)',
  formats: '*',
  prefilter: ' blocked for more than ',
  match: /INFO: task (.{1,64}?):(\d+) blocked for more than (\d+) seconds\./,
  severity: 'error',
  hit(m) {
    const process = m[1]!;
    const pid = Number(m[2]);
    const blockedSec = Number(m[3]);
    return {
      facts: { blockedSec, hungTaskPid: pid },
      process,
      pid,
      key: String(pid),
      title: `kernel: task ${process} (pid ${pid}) blocked for more than ${blockedSec} s`,
    };
  },
  // khungtaskd reports a task again every timeout while it stays blocked
  mergeGapMs: 10 * 60_000,
  samples: {
    hit: [
      '[Sun May 10 15:47:41 2026] INFO: task java:38581 blocked for more than 120 seconds.',
      'May 10 15:47:41 db-1 kernel: [8812466.010203] INFO: task jbd2/sda1-8:312 blocked for more than 241 seconds.',
    ],
    miss: [
      '[Sun May 10 15:47:41 2026] "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.',
      '2024-03-02 11:04:05,210 [main] WARN  app.Jobs - task import:7 blocked for more than expected',
    ],
  },
});
