import type { Fields } from '../../events/event.js';
import { type Severity, severityFromWord } from '../../events/severity.js';
import { defineFormat, type Parsed } from '../define.js';
import { digitsAt, wallFromParts } from './stamp-digits.js';

/**
 * OpenStack services (nova, neutron, cinder, keystone...) log through oslo.log, whose default layout is
 *   "%(asctime)s.%(msecs)03d %(process)d %(levelname)s %(name)s [%(request_id)s ...] %(instance)s%(message)s"
 *   "2023-02-14 09:31:07.901 3310 INFO nova.compute.claims [req-6f1c2a9e-... 7d1e... 0a9b... - - -] msg"
 * The context is "[-]" outside a request; exception lines (logging_exception_prefix) print none.
 * Lines may carry the name of the file they came from first, as merged dumps do
 * ("nova-api.log.1 2023-02-14 ..."): it goes to fields.sourceFile.
 */
// after the fixed-width time (read by character codes); sticky: matched in place, without copying the line
const HEADER = /(\d+) (DEBUG|INFO|AUDIT|WARNING|ERROR|CRITICAL|TRACE) ([\w.-]+)(?: |$)/y;
const TIME_CHARS = 23; // "2017-05-16 00:00:00.008"
const REQUEST_ID = /\[(?:None )?(req-[0-9a-f-]+)/y;
const MAX_FILE_NAME = 255;

// AUDIT sat between INFO and WARNING; old releases printed TRACE on each line of a logged exception
const OSLO_LEVEL: Record<string, Severity> = { AUDIT: 'notice', TRACE: 'error' };

export const osloLog = defineFormat({
  name: 'oslo-log',
  description: 'OpenStack services\' oslo.log lines: "2023-02-14 09:31:07.901 3310 INFO nova.compute.claims [req-... ...] msg"',
  producer: 'openstack',
  shape: 'lines',
  pathHint: /(?:nova|neutron|cinder|glance|keystone|heat|swift|placement|octavia)[^/]*\.log(?:\.\d+)?/i,
  // Python tracebacks printed without the header (stderr of a failed service) join their record
  continuation: /^(?:Traceback \(most recent call last\):$|\s+File "|\s{4})/,
  parse(line) {
    let start = 0;
    const c = line.charCodeAt(0);
    if (c < 48 || c > 57) {
      // "<file name> <header>": only a name that reads like a log file's
      const sp = line.indexOf(' ');
      if (sp <= 0 || sp > MAX_FILE_NAME || line.lastIndexOf('.log', sp) < 0) return undefined;
      start = sp + 1;
    }
    const s = start;
    if (line.charCodeAt(s + 4) !== 45 || line.charCodeAt(s + 7) !== 45 || line.charCodeAt(s + 10) !== 32 || line.charCodeAt(s + 13) !== 58 ||
      line.charCodeAt(s + 16) !== 58 || line.charCodeAt(s + 19) !== 46 || line.charCodeAt(s + TIME_CHARS) !== 32) return undefined;
    const wallMs = wallFromParts(digitsAt(line, s, 4), digitsAt(line, s + 5, 2), digitsAt(line, s + 8, 2), digitsAt(line, s + 11, 2),
      digitsAt(line, s + 14, 2), digitsAt(line, s + 17, 2), digitsAt(line, s + 20, 3));
    if (wallMs === undefined) return undefined;
    HEADER.lastIndex = s + TIME_CHARS + 1;
    const m = HEADER.exec(line);
    if (!m) return undefined;
    let at = HEADER.lastIndex;
    let fields: Fields | null = start === 0 ? null : { sourceFile: line.slice(0, start - 1) };
    // the request context: "[-]", "[req-<uuid> <user> <project> - - -]" or "[None req-<uuid> ...]"
    if (line.charCodeAt(at) === 91 && (line.charCodeAt(at + 1) === 45 || line.startsWith('req-', at + 1) || line.startsWith('None ', at + 1))) {
      const close = line.indexOf(']', at);
      if (close > 0) {
        REQUEST_ID.lastIndex = at;
        const r = REQUEST_ID.exec(line);
        if (r) {
          if (fields) fields.requestId = r[1]!;
          else fields = { requestId: r[1]! };
        }
        at = line.charCodeAt(close + 1) === 32 ? close + 2 : close + 1;
      }
    }
    const message = line.slice(at);
    const level = m[2]!;
    const p: Parsed = {
      wallMs,
      timeText: line.slice(start, start + TIME_CHARS),
      severity: OSLO_LEVEL[level] ?? severityFromWord(level),
      pid: +m[1]!,
      logger: m[3]!,
      message,
    };
    if (fields) p.fields = fields;
    return p;
  },
  samples: [
    {
      text: '2023-02-14 09:31:07.412 18830 INFO nova.osapi_compute.wsgi.server [req-6f1c2a9e-55d0-4c1b-9b7e-0e2d4f3a8c11 7d1e0c4b2a9f4e6d8c3b5a7f9e1d2c3b 0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d - - -] 127.0.0.1 "GET /v2.1/servers/detail HTTP/1.1" status: 200 len: 1893 time: 0.2477829',
      expect: {
        wallMs: Date.UTC(2023, 1, 14, 9, 31, 7, 412), timeText: '2023-02-14 09:31:07.412', severity: 'info', pid: 18830, logger: 'nova.osapi_compute.wsgi.server',
        message: '127.0.0.1 "GET /v2.1/servers/detail HTTP/1.1" status: 200 len: 1893 time: 0.2477829',
        fields: { requestId: 'req-6f1c2a9e-55d0-4c1b-9b7e-0e2d4f3a8c11' },
      },
    },
    {
      text: '2023-02-14 09:40:00.118 3310 WARNING nova.compute.resource_tracker [-] Instance 2c7d0f8e-6b1a-4f0e-9d3c-5a8b7e6f4d21 is not being actively managed by this compute host',
      expect: { severity: 'warn', pid: 3310, logger: 'nova.compute.resource_tracker', message: 'Instance 2c7d0f8e-6b1a-4f0e-9d3c-5a8b7e6f4d21 is not being actively managed by this compute host' },
    },
    {
      text: '2023-02-14 09:41:12.441 3310 ERROR nova.compute.manager [instance: 2c7d0f8e-6b1a-4f0e-9d3c-5a8b7e6f4d21] Traceback (most recent call last):',
      expect: { severity: 'error', logger: 'nova.compute.manager', message: '[instance: 2c7d0f8e-6b1a-4f0e-9d3c-5a8b7e6f4d21] Traceback (most recent call last):' },
    },
    {
      text: '2023-02-14 09:41:30.007 1207 DEBUG neutron.agent.linux.utils [None req-0d3e7a51-9c2b-4e8f-a1d6-7b5c4f3e2a10 admin admin] Running command: [\'ip\', \'netns\', \'list\']',
      expect: { severity: 'debug', pid: 1207, logger: 'neutron.agent.linux.utils', message: "Running command: ['ip', 'netns', 'list']", fields: { requestId: 'req-0d3e7a51-9c2b-4e8f-a1d6-7b5c4f3e2a10' } },
    },
  ],
});
