import { signature } from '../define.js';

/**
 * PostgreSQL refused a connection because every slot is taken: "FATAL:  sorry, too many clients
 * already" (max_connections reached) or "FATAL:  remaining connection slots are reserved for
 * non-replication superuser connections" (<= 15; 16+: "... reserved for roles with the SUPERUSER
 * attribute" / "... with privileges of the "pg_use_reserved_connections" role"). Server-side pool
 * exhaustion: clients also print the server's words ("pq: sorry, too many clients already").
 */
export const postgresTooManyClients = signature({
  name: 'postgres-too-many-clients',
  category: 'conn-pool-exhaustion',
  software: 'postgresql',
  description: 'PostgreSQL refused connections: max_connections reached or only reserved slots left',
  formats: '*',
  prefilter: ['too many clients already', 'remaining connection slots are reserved'],
  match: /(sorry, too many clients already)|remaining connection slots are reserved for (non-replication superuser connections|roles with the SUPERUSER attribute|roles with privileges of the "pg_use_reserved_connections" role)/,
  severity: 'error',
  hit(m, e) {
    const reason = m[1] ? 'max-connections' : 'reserved-slots';
    const f = e.fields;
    const server = e.format === 'postgresql';
    return {
      facts: {
        reason, side: server ? 'server' : 'client',
        user: typeof f?.['user'] === 'string' ? f['user'] : null, database: typeof f?.['database'] === 'string' ? f['database'] : null,
      },
      key: reason,
      title: `PostgreSQL${server && e.host ? ` on ${e.host}` : ''} refused connections${!server && e.host ? ` from ${e.host}` : ''}: ${reason === 'max-connections' ? 'too many clients (max_connections reached)' : 'only reserved connection slots left'}`,
    };
  },
  samples: {
    hit: [
      '2026-11-22 04:11:36.254 UTC [13028] FATAL:  sorry, too many clients already',
      '2026-11-22 04:11:36.254 UTC [13029] app@shop FATAL:  remaining connection slots are reserved for non-replication superuser connections',
      '2026/11/22 04:11:36 query failed: pq: sorry, too many clients already',
    ],
    miss: [
      '2026-11-22 04:11:30.001 UTC [13000] LOG:  parameter "max_connections" cannot be changed without restarting the server',
      '2026-11-22 04:11:36.254 UTC [13028] FATAL:  password authentication failed for user "app"',
    ],
  },
});
