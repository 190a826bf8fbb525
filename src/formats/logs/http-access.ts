import type { Fields } from '../../events/event.js';
import { monthIndex, offsetMinutes } from '../../events/time.js';
import { defineFormat } from '../define.js';

// Common and combined log formats as nginx and Apache httpd both print them by default; Apache's
// vhost_combined puts "host:port " first. Quotes inside fields are escaped (\" or \x22).
const HEAD =
  /^(?:(\S+:\d+) )?(\S+) \S+ (\S+) \[(\d\d)\/([A-Z][a-z]{2})\/(\d{4}):(\d\d):(\d\d):(\d\d) ([+-]\d{4})\] "((?:[^"\\]|\\.)*)" (\d{3}) (\d+|-)/;
const REFERER_AGENT = /^ "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)"/;
const REQUEST = /^([A-Z]{3,10}) (\S+)(?: (HTTP\/[\d.]+))?$/;
// nginx custom formats: "rt=0.123", "request_time=0.123", "urt=0.120" / upstream_response_time
const REQUEST_TIME = /(?:^|\s)(?:rt|request_time)=(\d+(?:\.\d+)?)/;
const UPSTREAM_TIME = /(?:^|\s)(?:urt|upt|upstream_response_time)="?(\d+(?:\.\d+)?)/;
// a bare "0.123" at the end is $request_time (nginx prints it with millisecond resolution)
const TRAILING_SECONDS = /\s(\d+\.\d{3})$/;

export const httpAccess = defineFormat({
  name: 'http-access',
  description: 'nginx / Apache httpd access log in the common or combined format ("127.0.0.1 - - [02/Mar/2024:11:04:05 +0800] \\"GET / HTTP/1.1\\" 200 ...")',
  producer: 'http-server',
  shape: 'lines',
  pathHint: /(?:^|\/)(?:access|[\w.-]*_access|[\w.-]*-access)(?:[._-][\w-]+)?\.log(?:\.\d+)?(?:\.gz)?$/,
  parse(line) {
    if (line.length < 40 || line.indexOf(' [') > 300) return undefined;
    const m = HEAD.exec(line);
    if (!m) return undefined;
    const mi = monthIndex(m[5]!);
    if (mi < 0) return undefined;
    const wallMs = Date.UTC(+m[6]!, mi, +m[4]!, +m[7]!, +m[8]!, +m[9]!);
    const offsetMin = offsetMinutes(m[10]);
    const status = +m[12]!;
    const bytes = m[13] === '-' ? 0 : +m[13]!;
    const request = m[11]!;
    const r = REQUEST.exec(request);
    const fields: Fields = {
      clientIp: m[2]!,
      method: r ? r[1]! : null,
      path: r ? r[2]! : null,
      status,
      bytes,
    };
    if (!r) fields['request'] = request;
    if (m[3] !== '-') fields['user'] = m[3]!;
    if (m[1]) fields['vhost'] = m[1];
    let rest = line.slice(m[0].length);
    const ra = REFERER_AGENT.exec(rest);
    if (ra) {
      if (ra[1] !== '-' && ra[1] !== '') fields['referer'] = ra[1]!;
      if (ra[2] !== '-' && ra[2] !== '') fields['userAgent'] = ra[2]!;
      rest = rest.slice(ra[0].length);
    }
    if (rest.length > 0) {
      const rt = REQUEST_TIME.exec(rest) ?? TRAILING_SECONDS.exec(rest);
      if (rt) fields['requestTimeMs'] = Math.round(+rt[1]! * 1000);
      const ut = UPSTREAM_TIME.exec(rest);
      if (ut) fields['upstreamTimeMs'] = Math.round(+ut[1]! * 1000);
    }
    const out = {
      wallMs,
      timeText: line.slice(m[0].indexOf('[') + 1, m[0].indexOf(']')),
      severity: status >= 500 ? 'error' as const : status >= 400 ? 'warn' as const : 'info' as const,
      message: `${request} ${status} ${m[13]}`,
      fields,
    };
    return offsetMin === undefined ? out : { ...out, offsetMin };
  },
  samples: [
    {
      text: '127.0.0.1 - - [02/Mar/2024:11:04:05 +0800] "GET /x HTTP/1.1" 502 157 "-" "curl/8.5.0"',
      expect: {
        wallMs: Date.UTC(2024, 2, 2, 11, 4, 5), offsetMin: 480, severity: 'error', message: 'GET /x HTTP/1.1 502 157',
        fields: { clientIp: '127.0.0.1', method: 'GET', path: '/x', status: 502, bytes: 157, userAgent: 'curl/8.5.0' },
      },
    },
    {
      text: '10.0.0.7 - alice [02/Mar/2024:11:04:06 -0500] "POST /api/orders?id=7 HTTP/2.0" 404 -',
      expect: { offsetMin: -300, severity: 'warn', fields: { clientIp: '10.0.0.7', method: 'POST', path: '/api/orders?id=7', status: 404, bytes: 0, user: 'alice' } },
    },
    {
      text: '::1 - - [02/Mar/2024:11:04:07 +0000] "GET /healthz HTTP/1.1" 200 2 "http://localhost/" "kube-probe/1.29" rt=1.503 uct="0.000" uht="1.500" urt="1.501"',
      expect: {
        severity: 'info',
        fields: { clientIp: '::1', method: 'GET', path: '/healthz', status: 200, bytes: 2, referer: 'http://localhost/', userAgent: 'kube-probe/1.29', requestTimeMs: 1503, upstreamTimeMs: 1501 },
      },
    },
    {
      text: 'shop.example:443 192.0.2.4 - - [02/Mar/2024:11:04:08 +0100] "\\x16\\x03\\x01" 400 226 "-" "-"',
      expect: { severity: 'warn', message: '\\x16\\x03\\x01 400 226', fields: { clientIp: '192.0.2.4', method: null, path: null, status: 400, bytes: 226, request: '\\x16\\x03\\x01', vhost: 'shop.example:443' } },
    },
  ],
});
