import { signature } from '../define.js';

/**
 * PostgreSQL cancelled work on one of its timeouts: "canceling statement due to statement timeout",
 * "... due to lock timeout", "terminating connection due to idle-in-transaction timeout" (9.6+),
 * "terminating connection due to idle-session timeout" (14+). A cancel "due to user request" is a
 * client's choice (often its own timeout) and is not counted here.
 */
export const postgresStatementTimeout = signature({
  name: 'postgres-statement-timeout',
  category: 'timeout',
  software: 'postgresql',
  description: 'PostgreSQL cancelled a statement or ended a session on statement_timeout, lock_timeout or an idle timeout',
  formats: '*',
  prefilter: [' due to statement timeout', ' due to lock timeout', ' due to idle-in-transaction timeout', ' due to idle-session timeout'],
  match: /(canceling statement|terminating connection) due to (statement|lock|idle-in-transaction|idle-session) timeout/,
  severity: 'error',
  hit(m, e) {
    const which = `${m[2]}_timeout`.replace(/-/g, '_');
    const stmt = e.fields?.['statement'];
    return {
      facts: {
        timeout: which === 'idle_in_transaction_timeout' ? 'idle_in_transaction_session_timeout' : which === 'idle_session_timeout' ? 'idle_session_timeout' : which,
        statement: typeof stmt === 'string' ? stmt.slice(0, 200) : null,
        database: typeof e.fields?.['database'] === 'string' ? e.fields['database'] : null,
      },
      key: which,
      title: `PostgreSQL${e.host ? ` on ${e.host}` : ''} ${m[1] === 'canceling statement' ? 'cancelled a statement' : 'ended a session'} on its ${m[2]} timeout`,
    };
  },
  samples: {
    hit: [
      '2026-11-22 04:11:37.671 UTC [13086] ERROR:  canceling statement due to statement timeout',
      '2026-11-22 04:11:37.671 UTC [13087] app@shop FATAL:  terminating connection due to idle-in-transaction timeout',
    ],
    miss: ['2026-11-22 04:11:37.671 UTC [13086] ERROR:  canceling statement due to user request'],
  },
});
