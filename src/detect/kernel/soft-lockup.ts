import { signature } from '../define.js';

/**
 * The soft-lockup watchdog (kernel/watchdog.c): a CPU ran kernel code without scheduling for longer
 * than 2 × watchdog_thresh: "watchdog: BUG: soft lockup - CPU#3 stuck for 23s! [java:4242]" (older
 * kernels prefix "NMI watchdog: "). Filed as process-stall, not cpu-saturation: nothing else runs on
 * that CPU meanwhile and the named task makes no progress; the cause is a kernel loop or a starved
 * vCPU (hypervisor steal), not too much user work, which is what cpu-saturation means.
 */
export const kernelSoftLockup = signature({
  name: 'kernel-soft-lockup',
  category: 'process-stall',
  software: 'linux-kernel',
  description: 'The soft-lockup watchdog saw a CPU stuck in the kernel (CPU, seconds and the task on it as facts)',
  formats: '*',
  prefilter: 'BUG: soft lockup',
  match: /BUG: soft lockup - CPU#(\d+) stuck for (\d+)s! \[(.{1,64}?):(\d+)\]/,
  severity: 'error',
  hit(m) {
    const cpu = Number(m[1]);
    const stuckSec = Number(m[2]);
    const process = m[3]!;
    const pid = Number(m[4]);
    return {
      facts: { cpu, stuckSec },
      process,
      pid,
      key: `cpu${cpu}`,
      title: `kernel soft lockup: CPU#${cpu} stuck for ${stuckSec} s in ${process} (pid ${pid})`,
    };
  },
  samples: {
    hit: [
      '[Sun May 10 15:47:41 2026] watchdog: BUG: soft lockup - CPU#3 stuck for 23s! [java:38581]',
      'May 10 15:47:41 db-1 kernel: [8812466.010203] NMI watchdog: BUG: soft lockup - CPU#0 stuck for 22s! [kworker/0:1:97]',
    ],
    miss: [
      '[Sun May 10 15:47:41 2026] watchdog: Watchdog detected hard LOCKUP on cpu 2',
      '2024-03-02 11:04:05,210 [main] INFO  app.Debug - no soft lockup detected on CPU#3',
    ],
  },
});
