import type { Severity } from '../../events/severity.js';
import { monthIndex } from '../../events/time.js';
import { defineFormat, type LineFormat } from '../define.js';

// "21558:M 22 Nov 2026 04:35:06.677 * Ready to accept connections" (Redis 3.0+, server.c serverLogRaw):
// pid, role (X sentinel, C child, S replica, M master), local time, level mark, message
const LINE = /^(\d{1,10}):([XCSM]) (\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d\d):(\d\d):(\d\d)\.(\d{3}) ([.\-*#]) (.{0,65536})$/;
// the signal handler cannot format times safely and prints epoch seconds: "21558:signal-handler (1795322156) Received SIGTERM ..."
const SIGNAL = /^(\d{1,10}):signal-handler \((\d{9,11})\) (.{0,65536})$/;
const LEVELS: Record<string, Severity> = { '.': 'debug', '-': 'debug', '*': 'notice', '#': 'warn' };
const ROLES: Record<string, string> = { X: 'sentinel', C: 'child', S: 'replica', M: 'master' };

/**
 * redis-server's log: pid, role, local time with milliseconds and the level mark ('.' debug, '-'
 * verbose, '*' notice, '#' warning), plus the signal handler's lines, which carry epoch seconds.
 * fields.role tells the master, a replica, a sentinel or a forked child (RDB/AOF saves) apart.
 */
export const redisServer = defineFormat<LineFormat>({
  name: 'redis-server',
  description: "redis-server's log: pid:role, time, level mark (* notice, # warning) and message",
  producer: 'redis',
  shape: 'lines',
  pathHint: /(?:^|\/)redis[^/]*\.log(?:\.\d+)?$/,
  parse(line) {
    const c = line.charCodeAt(0);
    if (c < 48 || c > 57) return undefined;
    const m = LINE.exec(line);
    if (m) {
      const month = monthIndex(m[4]!);
      if (month < 0) return undefined;
      const wallMs = Date.UTC(+m[5]!, month, +m[3]!, +m[6]!, +m[7]!, +m[8]!, +m[9]!);
      if (Number.isNaN(wallMs)) return undefined;
      return {
        wallMs, timeText: line.slice(m[1]!.length + 3, line.indexOf(' ', m[1]!.length + 3 + 21)),
        severity: LEVELS[m[10]!]!, process: 'redis-server', pid: +m[1]!, message: m[11]!, fields: { role: ROLES[m[2]!]! },
      };
    }
    const s = SIGNAL.exec(line);
    if (!s) return undefined;
    return { wallMs: +s[2]! * 1000, offsetMin: 0, timeText: s[2]!, severity: 'notice', process: 'redis-server', pid: +s[1]!, message: s[3]!, fields: { role: 'signal-handler' } };
  },
  samples: [
    {
      text: '21558:M 22 Nov 2026 04:35:06.706 * Ready to accept connections',
      expect: { wallMs: Date.UTC(2026, 10, 22, 4, 35, 6, 706), timeText: '22 Nov 2026 04:35:06.706', severity: 'notice', process: 'redis-server', pid: 21558, message: 'Ready to accept connections', fields: { role: 'master' } },
    },
    {
      text: '21558:signal-handler (1795322156) Received SIGTERM scheduling shutdown...',
      expect: { wallMs: 1795322156000, offsetMin: 0, pid: 21558, message: 'Received SIGTERM scheduling shutdown...', fields: { role: 'signal-handler' } },
    },
    { text: '21558:C 22 Nov 2026 04:35:06.676 # Configuration loaded', expect: { severity: 'warn', fields: { role: 'child' } } },
  ],
});
