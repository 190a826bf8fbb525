import { severityFromSyslog } from '../../events/severity.js';
import type { Fields } from '../../events/event.js';
import { defineFormat, type Parsed } from '../define.js';
import { parseIsoLike } from '../timestamps.js';

// <PRI>VERSION TIMESTAMP HOSTNAME APP-NAME PROCID MSGID; then STRUCTURED-DATA and MSG, scanned by hand
const HEADER = /^<(\d{1,3})>(\d{1,2}) (\S+) (\S{1,255}) (\S{1,48}) (\S{1,128}) (\S{1,32}) /;
/** Longest structured-data part scanned; longer ones are left in the message. */
const MAX_SD_CHARS = 16 * 1024;

export const syslogRfc5424 = defineFormat({
  name: 'syslog-rfc5424',
  description: 'RFC 5424 syslog: "<165>1 2024-03-02T11:04:05.123+08:00 host app 1234 ID47 [sd] msg"',
  producer: 'syslog',
  shape: 'lines',
  parse(line) {
    if (line.charCodeAt(0) !== 60) return undefined; // '<'
    const m = HEADER.exec(line);
    if (!m) return undefined;
    const pri = +m[1]!;
    if (pri > 191) return undefined;
    const out: Parsed = { severity: severityFromSyslog(pri), message: '' };
    const stamp = m[3]!;
    if (stamp !== '-') {
      const t = parseIsoLike(stamp);
      if (!t || t.length !== stamp.length) return undefined;
      out.wallMs = t.wallMs;
      if (t.offsetMin !== undefined) out.offsetMin = t.offsetMin;
      out.timeText = stamp;
    }
    out.host = nil(m[4]!);
    out.process = nil(m[5]!);
    const procId = m[6]!;
    out.pid = /^\d{1,10}$/.test(procId) ? +procId : null;
    let at = m[0].length;
    const sdEnd = structuredDataEnd(line, at);
    if (sdEnd < 0) return undefined;
    const fields: Fields = { facility: pri >> 3 };
    const msgId = nil(m[7]!);
    if (msgId !== null) fields.msgId = msgId;
    if (procId !== '-' && out.pid === null) fields.procId = procId;
    if (line.charCodeAt(at) === 91) fields.structuredData = line.slice(at, sdEnd);
    at = sdEnd;
    if (line.charCodeAt(at) === 32) at++;
    // a UTF-8 message may start with a byte order mark
    if (line.charCodeAt(at) === 0xfeff) at++;
    out.message = line.slice(at);
    out.fields = fields;
    return out;
  },
  samples: [
    {
      text: '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"] An application event log entry',
      expect: {
        wallMs: Date.UTC(2003, 9, 11, 22, 14, 15, 3), offsetMin: 0, severity: 'notice', host: 'mymachine.example.com', process: 'evntslog', pid: null,
        message: 'An application event log entry',
        fields: { facility: 20, msgId: 'ID47', structuredData: '[exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"]' },
      },
    },
    {
      text: '<163>1 2026-11-22T04:08:43.408690+00:00 vm myapp 9301 - - err msg',
      expect: { severity: 'error', pid: 9301, process: 'myapp', host: 'vm', offsetMin: 0, message: 'err msg', fields: { facility: 20 } },
    },
    {
      text: '<34>1 2024-03-02T11:04:05.123+08:00 db-1 su - - - \'su root\' failed for lonvick on /dev/pts/8',
      expect: { severity: 'critical', offsetMin: 480, wallMs: Date.UTC(2024, 2, 2, 11, 4, 5, 123), message: '\'su root\' failed for lonvick on /dev/pts/8' },
    },
  ],
});

function nil(v: string): string | null {
  return v === '-' ? null : v;
}

/**
 * Index just past STRUCTURED-DATA starting at `at`: "-" or one or more "[id k="v" ...]" elements,
 * where a quoted value may hold `\"`, `\]` and `\\`. -1 when it is malformed.
 */
function structuredDataEnd(line: string, at: number): number {
  const c = line.charCodeAt(at);
  if (c === 45) return at + 1; // '-'
  if (c !== 91) return -1;
  const limit = Math.min(line.length, at + MAX_SD_CHARS);
  let i = at;
  while (i < limit && line.charCodeAt(i) === 91) {
    let quoted = false;
    i++;
    for (; i < limit; i++) {
      const ch = line.charCodeAt(i);
      if (quoted) {
        if (ch === 92) i++; // backslash escapes the next char
        else if (ch === 34) quoted = false;
      } else if (ch === 34) quoted = true;
      else if (ch === 93) break;
    }
    if (i >= limit) return -1;
    i++; // past ']'
  }
  return i;
}
