import { defineFormat, type Parsed } from '../define.js';
import { fractionToMs } from '../../events/time.js';
import { parseJournalMarker, parseJournalTail } from './journal-lines.js';

/**
 * `journalctl -o short-iso` / `short-iso-precise`: "2024-03-02T11:04:05+0800 host unit[pid]: msg".
 * journalctl writes the offset as +HHMM (newer versions +HH:MM, never with a fraction); rsyslog's
 * high-precision files ("...05.123456+08:00") are a different producer and are not taken.
 */
const STAMP = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{6})([+-])(\d\d)(\d\d)|([+-])(\d\d):?(\d\d)) /;

export const journalctlShortIso = defineFormat({
  name: 'journalctl-short-iso',
  description: 'journalctl -o short-iso(-precise): "2024-03-02T11:04:05+0800 host unit[pid]: msg"',
  producer: 'systemd-journald',
  shape: 'lines',
  pathHint: /(?:^|\/)journalctl[\w.@-]*iso[\w.@-]*$/,
  parse(line) {
    const c = line.charCodeAt(0);
    if (c === 45) return parseJournalMarker(line);
    if (c < 48 || c > 57) return undefined;
    const m = STAMP.exec(line);
    if (!m) return undefined;
    const wallMs = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, fractionToMs(m[7]));
    if (Number.isNaN(wallMs)) return undefined;
    const sign = m[8] ?? m[11]!;
    const offsetAbs = +(m[9] ?? m[12]!) * 60 + +(m[10] ?? m[13]!);
    const out: Parsed = { wallMs, offsetMin: sign === '-' ? -offsetAbs : offsetAbs, timeText: line.slice(0, m[0].length - 1), message: '' };
    return parseJournalTail(line.slice(m[0].length), out) ? out : undefined;
  },
  samples: [
    {
      text: '2026-11-22T12:10:07+0800 vm cron[11258]: error: job failed',
      expect: { wallMs: Date.UTC(2026, 10, 22, 12, 10, 7), offsetMin: 480, host: 'vm', process: 'cron', pid: 11258, severity: 'error', message: 'error: job failed' },
    },
    {
      text: '2024-03-02T11:04:05.123456-0500 db-1 kernel: INFO: task java:38581 blocked for more than 120 seconds.',
      expect: { offsetMin: -300, wallMs: Date.UTC(2024, 2, 2, 11, 4, 5, 123), process: 'kernel', severity: 'error' },
    },
  ],
});
