import { defineFormat } from '../define.js';
import { GO_STACK_LINE, finishGoRecord } from './go-stack.js';
import { severityInText } from './level-in-text.js';

// Go's `log` header: "2021/03/02 15:04:05" (LstdFlags), ".123456" with Lmicroseconds (always 6 digits).
const STAMP = /^(\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{6}))? /;
// log.SetPrefix puts text before the header; at most this long.
const MAX_PREFIX = 32;
// A clock, quote or brace in the prefix means another format carrying a Go line (syslog, docker JSON, logfmt).
const FOREIGN_PREFIX = /\d:\d\d|["{}=<]/;
// Lshortfile / Llongfile: "main.go:42: " or "/src/app/main.go:42: "
const SOURCE = /^([^\s:]+\.go):(\d+): /;
// nginx's error log shares the header: "2024/03/02 11:04:05 [error] 1234#1234: ..."
const NGINX_TAIL = /^\[(?:debug|info|notice|warn|error|crit|alert|emerg)\] \d+#\d+: /;

export const goLog = defineFormat({
  name: 'go-log',
  description: 'Go standard library `log` output ("2021/03/02 15:04:05 msg"), with prefixes, file:line and panics joined',
  producer: 'go-runtime',
  shape: 'lines',
  continuation: GO_STACK_LINE,
  finishRecord: finishGoRecord,
  parse(line) {
    let at = 0;
    let prefix: string | null = null;
    const c = line.charCodeAt(0);
    if (!(c >= 48 && c <= 57)) {
      at = headerAfterPrefix(line);
      if (at < 0) return undefined;
      prefix = line.slice(0, at);
      if (FOREIGN_PREFIX.test(prefix)) return undefined;
    } else if (line.charCodeAt(4) !== 47) {
      return undefined; // not "yyyy/"
    }
    const rest = at === 0 ? line : line.slice(at);
    const m = STAMP.exec(rest);
    if (!m) return undefined;
    let message = rest.slice(m[0].length);
    if (NGINX_TAIL.test(message)) return undefined;
    const month = +m[2]!;
    const day = +m[3]!;
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    const wallMs = Date.UTC(+m[1]!, month - 1, day, +m[4]!, +m[5]!, +m[6]!, m[7] ? Math.floor(+m[7] / 1000) : 0);
    let source: string | null = null;
    const s = message.charCodeAt(0) !== 91 ? SOURCE.exec(message) : null; // '[' cannot start a path
    if (s) {
      source = `${s[1]}:${s[2]}`;
      message = message.slice(s[0].length);
    }
    const fields = prefix === null && source === null ? null : { ...(prefix !== null ? { prefix: prefix.trimEnd() } : {}), ...(source !== null ? { source } : {}) };
    return {
      wallMs,
      timeText: m[0].slice(0, -1),
      severity: severityInText(message),
      message,
      fields,
    };
  },
  samples: [
    {
      text: '2021/03/02 15:04:05 Failed to connect to 127.0.0.1:2181: dial tcp 127.0.0.1:2181: connect: connection refused',
      expect: { wallMs: Date.UTC(2021, 2, 2, 15, 4, 5), severity: null, message: 'Failed to connect to 127.0.0.1:2181: dial tcp 127.0.0.1:2181: connect: connection refused', fields: null },
    },
    {
      text: '2021/03/02 15:04:05.123456 main.go:42: [ERROR] queue is full',
      expect: { wallMs: Date.UTC(2021, 2, 2, 15, 4, 5, 123), severity: 'error', message: '[ERROR] queue is full', fields: { source: 'main.go:42' } },
    },
    {
      text: '[sidecar] 2021/03/02 15:04:05 /src/app/cmd/sidecar/main.go:88: level=warn retrying upstream',
      expect: { severity: 'warn', message: 'level=warn retrying upstream', fields: { prefix: '[sidecar]', source: '/src/app/cmd/sidecar/main.go:88' } },
    },
    {
      text: '2021/03/02 15:04:05 [sidecar] WARN disk almost full',
      expect: { severity: 'warn', message: '[sidecar] WARN disk almost full' },
    },
  ],
});

/** Where "yyyy/mm/dd" starts after a prefix, found from its slashes (no regex scan), or -1. */
function headerAfterPrefix(line: string): number {
  let slash = line.indexOf('/', 5);
  for (let tries = 0; slash >= 0 && slash <= MAX_PREFIX + 4 && tries < 4; tries++) {
    if (line.charCodeAt(slash + 3) === 47 && isDigit(line.charCodeAt(slash - 4)) && isDigit(line.charCodeAt(slash - 1))) return slash - 4;
    slash = line.indexOf('/', slash + 1);
  }
  return -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
