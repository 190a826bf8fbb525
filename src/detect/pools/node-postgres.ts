import { signature } from '../define.js';

/**
 * node-postgres (pg-pool): a caller queued for a client longer than connectionTimeoutMillis while
 * every client of the pool was checked out: "Error: timeout exceeded when trying to connect". A
 * connect that itself timed out reads "Connection terminated due to connection timeout" and is not this.
 */
export const nodePostgresPoolTimeout = signature({
  name: 'node-postgres-pool-timeout',
  category: 'conn-pool-exhaustion',
  software: 'node-postgres',
  description: 'node-postgres pool: "timeout exceeded when trying to connect" (callers queued for a client)',
  formats: '*',
  prefilter: 'timeout exceeded when trying to connect',
  match: /timeout exceeded when trying to connect/,
  severity: 'error',
  hit() {
    return { facts: { pool: 'pg-pool' }, key: 'pg-pool', title: 'node-postgres pool: callers timed out waiting for a client' };
  },
  samples: {
    hit: ['{"level":50,"time":1778427940100,"pid":311,"hostname":"web-2","msg":"query failed: Error: timeout exceeded when trying to connect"}'],
    miss: ['{"level":50,"time":1778427940100,"pid":311,"hostname":"web-2","msg":"query failed: Error: Connection terminated due to connection timeout"}'],
  },
});
