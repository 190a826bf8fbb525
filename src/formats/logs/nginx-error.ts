import type { Fields } from '../../events/event.js';
import { severityFromWord } from '../../events/severity.js';
import { defineFormat } from '../define.js';

// "2024/03/02 11:04:05 [error] 1234#1234: *5 msg, client: 127.0.0.1, server: localhost, ..."
const LINE = /^(\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d) \[(debug|info|notice|warn|error|crit|alert|emerg)\] (\d+)#(\d+): (?:\*(\d+) )?/;
// nginx appends the request's context after the message in this fixed order
const CONTEXT_START = /, (?:client|server): /;
const CONTEXT_PAIR = /, (client|server|request|subrequest|upstream|host|referrer): ("(?:[^"\\]|\\.)*"|[^,]*)/y;
const ERRNO = /\((\d+): [^)]*\)/;

export const nginxError = defineFormat({
  name: 'nginx-error',
  description: 'nginx error log: "2024/03/02 11:04:05 [error] 1234#1234: *5 connect() failed ... client: ..., upstream: ..."',
  producer: 'nginx',
  shape: 'lines',
  pathHint: /(?:^|\/)(?:nginx\/)?[\w.-]*error\.log(?:\.\d+)?(?:\.gz)?$/,
  parse(line) {
    if (line.charCodeAt(4) !== 47 || line.charCodeAt(20) !== 91) return undefined; // "yyyy/" and " ["
    const m = LINE.exec(line);
    if (!m) return undefined;
    const wallMs = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
    let message = line.slice(m[0].length);
    const fields: Fields = {};
    if (m[10]) fields['connection'] = +m[10];
    const ctx = CONTEXT_START.exec(message);
    if (ctx) {
      const tail = message.slice(ctx.index);
      CONTEXT_PAIR.lastIndex = 0;
      let end = 0;
      for (let p = CONTEXT_PAIR.exec(tail); p; p = CONTEXT_PAIR.exec(tail)) {
        const v = p[2]!;
        fields[p[1]!] = v.charCodeAt(0) === 34 ? v.slice(1, -1) : v;
        end = CONTEXT_PAIR.lastIndex;
      }
      // keep the context in the message if it did not read to the end (a comma in a bare value)
      if (end === tail.length) message = message.slice(0, ctx.index);
    }
    const e = ERRNO.exec(message);
    if (e) fields['errno'] = +e[1]!;
    return {
      wallMs,
      timeText: line.slice(0, 19),
      severity: severityFromWord(m[7]),
      pid: +m[8]!,
      thread: m[9]!,
      process: 'nginx',
      message,
      fields: Object.keys(fields).length ? fields : null,
    };
  },
  samples: [
    {
      text: '2024/03/02 11:04:05 [error] 1234#1234: *5 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: localhost, request: "GET /x HTTP/1.1", upstream: "http://127.0.0.1:8080/x", host: "127.0.0.1:8081"',
      expect: {
        wallMs: Date.UTC(2024, 2, 2, 11, 4, 5), severity: 'error', pid: 1234, thread: '1234',
        message: 'connect() failed (111: Connection refused) while connecting to upstream',
        fields: { connection: 5, errno: 111, client: '127.0.0.1', server: 'localhost', request: 'GET /x HTTP/1.1', upstream: 'http://127.0.0.1:8080/x', host: '127.0.0.1:8081' },
      },
    },
    {
      text: '2024/03/02 11:04:00 [notice] 77#77: signal process started',
      expect: { severity: 'notice', pid: 77, message: 'signal process started', fields: null },
    },
    {
      text: '2024/03/02 11:04:09 [alert] 901#901: *3 socket() failed (24: Too many open files) while connecting to upstream, client: 10.1.2.3, server: _, request: "GET / HTTP/1.1", upstream: "http://10.1.2.4:80/", host: "a"',
      expect: { severity: 'critical', fields: { connection: 3, errno: 24, client: '10.1.2.3', server: '_', request: 'GET / HTTP/1.1', upstream: 'http://10.1.2.4:80/', host: 'a' } },
    },
  ],
});
