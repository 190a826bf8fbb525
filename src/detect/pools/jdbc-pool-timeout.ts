import { signature } from '../define.js';

/**
 * The other Java pools' "no connection within the wait time": c3p0 ("An attempt by a client to
 * checkout a Connection has timed out", resourcepool "A client timed out while waiting to acquire a
 * resource"), Apache Commons DBCP ("Cannot get a connection, pool error Timeout waiting for idle
 * object"), Tomcat JDBC ("Timeout: Pool empty. Unable to fetch a connection in 30 seconds, none
 * available[size:100; busy:100; idle:0; lastwait:30000]").
 */
export const jdbcPoolTimeout = signature({
  name: 'jdbc-pool-timeout',
  category: 'conn-pool-exhaustion',
  software: 'c3p0, commons-dbcp, tomcat-jdbc',
  description: 'c3p0, DBCP or Tomcat JDBC pool: a checkout timed out waiting for a free connection',
  formats: '*',
  prefilter: ['checkout a Connection has timed out', 'waiting to acquire a resource', 'Timeout waiting for idle object', 'Pool empty. Unable to fetch a connection'],
  match: /(An attempt by a client to checkout a Connection has timed out|A client timed out while waiting to acquire a resource)|(Timeout waiting for idle object)(?:, borrowMaxWaitDuration=PT(\d+(?:\.\d+)?)S)?|(Pool empty)\. Unable to fetch a connection in (\d{1,7}) seconds, none available\[size:(\d{1,6}); busy:(\d{1,6}); idle:(\d{1,6})/,
  severity: 'error',
  hit(m) {
    const pool = m[1] ? 'c3p0' : m[2] ? 'dbcp' : 'tomcat-jdbc';
    const waitMs = m[3] !== undefined ? Number(m[3]) * 1000 : m[5] !== undefined ? Number(m[5]) * 1000 : null;
    const maxOpen = m[6] !== undefined ? Number(m[6]) : null;
    const inUse = m[7] !== undefined ? Number(m[7]) : null;
    return {
      facts: { pool, waitMs, maxOpen, inUse, idle: m[8] !== undefined ? Number(m[8]) : null },
      key: pool,
      title: `${pool} connection pool: checkout timed out${waitMs !== null ? ` after ${waitMs / 1000} s` : ''}${inUse !== null ? ` (${inUse}/${maxOpen} busy)` : ''}`,
    };
  },
  samples: {
    hit: [
      '2026-05-10 15:45:40,100 WARN  [http-nio-8080-exec-3] c.e.Repo - java.sql.SQLException: An attempt by a client to checkout a Connection has timed out.',
      '2026-05-10 15:45:40,100 ERROR [worker-2] c.e.Repo - org.apache.commons.dbcp2.SQLExceptionList: Cannot get a connection, pool error Timeout waiting for idle object, borrowMaxWaitDuration=PT10S',
      '2026-05-10 15:45:40,100 ERROR [worker-2] c.e.Repo - org.apache.tomcat.jdbc.pool.PoolExhaustedException: [http-nio-8080-exec-7] Timeout: Pool empty. Unable to fetch a connection in 30 seconds, none available[size:100; busy:100; idle:0; lastwait:30000].',
    ],
    miss: ['2026-05-10 15:40:00,100 INFO  [main] c.m.v.c.i.AbstractPoolBackedDataSource - Initializing c3p0 pool... checkoutTimeout -> 30000, maxPoolSize -> 50'],
  },
});
