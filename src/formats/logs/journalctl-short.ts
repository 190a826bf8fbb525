import { defineFormat, type Parsed } from '../define.js';
import { scanSyslogStamp, syslogStamp } from '../timestamps.js';
import { parseJournalMarker, parseJournalTail } from './journal-lines.js';

// "Mar 02 11:04:05 " (journalctl pads the day with a zero; rsyslog with a space): 15 characters
const STAMP_CHARS = 15;

/**
 * `journalctl` default output. Its lines look like classic syslog: the file is told apart by the
 * marker lines journalctl prints ("-- Logs begin at ...", "-- Boot ... --", "-- No entries --") or
 * by a journalctl path; on a plain tie syslog-rfc3164 (earlier in the registry) reads it the same way.
 */
export const journalctlShort = defineFormat({
  name: 'journalctl-short',
  description: 'journalctl default output: "Mar 02 11:04:05 host unit[pid]: msg" with its "-- Boot ... --" markers',
  producer: 'systemd-journald',
  shape: 'lines',
  yearless: true,
  pathHint: /(?:^|\/)journalctl(?:-[\w.@-]*)?(?:\.txt|\.log)?$/,
  parse(line, ctx) {
    const c = line.charCodeAt(0);
    if (c === 45) return parseJournalMarker(line);
    if (c < 65 || c > 90) return undefined;
    if (scanSyslogStamp(line, 0, ctx) !== STAMP_CHARS || line.charCodeAt(STAMP_CHARS) !== 32) return undefined;
    const out: Parsed = { wallMs: syslogStamp.wallMs, timeText: line.slice(0, STAMP_CHARS), message: '' };
    return parseJournalTail(line.slice(STAMP_CHARS + 1), out) ? out : undefined;
  },
  samples: [
    {
      text: '-- Logs begin at Tue 2024-03-05 10:00:01 CST, end at Tue 2024-03-05 12:00:00 CST. --',
      expect: { wallMs: Date.UTC(2024, 2, 5, 10, 0, 1), fields: { journalMarker: 'begin' } },
    },
    { text: '-- Journal begins at Mon 2022-05-09 08:12:44 CST, ends at Tue 2022-05-10 16:01:02 CST. --', expect: { timeText: '2022-05-09 08:12:44' } },
    { text: '-- No entries --', expect: { fields: { journalMarker: 'no-entries' } } },
  ],
});
