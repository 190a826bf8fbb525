import { defineFormat, type Parsed } from '../define.js';
import { parseSyslogStamp } from '../timestamps.js';
import { parseJournalMarker, parseJournalTail } from './journal-lines.js';

// journalctl always prints six digits of microseconds here
const STAMP = /^([A-Z][a-z]{2}) (\d\d) (\d\d:\d\d:\d\d)\.(\d{6}) /;

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
    const m = STAMP.exec(line);
    if (!m) return undefined;
    const wallMs = parseSyslogStamp(m[1]!, m[2]!, m[3]!, m[4], ctx);
    if (wallMs === undefined) return undefined;
    const out: Parsed = { wallMs, timeText: line.slice(0, m[0].length - 1), message: '' };
    return parseJournalTail(line.slice(m[0].length), out) ? out : undefined;
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
