import type { Fields } from '../../events/event.js';
import { monthIndex } from '../../events/time.js';
import { defineFormat, type LineFormat, type Parsed } from '../define.js';
import { offsetFromEpoch, parseAlertPrefix } from './alert-tagged.js';

/**
 * Syslog lines of HPC clusters archived with an alert tag (alert-tagged.ts) in front:
 * "- 1131720845 2005.11.11 cn417 Nov 11 06:54:05 cn417/cn417 sshd(pam_unix)[30114]: session opened for user ops".
 * The syslog relay writes the day unpadded and the sender as "node/node" or "src@node". Kernel lines
 * carry no "kernel:" tag, so a subsystem prefix ("ACPI: ...") reads as the process, as in
 * syslog-rfc3164. The year comes from the prefix's date.
 */
// sticky: matched where the prefix ends, without copying the line
const BODY = /([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d\d):(\d\d):(\d\d) (\S+) /y;
const TAG = /([^\s:[\]]+)(?:\[(\d+)\])?: /y;
const HALF_YEAR_MS = 183 * 86_400_000;

export const syslogAlertTagged = defineFormat<LineFormat>({
  name: 'syslog-alert-tagged',
  description: 'syslog archived with an alert tag, epoch, date and node first (HPC cluster logs): "- 1131720846 2005.11.11 cn417 Nov 11 06:54:06 cn417/cn417 ntpd[2207]: msg"',
  producer: 'syslog',
  shape: 'lines',
  parse(line) {
    const pre = parseAlertPrefix(line);
    if (!pre) return undefined;
    const b = pre.bodyStart;
    const c = line.charCodeAt(b);
    if (c < 65 || c > 90) return undefined; // the month's capital
    BODY.lastIndex = b;
    const m = BODY.exec(line);
    if (!m) return undefined;
    const month = monthIndex(m[1]!);
    if (month < 0) return undefined;
    let wallMs = Date.UTC(pre.year, month, +m[2]!, +m[3]!, +m[4]!, +m[5]!);
    // the prefix's date is the archive's: a record from the turn of the year may sit in the next one
    if (wallMs - pre.epochMs > HALF_YEAR_MS) wallMs = Date.UTC(pre.year - 1, month, +m[2]!, +m[3]!, +m[4]!, +m[5]!);
    else if (pre.epochMs - wallMs > HALF_YEAR_MS) wallMs = Date.UTC(pre.year + 1, month, +m[2]!, +m[3]!, +m[4]!, +m[5]!);
    const rest = BODY.lastIndex;
    let process: string | null = null;
    let pid: number | null = null;
    TAG.lastIndex = rest;
    const t = TAG.exec(line);
    if (t) {
      process = t[1]!;
      pid = t[2] ? +t[2] : null;
    }
    const message = line.slice(t ? TAG.lastIndex : rest);
    const fields: Fields = { sender: m[6]! };
    if (pre.alert !== null) fields.alert = pre.alert;
    const p: Parsed = { wallMs, timeText: line.slice(b, rest - m[6]!.length - 2), host: pre.node, process, pid, message, fields };
    const offsetMin = offsetFromEpoch(wallMs, pre.epochMs);
    if (offsetMin !== undefined) p.offsetMin = offsetMin;
    return p;
  },
  samples: [
    {
      text: '- 1131720845 2005.11.11 cn417 Nov 11 06:54:05 cn417/cn417 sshd(pam_unix)[30114]: session opened for user ops by (uid=0)',
      expect: {
        wallMs: Date.UTC(2005, 10, 11, 6, 54, 5), offsetMin: -480, timeText: 'Nov 11 06:54:05', host: 'cn417', process: 'sshd(pam_unix)', pid: 30114,
        message: 'session opened for user ops by (uid=0)', fields: { sender: 'cn417/cn417' },
      },
    },
    {
      text: 'KERNPANIC 1133397722 2005.11.30 an302 Nov 30 16:42:02 an302/an302 Kernel panic - not syncing: Attempted to kill init!',
      expect: { wallMs: Date.UTC(2005, 10, 30, 16, 42, 2), host: 'an302', process: null, message: 'Kernel panic - not syncing: Attempted to kill init!', fields: { sender: 'an302/an302', alert: 'KERNPANIC' } },
    },
    {
      text: '- 1136073601 2006.01.01 sadmin2 Dec 31 16:00:01 src@sadmin2 crond[8841]: (root) CMD (run-parts /etc/cron.hourly)',
      expect: { wallMs: Date.UTC(2005, 11, 31, 16, 0, 1), offsetMin: -480, host: 'sadmin2', process: 'crond', pid: 8841 },
    },
  ],
});
