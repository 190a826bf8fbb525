import { signature } from '../define.js';

/**
 * A Go pool's acquire that gave up: pgxpool's Acquire returns the context's error, so services log
 * "failed to acquire connection: context deadline exceeded" (or pgx v5/puddle's "resource not
 * available" from TryAcquire, or "timeout"); the same wording comes from other pools in other languages.
 * A deadline on the query itself ("failed to execute query: context deadline exceeded") is not this.
 */
export const poolAcquireTimeout = signature({
  name: 'pool-acquire-timeout',
  category: 'conn-pool-exhaustion',
  software: 'pgx (pgxpool), generic pools',
  description: 'Acquiring a connection from a pool failed on its deadline ("failed to acquire connection: context deadline exceeded")',
  formats: '*',
  prefilter: ['cquir'],
  match: /\b[Aa]cquir(?:e|ing)(?: a| the)?(?: db| database| pg| pgx| pool(?:ed)?| sql)? conn(?:ection)?s?\b[^\n]{0,80}?\b(context deadline exceeded|timed? ?out|timeout|resource not available|context canceled)/,
  severity: 'error',
  hit(m) {
    return { facts: { error: m[1]! }, key: m[1]!, title: `connection pool acquire failed: ${m[1]}` };
  },
  samples: {
    hit: [
      '2026-05-10T15:45:40.100Z\tERROR\tstore/orders.go:88\tfailed to acquire connection: context deadline exceeded',
      'time=2026-05-10T15:45:40.100Z level=error msg="failed to acquire connection from pool: timeout" pool=orders',
    ],
    miss: [
      '2026-05-10T15:45:40.100Z\tERROR\tstore/orders.go:88\tfailed to execute query: context deadline exceeded',
      '2026-05-10T15:45:40.100Z\tDEBUG\tstore/orders.go:80\tacquired connection in 3ms',
    ],
  },
});
