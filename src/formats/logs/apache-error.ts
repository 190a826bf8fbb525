import type { Fields } from '../../events/event.js';
import { severityFromWord } from '../../events/severity.js';
import { fractionToMs, monthIndex } from '../../events/time.js';
import { defineFormat, type Parsed } from '../define.js';

// 2.4: "[Sat Mar 02 11:04:05.123456 2024] [proxy:error] [pid 1234:tid 5678] [client 1.2.3.4:5] (111)Connection refused: AH00957: msg"
// 2.2: "[Sat Mar 02 11:04:05 2024] [error] [client 1.2.3.4] msg"
const LINE =
  /^\[[A-Z][a-z]{2} ([A-Z][a-z]{2}) (\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d+))? (\d{4})\] \[(?:([\w-]+):)?(emerg|alert|crit|error|warn|notice|info|debug|trace\d)\] (?:\[pid (\d+)(?::tid (\d+))?\] )?(?:\[client ([^\]]+)\] )?/;
// "(111)Connection refused: " is apr's errno and text; "AH00957: " the message id
const ERRNO = /^\((\d+)\)/;
const MESSAGE_ID = /\b(AH\d{5}): /;
// httpd appends the request's referer to messages about a client request
const REFERER_TAIL = /, referer: (\S+)$/;

export const apacheError = defineFormat({
  name: 'apache-error',
  description: 'Apache httpd error log: "[Sat Mar 02 11:04:05.123456 2024] [proxy:error] [pid 1234:tid 5678] msg"',
  producer: 'apache-httpd',
  shape: 'lines',
  pathHint: /(?:^|\/)(?:apache2?|httpd)\/[\w.-]*error[\w.-]*$|error_log(?:\.\d+)?$/,
  parse(line) {
    if (line.charCodeAt(0) !== 91) return undefined;
    const m = LINE.exec(line);
    if (!m) return undefined;
    const wallMs = dayStart(m[1]!, m[7]!, m[2]!);
    if (Number.isNaN(wallMs)) return undefined;
    const level = m[9]!;
    let message = line.slice(m[0].length);
    let fields: Fields | null = null;
    if (m[12]) {
      fields = { client: m[12] };
      const r = message.includes(', referer: ') ? REFERER_TAIL.exec(message) : null;
      if (r) {
        fields['referer'] = r[1]!;
        message = message.slice(0, r.index);
      }
    }
    const e = message.charCodeAt(0) === 40 ? ERRNO.exec(message) : null;
    if (e) (fields ??= {})['errno'] = +e[1]!;
    const id = message.includes('AH') ? MESSAGE_ID.exec(message) : null;
    if (id) (fields ??= {})['messageId'] = id[1]!;
    const parsed: Parsed = {
      wallMs: wallMs + (+m[3]!) * 3_600_000 + (+m[4]!) * 60_000 + (+m[5]!) * 1000 + fractionToMs(m[6]),
      offsetMin: undefined,
      uptimeSec: undefined,
      timeText: line.slice(1, line.indexOf(']')),
      severity: level.charCodeAt(0) === 116 /* t */ && level.startsWith('trace') ? 'trace' : severityFromWord(level),
      host: undefined,
      process: undefined,
      pid: m[10] ? +m[10] : null,
      thread: m[11] ?? null,
      logger: m[8] ?? null,
      message,
      fields,
    };
    return parsed;
  },
  samples: [
    {
      text: '[Sat Mar 02 11:04:05.123456 2024] [proxy:error] [pid 1234:tid 5678] (111)Connection refused: AH00957: http: attempt to connect to 127.0.0.1:8080 (127.0.0.1:8080) failed',
      expect: {
        wallMs: Date.UTC(2024, 2, 2, 11, 4, 5, 123), severity: 'error', pid: 1234, thread: '5678', logger: 'proxy',
        message: '(111)Connection refused: AH00957: http: attempt to connect to 127.0.0.1:8080 (127.0.0.1:8080) failed',
        fields: { errno: 111, messageId: 'AH00957' },
      },
    },
    {
      text: '[Sat Mar 02 11:04:05.200000 2024] [proxy_http:error] [pid 1234:tid 5678] [client 127.0.0.1:40112] AH01114: HTTP: failed to make connection to backend: 127.0.0.1, referer: http://127.0.0.1:8081/',
      expect: {
        logger: 'proxy_http', message: 'AH01114: HTTP: failed to make connection to backend: 127.0.0.1',
        fields: { client: '127.0.0.1:40112', messageId: 'AH01114', referer: 'http://127.0.0.1:8081/' },
      },
    },
    {
      text: '[Sat Mar 02 11:04:06 2024] [warn] [client 10.0.0.9] File does not exist: /var/www/favicon.ico',
      expect: { severity: 'warn', pid: null, logger: null, message: 'File does not exist: /var/www/favicon.ico', fields: { client: '10.0.0.9' } },
    },
    {
      text: '[Sat Mar 02 11:04:00.000001 2024] [mpm_event:notice] [pid 900:tid 901] AH00489: Apache/2.4.62 (Debian) configured -- resuming normal operations',
      expect: { severity: 'notice', pid: 900, logger: 'mpm_event', fields: { messageId: 'AH00489' } },
    },
  ],
});

// Lines of one day share its start: Date.UTC and the month lookup run once per day.
let lastDay = { mon: '', year: '', day: '', ms: NaN };

/** Date.UTC of the day, or NaN for an unknown month name. */
function dayStart(mon: string, year: string, day: string): number {
  const l = lastDay;
  if (l.day === day && l.mon === mon && l.year === year) return l.ms;
  const mi = monthIndex(mon);
  const ms = mi < 0 ? NaN : Date.UTC(+year, mi, +day);
  lastDay = { mon, year, day, ms };
  return ms;
}
