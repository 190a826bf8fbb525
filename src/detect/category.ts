/** The contract's categories (CONTRACT.md): none is removed or renamed. */
export const CATEGORIES = [
  'oom-kill', 'memory-leak', 'memory-pressure', 'gc-pause', 'process-crash', 'crash-loop', 'process-stall',
  'hot-loop', 'log-flood', 'fd-exhaustion', 'close-wait-buildup', 'conn-pool-exhaustion', 'thread-pool-exhaustion',
  'disk-full', 'cpu-saturation', 'poison-message', 'consumer-lag', 'coordination-session-loss', 'quorum-member-loss',
  'network-partition', 'connection-refused', 'connection-reset', 'timeout', 'mass-task-stop', 'config-error', 'clock-skew',
] as const;

export type Category = (typeof CATEGORIES)[number];
