import { signature } from '../define.js';

/**
 * Real-time tasks used up sched_rt_runtime_us of every sched_rt_period_us (95 % by default) and the
 * scheduler held them back (kernel/sched/rt.c, printed once per boot): "sched: RT throttling activated".
 * A SCHED_FIFO/RR task is spinning, and everything else on its CPU starved until then.
 */
export const kernelRtThrottling = signature({
  name: 'kernel-rt-throttling',
  category: 'cpu-saturation',
  software: 'linux-kernel',
  description: 'Real-time tasks exhausted their CPU budget and the scheduler throttled them',
  formats: '*',
  prefilter: 'RT throttling activated',
  match: /sched: RT throttling activated/,
  severity: 'warning',
  hit() {
    return { facts: { rtThrottled: true }, process: 'kernel', pid: null, key: 'rt', title: 'real-time tasks hit the RT bandwidth limit: the scheduler throttled them (a SCHED_FIFO/RR task spins)' };
  },
  samples: {
    hit: ['[Sun May 10 15:47:41 2026] sched: RT throttling activated', 'May 10 15:47:41 rt-1 kernel: [8812466.010203] sched: RT throttling activated'],
    miss: ['[Sun May 10 15:47:41 2026] sched: RT throttling disabled by sysctl kernel.sched_rt_runtime_us=-1'],
  },
});
