import { signature } from '../define.js';

/**
 * HikariCP: a borrower gave up ("HikariPool-1 - Connection is not available, request timed out after
 * 30000ms", 5.1+ appends "(total=10, active=10, idle=0, waiting=3)"), or the pool's own state line
 * ("Pool stats", "Before/After cleanup stats", 2.x-3.x "Timeout failure stats") showing every
 * connection busy with threads waiting. A stats line with idle connections or nobody waiting is health.
 */
export const hikariPoolExhausted = signature({
  name: 'hikaricp-pool-exhausted',
  category: 'conn-pool-exhaustion',
  software: 'hikaricp',
  description: 'HikariCP: connection requests timed out, or pool stats with all connections active and threads waiting',
  formats: '*',
  prefilter: ['Connection is not available', 'stats (total='],
  match: /(\S{1,128}) - (?:Connection is not available, request timed out after (\d{1,9})ms\.?|(?:Pool|Before cleanup|After cleanup|Timeout failure) stats )(?:\s?\(total=(\d{1,6}), active=(\d{1,6}), idle=(\d{1,6}), waiting=(\d{1,7})\))?/,
  severity: 'error',
  hit(m) {
    const timedOut = m[2] !== undefined;
    const num = (v: string | undefined) => (v === undefined ? null : Number(v));
    const [total, active, idle, waiting] = [num(m[3]), num(m[4]), num(m[5]), num(m[6])];
    if (!timedOut && (waiting === null || waiting === 0 || (idle !== null && idle > 0))) return undefined;
    const pool = m[1]!;
    return {
      facts: { pool, waitMs: timedOut ? Number(m[2]) : null, maxOpen: total, inUse: active, idle, waiting },
      key: pool,
      title: timedOut
        ? `HikariCP ${pool}: connection request timed out after ${m[2]} ms${active !== null ? ` (${active}/${total} active, ${waiting} waiting)` : ''}`
        : `HikariCP ${pool} exhausted: ${active}/${total} connections active, ${waiting} threads waiting`,
    };
  },
  samples: {
    hit: [
      '2026-05-10 15:45:40.100 ERROR 4411 --- [nio-8080-exec-9] o.h.engine.jdbc.spi.SqlExceptionHelper   : HikariPool-1 - Connection is not available, request timed out after 30005ms.',
      '2026-05-10 15:45:40,100 DEBUG [HikariPool-1 housekeeper] com.zaxxer.hikari.pool.HikariPool - HikariPool-1 - Pool stats (total=10, active=10, idle=0, waiting=42)',
    ],
    miss: [
      '2026-05-10 15:45:40,100 DEBUG [HikariPool-1 housekeeper] com.zaxxer.hikari.pool.HikariPool - HikariPool-1 - Pool stats (total=10, active=3, idle=7, waiting=0)',
      '2026-05-10 15:40:00,100 INFO  [main] com.zaxxer.hikari.HikariDataSource - HikariPool-1 - Start completed.',
    ],
  },
});
