import { defineFormat } from '../define.js';

/**
 * Proxifier's (Windows/macOS proxy client) connection log: "[07.26 13:30:34] chrome.exe *64 -
 * updates.example.net:443 open through proxy proxy.example.org:5070 HTTPS". The stamp is MM.dd
 * HH:mm:ss without a year; "*64" marks a 64-bit program. Failures read "<target> error : <why>".
 */
const LINE = /^\[(\d\d)\.(\d\d) (\d\d):(\d\d):(\d\d)\] (.+?)( \*64)? - /;
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
    if (line.charCodeAt(0) !== 91 || line.charCodeAt(3) !== 46 || line.charCodeAt(15) !== 93) return undefined; // "[MM.dd HH:mm:ss]"
    const m = LINE.exec(line);
    if (!m) return undefined;
    const month = +m[1]! - 1;
    const day = +m[2]!;
    if (month < 0 || month > 11 || day < 1 || day > 31) return undefined;
    const wallMs = Date.UTC(ctx.yearFor(month), month, day, +m[3]!, +m[4]!, +m[5]!);
    const message = line.slice(m[0].length);
    const sp = message.indexOf(' ');
    const at = sp < 0 || sp > MAX_TARGET_CHARS ? -1 : sp;
    const severity = at < 0 ? null : message.startsWith(ERROR_WORD, at) ? 'error' : message.startsWith(WARNING_WORD, at) ? 'warn' : null;
    return { wallMs, timeText: line.slice(1, 15), severity, process: m[6]!, message, fields: m[7] ? { bits: 64 } : null };
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
