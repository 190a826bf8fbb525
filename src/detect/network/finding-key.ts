import type { Finding } from '../finding.js';

/**
 * Names what a stream detector's finding is about (a pid, a port, a series). The runner merges
 * findings of one detector and host from different files within seconds as one fact reported twice
 * (ss and netstat showing one pile-up); it reads this key to keep findings about different things
 * apart. Without it, two processes at their fd limits in one snapshot would merge into one.
 */
export function withMergeKey(f: Omit<Finding, 'id'>, key: string): Omit<Finding, 'id'> {
  f.mergeKey = key || '-';
  return f;
}
