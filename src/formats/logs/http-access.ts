import type { Fields } from '../../events/event.js';
import { monthIndex, offsetMinutes } from '../../events/time.js';
import { defineFormat } from '../define.js';

// Common and combined log formats as nginx and Apache httpd both print them by default; Apache's
// vhost_combined puts "host:port " first. Quotes inside fields are escaped (\" or \x22).
// Quoted fields use the unrolled form [^"\\]*(?:\\.[^"\\]*)*: no per-character alternation.
const HEAD =
  /^(\S+) \S+ (\S+) \[(\d\d)\/([A-Z][a-z]{2})\/(\d{4}):(\d\d):(\d\d):(\d\d) ([+-]\d{4})\] "([^"\\]*(?:\\.[^"\\]*)*)" (\d{3}) (\d+|-)(?: "([^"\\]*(?:\\.[^"\\]*)*)" "([^"\\]*(?:\\.[^"\\]*)*)")?/;
// Apache's vhost_combined puts "host:port " first
const VHOST = /^\S+:\d+ (?=\S+ \S+ \S+ \[)/;
const REQUEST = /^([A-Z]{3,10}) (\S+)(?: (HTTP\/[\d.]+))?$/;
// nginx custom formats: "rt=0.123" / "request_time=0.123", "urt=0.120" / "upstream_response_time=..."
const REQUEST_TIME = /(?:^| )(?:rt|request_time)=(\d+(?:\.\d+)?)/;
const UPSTREAM_TIME = /(?:^| )(?:urt|upt|upstream_response_time)="?(\d+(?:\.\d+)?)/;
// a bare "0.123" at the end is $request_time (nginx prints it with millisecond resolution)
const TRAILING_SECONDS = / (\d+\.\d{3})$/;

export const httpAccess = defineFormat({
  name: 'http-access',
  description: 'nginx / Apache httpd access log in the common or combined format ("127.0.0.1 - - [02/Mar/2024:11:04:05 +0800] "GET / HTTP/1.1" 200 ...")',
  producer: 'http-server',
  shape: 'lines',
  pathHint: /(?:^|\/)(?:access|[\w.-]*_access|[\w.-]*-access)(?:[._-][\w-]+)?\.log(?:\.\d+)?(?:\.gz)?$/,
  parse(line) {
    if (line.length < 40) return undefined;
    let m = HEAD.exec(line);
    let vhost: string | null = null;
    if (!m) {
      const v = VHOST.exec(line);
      if (!v) return undefined;
      m = HEAD.exec(line.slice(v[0].length));
      if (!m) return undefined;
      vhost = v[0].slice(0, -1);
    }
    const mi = monthIndex(m[4]!);
    if (mi < 0) return undefined;
    const wallMs = Date.UTC(+m[5]!, mi, +m[3]!, +m[6]!, +m[7]!, +m[8]!);
    const status = +m[11]!;
    const request = m[10]!;
    const r = REQUEST.exec(request);
    const fields: Fields = {
      clientIp: m[1]!,
      method: r ? r[1]! : null,
      path: r ? r[2]! : null,
      status,
      bytes: m[12] === '-' ? 0 : +m[12]!,
    };
    if (!r) fields['request'] = request;
    if (m[2] !== '-') fields['user'] = m[2]!;
    if (vhost !== null) fields['vhost'] = vhost;
    if (m[13] !== undefined && m[13] !== '-' && m[13] !== '') fields['referer'] = m[13];
    if (m[14] !== undefined && m[14] !== '-' && m[14] !== '') fields['userAgent'] = m[14];
    const restAt = m.index + m[0].length + (vhost === null ? 0 : vhost.length + 1);
    if (restAt < line.length) {
      const rest = line.slice(restAt);
      const rt = REQUEST_TIME.exec(rest) ?? TRAILING_SECONDS.exec(rest);
      if (rt) fields['requestTimeMs'] = Math.round(+rt[1]! * 1000);
      const ut = rest.indexOf('u') >= 0 ? UPSTREAM_TIME.exec(rest) : null;
      if (ut) fields['upstreamTimeMs'] = Math.round(+ut[1]! * 1000);
    }
    const out = {
      wallMs,
      timeText: `${m[3]}/${m[4]}/${m[5]}:${m[6]}:${m[7]}:${m[8]} ${m[9]}`,
      severity: status >= 500 ? 'error' as const : status >= 400 ? 'warn' as const : 'info' as const,
      message: `${request} ${status} ${m[12]}`,
      fields,
    };
    const offsetMin = offsetMinutes(m[9]);
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
