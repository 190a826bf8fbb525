import type { Severity } from '../../events/severity.js';
import { defineFormat, type LineFormat } from '../define.js';

// "2026-11-22 04:30:26,316 WARN exited: migrator (exit status 1; not expected)": supervisor/loggers.py
// writes "%(asctime)s %(levelname)s %(message)s" with its own level names
const LINE = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d),(\d{3}) (CRIT|ERRO|WARN|INFO|DEBG|TRAC|BLAT) (.{1,65536})$/;
const LEVELS: Record<string, Severity> = { CRIT: 'critical', ERRO: 'error', WARN: 'warn', INFO: 'info', DEBG: 'debug', TRAC: 'trace', BLAT: 'trace' };
// a "word: " head is one of supervisord's process-state verbs; anything else ("Foo: ...", "com.x.Y - ...",
// "[main] ...") is a log4j-style logger or thread, left to log4j
const HEAD = /^([A-Za-z][\w.$-]*)(:| -) /;
const VERBS = new Set(['spawned', 'success', 'exited', 'stopped', 'spawnerr', 'killing', 'waiting', 'gave', 'reaped', 'received', 'stopping', 'supervisord']);
// the program a state line names: "exited: NAME (", "spawned: 'NAME' with", "gave up: NAME entered"
const PROGRAM = /^(?:spawned: '([^'\s]{1,128})'|(?:success|exited|stopped|spawnerr|gave up): ([^\s(]{1,128})|waiting for ([^\s]{1,128}) to )/;

/**
 * supervisord's own log (supervisor/loggers.py): local time with milliseconds, its four-letter
 * level names (CRIT ERRO WARN INFO DEBG TRAC BLAT) and the message. Process-state lines give
 * fields.program: "exited: NAME (exit status 1; not expected)", "spawned: 'NAME' with pid N".
 */
export const supervisord = defineFormat<LineFormat>({
  name: 'supervisord',
  description: "supervisord's own log: program spawned / exited (exit status, signal) / gave up",
  producer: 'supervisord',
  shape: 'lines',
  pathHint: /(?:^|\/)supervisor(?:d)?[^/]*\.log(?:\.\d+)?$/,
  parse(line) {
    if (line.charCodeAt(0) !== 50 /* 2 */ || line.length < 30) return undefined;
    const m = LINE.exec(line);
    if (!m) return undefined;
    const message = m[9]!;
    const head = HEAD.exec(message);
    if (head && (head[2] !== ':' || !VERBS.has(head[1]!)) && !message.startsWith('gave up: ')) return undefined;
    // its messages start with a letter: log4j's padded levels ("INFO  [main]"), bracketed threads and
    // Python's "%(process)d [%(name)s]" are other layouts
    const c = message.charCodeAt(0) | 32;
    if (c < 97 || c > 122) return undefined;
    const wallMs = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +m[7]!);
    if (Number.isNaN(wallMs)) return undefined;
    const p = PROGRAM.exec(message);
    const program = p ? (p[1] ?? p[2] ?? p[3] ?? null) : null;
    return {
      wallMs,
      timeText: line.slice(0, 23),
      severity: LEVELS[m[8]!]!,
      process: 'supervisord',
      message,
      fields: program !== null ? { program } : null,
    };
  },
  samples: [
    {
      text: '2026-11-22 04:30:26,316 WARN exited: migrator (exit status 1; not expected)',
      expect: { wallMs: Date.UTC(2026, 10, 22, 4, 30, 26, 316), severity: 'warn', process: 'supervisord', logger: undefined, message: 'exited: migrator (exit status 1; not expected)', fields: { program: 'migrator' } },
    },
    {
      text: "2026-11-22 04:30:26,238 INFO spawned: 'billing-worker' with pid 27168",
      expect: { severity: 'info', message: "spawned: 'billing-worker' with pid 27168", fields: { program: 'billing-worker' } },
    },
    {
      text: '2026-11-22 04:30:31,004 INFO gave up: migrator entered FATAL state, too many start retries too quickly',
      expect: { fields: { program: 'migrator' } },
    },
    { text: '2026-11-22 04:30:25,193 CRIT Supervisor is running as root.  Privileges were not dropped because no user is specified in the config file.', expect: { severity: 'critical', fields: null } },
  ],
});
