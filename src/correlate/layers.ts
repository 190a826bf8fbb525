import type { Category } from '../detect/category.js';

/**
 * Where a category sits in the stack, lowest first. A cause usually sits at or below its effects:
 * kernel and resources → managed runtime → middleware and coordination → application.
 */
export type Layer = 'resource' | 'runtime' | 'middleware' | 'application';

export const LAYER: Record<Category, Layer> = {
  'oom-kill': 'resource', 'memory-leak': 'resource', 'memory-pressure': 'resource', 'disk-full': 'resource',
  'cpu-saturation': 'resource', 'fd-exhaustion': 'resource', 'network-partition': 'resource', 'clock-skew': 'resource',
  'config-error': 'resource', 'poison-message': 'resource',
  'gc-pause': 'runtime', 'process-crash': 'runtime', 'crash-loop': 'runtime', 'process-stall': 'runtime', 'hot-loop': 'runtime',
  'close-wait-buildup': 'runtime',
  'quorum-member-loss': 'middleware', 'coordination-session-loss': 'middleware', 'conn-pool-exhaustion': 'middleware',
  'thread-pool-exhaustion': 'middleware', 'consumer-lag': 'middleware',
  'mass-task-stop': 'application', 'timeout': 'application', 'connection-refused': 'application', 'connection-reset': 'application',
  'log-flood': 'application',
};

export const LAYER_RANK: Record<Layer, number> = { resource: 0, runtime: 1, middleware: 2, application: 3 };
