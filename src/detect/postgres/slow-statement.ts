import { signature } from '../define.js';

/** A statement this slow is a call that, for most clients, has already timed out. */
export const SLOW_STATEMENT_MS = 10_000;

/**
 * log_min_duration_statement / log_duration reports: "duration: 12345.678 ms  statement: SELECT ...",
 * "duration: 12345.678 ms  execute <unnamed>: ...". Fast statements are logged too when the setting is
 * low: only those past SLOW_STATEMENT_MS make a finding (category timeout: the callers waited that long).
 */
export const postgresSlowStatement = signature({
  name: 'postgres-slow-statement',
  category: 'timeout',
  software: 'postgresql',
  description: `PostgreSQL statements that ran for ${SLOW_STATEMENT_MS / 1000} s or more (log_min_duration_statement)`,
  formats: ['postgresql'],
  prefilter: 'duration: ',
  match: /^duration: (\d{1,12}(?:\.\d{1,6})?) ms(?:\s+(statement|execute [^:]{1,64}|parse [^:]{1,64}|bind [^:]{1,64}): ([^\n]{0,200}))?/,
  severity: 'warning',
  hit(m, e) {
    const durationMs = Number(m[1]);
    if (!(durationMs >= SLOW_STATEMENT_MS)) return undefined;
    const statement = m[3] ?? (typeof e.fields?.['statement'] === 'string' ? e.fields['statement'].slice(0, 200) : null);
    return {
      facts: { durationMs, statement, database: typeof e.fields?.['database'] === 'string' ? e.fields['database'] : null },
      key: typeof e.fields?.['database'] === 'string' ? e.fields['database'] : '',
      title: `PostgreSQL${e.host ? ` on ${e.host}` : ''} statement ran ${(durationMs / 1000).toFixed(1)} s${statement ? `: ${statement.slice(0, 60)}` : ''}`,
    };
  },
  samples: {
    hit: ['2026-11-22 04:23:02.460 UTC [9764] postgres@pricing LOG:  duration: 32168.512 ms  statement: UPDATE price_book SET price_cents = price_cents + 1'],
    miss: ['2026-11-22 04:22:22.340 UTC [9575] postgres@pricing LOG:  duration: 12.345 ms  execute <unnamed>: SELECT price_cents, updated_at FROM price_book WHERE sku = $1'],
  },
});
