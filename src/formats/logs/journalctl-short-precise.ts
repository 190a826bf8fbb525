import { defineFormat, type Parsed } from '../define.js';
import { scanSyslogStamp, syslogStamp } from '../timestamps.js';
import { parseJournalMarker, parseJournalTail } from './journal-lines.js';

// "Mar 02 11:04:05.123456 ": journalctl pads the day with a zero and prints six digits of microseconds
const STAMP_CHARS = 22;

/** `journalctl -o short-precise`: "Mar 02 11:04:05.123456 host unit[pid]: msg". */
export const journalctlShortPrecise = defineFormat({
  name: 'journalctl-short-precise',
  description: 'journalctl -o short-precise: "Mar 02 11:04:05.123456 host unit[pid]: msg"',
  producer: 'systemd-journald',
  shape: 'lines',
  yearless: true,
  pathHint: /(?:^|\/)journalctl[\w.@-]*precise[\w.@-]*$/,
  parse(line, ctx) {
    const c = line.charCodeAt(0);
    if (c === 45) return parseJournalMarker(line, true);
    if (c < 65 || c > 90) return undefined;
    if (line.charCodeAt(4) === 32 || scanSyslogStamp(line, 0, ctx) !== STAMP_CHARS || line.charCodeAt(STAMP_CHARS) !== 32) return undefined;
    const out: Parsed = { wallMs: syslogStamp.wallMs, timeText: line.slice(0, STAMP_CHARS), message: '' };
    return parseJournalTail(line.slice(STAMP_CHARS + 1), out) ? out : undefined;
  },
  samples: [
    {
      text: 'Nov 22 12:10:07.314605 vm myservice[11264]: worker pool exhausted, queueing requests',
      expect: { wallMs: Date.UTC(2024, 10, 22, 12, 10, 7, 314), host: 'vm', process: 'myservice', pid: 11264, message: 'worker pool exhausted, queueing requests' },
    },
    {
      text: 'Mar 02 11:04:05.123456 db-1 kernel: Out of memory: Killed process 38581 (java) total-vm:74715152kB',
      expect: { process: 'kernel', pid: null, severity: 'error', timeText: 'Mar 02 11:04:05.123456' },
    },
  ],
});
