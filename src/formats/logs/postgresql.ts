import type { Fields } from '../../events/event.js';
import type { Severity } from '../../events/severity.js';
import { offsetMinutes } from '../../events/time.js';
import { defineFormat, type FormatSample, type Parsed, type RecordOutline } from '../define.js';

/**
 * PostgreSQL server logs written to stderr with the Debian default log_line_prefix '%m [%p] '
 * ("2024-03-02 11:04:05.123 UTC [1234] LOG:  msg"), or '%m [%p] %q%u@%d ' / '%t [%p-%l] %q%u@%d '
 * (user@database after the pid; %q leaves it out for background processes), maybe an application
 * name after it; or pgBadger's '%t [%p]: [%l-1] user=%u,db=%d,app=%a,client=%h '.
 *
 * One error report spans several lines: the DETAIL/HINT/CONTEXT/STATEMENT/QUERY/LOCATION lines that
 * follow it (each with its own prefix) and tab-indented lines of multi-line text are joined to it,
 * and `finishRecord` puts them in fields.detail, hint, context, statement, query.
 *
 * Zone: %m prints the log_timezone's abbreviation. UTC/GMT and numeric offsets ("+08") are used;
 * other abbreviations are ambiguous (CST is China, US Central or Cuba) so the time is read in the
 * run's zone (--tz), and timeText keeps the abbreviation.
 */
// user names hold no '@' (else a long run of them backtracks quadratically); database names may
const LEVELS = 'DEBUG[1-5]|LOG|INFO|NOTICE|WARNING|ERROR|FATAL|PANIC';
const FOLLOW_UPS = 'DETAIL|HINT|CONTEXT|STATEMENT|QUERY|LOCATION';
const PREFIX = '(\\d{4})-(\\d\\d)-(\\d\\d) (\\d\\d):(\\d\\d):(\\d\\d)(?:\\.(\\d{1,6}))? ([A-Za-z]{1,6}|[+-]\\d\\d(?::?\\d\\d)?) \\[(\\d+)(?:-(\\d+))?\\]:? (?:\\[(\\d+)-\\d+\\] )?(?:([^\\s@]*)@(\\S*) )?(?:(\\S+) )?';
const LINE = new RegExp(`^${PREFIX}(${LEVELS}):  (.*)$`);
const FOLLOW_UP = new RegExp(`^${PREFIX}(${FOLLOW_UPS}):  (.*)$`);
const MAX_FIELD_CHARS = 4096;

const SEVERITY: Record<string, Severity> = {
  LOG: 'info', INFO: 'info', NOTICE: 'notice', WARNING: 'warn', ERROR: 'error',
  // FATAL ends one session (the server goes on); PANIC takes the whole server down
  FATAL: 'critical', PANIC: 'fatal',
};

// typed here: the samples' differing field sets would otherwise widen defineFormat's inferred type
const SAMPLES: readonly FormatSample[] = [
  {
    text: '2024-03-02 11:04:05.123 UTC [1234] LOG:  database system is ready to accept connections',
    expect: { wallMs: Date.UTC(2024, 2, 2, 11, 4, 5, 123), offsetMin: 0, severity: 'info', process: 'postgres', pid: 1234, message: 'database system is ready to accept connections', fields: { pgLevel: 'LOG' } },
  },
  {
    text: '2024-03-02 11:04:05.123 CST [13241] postgres@orders FATAL:  sorry, too many clients already',
    expect: { offsetMin: undefined, timeText: '2024-03-02 11:04:05.123 CST', severity: 'critical', pid: 13241, fields: { pgLevel: 'FATAL', user: 'postgres', database: 'orders' } },
  },
  {
    text: '2024-03-02 11:04:05 +08 [1234-3] app@shop ERROR:  canceling statement due to statement timeout',
    expect: { offsetMin: 480, severity: 'error', message: 'canceling statement due to statement timeout', fields: { pgLevel: 'ERROR', sessionLine: 3, user: 'app', database: 'shop' } },
  },
];

export const postgresql = defineFormat({
  name: 'postgresql',
  description: "PostgreSQL server logs with log_line_prefix '%m [%p] ' (Debian default) or '%m [%p] %q%u@%d ', DETAIL/HINT/STATEMENT lines joined",
  producer: 'postgresql',
  shape: 'lines',
  pathHint: /(?:^|\/)(?:postgresql|postgres|pg)[^/]*\.log(?:\.\d+)?$|\/pg_log\/|\/postgresql\//i,
  continuation: new RegExp(`^(?:\\t|\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)? \\S+ \\[\\d+(?:-\\d+)?\\]:? (?:\\S+ ){0,3}(?:${FOLLOW_UPS}):  )`),
  parse(line) {
    const c = line.charCodeAt(0);
    if (c < 48 || c > 57 || line.charCodeAt(4) !== 45) return undefined;
    const m = LINE.exec(line);
    if (!m) return undefined;
    const frac = m[7];
    const wallMs = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, frac ? Math.floor(Number((frac + '00').slice(0, 3))) : 0);
    if (Number.isNaN(wallMs)) return undefined;
    const zone = m[8]!;
    const level = m[15]!;
    const fields: Fields = { pgLevel: level };
    const sessionLine = m[10] ?? m[11];
    if (sessionLine !== undefined) fields.sessionLine = Number(sessionLine);
    if (m[12] !== undefined) {
      fields.user = m[12];
      fields.database = m[13]!;
    }
    if (m[14] !== undefined) {
      if (m[14].startsWith('user=') || m[14].startsWith('db=')) addKeyValues(fields, m[14]);
      else fields.application = m[14];
    }
    const out: Parsed = {
      wallMs,
      timeText: line.slice(0, line.indexOf(' [')),
      severity: SEVERITY[level] ?? 'debug',
      process: 'postgres',
      pid: Number(m[9]),
      message: m[16]!,
      fields,
    };
    const offsetMin = offsetMinutes(zone);
    if (offsetMin !== undefined) out.offsetMin = offsetMin;
    return out;
  },
  finishRecord(text: string, first: RecordOutline): RecordOutline {
    const fields: Fields = { ...first.fields };
    let key: string | null = null;
    let start = text.indexOf('\n') + 1;
    while (start > 0 && start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const line = text.slice(start, end);
      if (line.charCodeAt(0) === 9) {
        // a tab-indented line goes on with the text above it (a multi-line DETAIL or statement)
        const prev = key === null ? null : fields[key];
        if (key !== null && typeof prev === 'string' && prev.length < MAX_FIELD_CHARS) fields[key] = `${prev}\n${line.slice(1)}`.slice(0, MAX_FIELD_CHARS);
      } else {
        const f = FOLLOW_UP.exec(line);
        key = f ? f[15]!.toLowerCase() : null;
        if (f && key !== null && fields[key] === undefined) fields[key] = f[16]!.slice(0, MAX_FIELD_CHARS);
        else key = null;
      }
      start = end + 1;
    }
    return { severity: first.severity, fields };
  },
  samples: SAMPLES,
});

const KEY_NAMES: Record<string, string> = { user: 'user', db: 'database', app: 'application', client: 'client' };

/** pgBadger's "user=app,db=shop,app=psql,client=127.0.0.1" prefix part. */
function addKeyValues(fields: Fields, text: string): void {
  for (const pair of text.split(',', 8)) {
    const eq = pair.indexOf('=');
    const name = eq > 0 ? KEY_NAMES[pair.slice(0, eq)] : undefined;
    if (name !== undefined && eq < pair.length - 1) fields[name] = pair.slice(eq + 1);
  }
}
