import { defineFormat, type ParseContext } from '../define.js';
import { digitsAt, wallFromParts } from './stamp-digits.js';

/**
 * Proxifier's (Windows/macOS proxy client) connection log: "[07.26 13:30:34] chrome.exe *64 -
 * updates.example.net:443 open through proxy proxy.example.org:5070 HTTPS". The stamp is MM.dd
 * HH:mm:ss without a year; "*64" marks a 64-bit program. Failures read "<target> error : <why>".
 */
// what follows the fixed-width "[MM.dd HH:mm:ss] " (read by character codes); sticky: matched in place
const REST = /(.+?)( \*64)? - /y;
const STAMP_CHARS = 17;
const ERROR_WORD = ' error : ';
const WARNING_WORD = ' warning : ';
// the failure word follows the target ("host:port"), early in the message
const MAX_TARGET_CHARS = 300;

export const proxifier = defineFormat({
  name: 'proxifier',
  description: 'Proxifier connection logs: "[07.26 13:30:34] chrome.exe *64 - host:443 open through proxy proxy:5070 HTTPS"',
  producer: 'proxifier',
  shape: 'lines',
  yearless: true,
  pathHint: /proxifier[^/]*\.(?:log|txt)$/i,
  parse(line, ctx) {
    // "[MM.dd HH:mm:ss] "
    if (line.charCodeAt(0) !== 91 || line.charCodeAt(3) !== 46 || line.charCodeAt(6) !== 32 || line.charCodeAt(9) !== 58 ||
      line.charCodeAt(12) !== 58 || line.charCodeAt(15) !== 93 || line.charCodeAt(16) !== 32) return undefined;
    const month = digitsAt(line, 1, 2);
    if (month < 1 || month > 12) return undefined;
    const wallMs = wallFromParts(yearOf(month, ctx), month, digitsAt(line, 4, 2), digitsAt(line, 7, 2), digitsAt(line, 10, 2), digitsAt(line, 13, 2), 0);
    if (wallMs === undefined) return undefined;
    REST.lastIndex = STAMP_CHARS;
    const m = REST.exec(line);
    if (!m) return undefined;
    const message = line.slice(REST.lastIndex);
    const sp = message.indexOf(' ');
    const at = sp < 0 || sp > MAX_TARGET_CHARS ? -1 : sp;
    const severity = at < 0 ? null : message.startsWith(ERROR_WORD, at) ? 'error' : message.startsWith(WARNING_WORD, at) ? 'warn' : null;
    return { wallMs, timeText: line.slice(1, 15), severity, process: m[1]!, message, fields: m[2] ? { bits: 64 } : null };
  },
  samples: [
    {
      text: '[10.30 16:49:06] chrome.exe - updates.example.net:443 open through proxy proxy.example.org:5070 HTTPS',
      expect: {
        wallMs: Date.UTC(2024, 9, 30, 16, 49, 6), severity: null, process: 'chrome.exe',
        message: 'updates.example.net:443 open through proxy proxy.example.org:5070 HTTPS', fields: null,
      },
    },
    {
      text: '[07.26 13:31:10] firefox.exe *64 - 127.0.0.1:8080 error : Could not connect through proxy proxy.example.org:5070 - Proxy server cannot establish a connection with the target, status code 403',
      expect: { severity: 'error', process: 'firefox.exe', fields: { bits: 64 } },
    },
  ],
});

// the year of the last month asked, per context: yearFor is not called for every line
let lastYear = { ctx: null as ParseContext | null, month: -1, year: 0 };

function yearOf(month: number, ctx: ParseContext): number {
  const l = lastYear;
  if (l.ctx === ctx && l.month === month) return l.year;
  const year = ctx.yearFor(month - 1);
  lastYear = { ctx, month, year };
  return year;
}
