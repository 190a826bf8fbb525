import { severityFromSyslog, severityFromWord } from '../../events/severity.js';
import { defineFormat } from '../define.js';
import { parseSyslogStamp } from '../timestamps.js';

// "<13>" priority is optional: files written by rsyslog drop it, network captures keep it.
const LINE =
  /^(?:<(\d{1,3})>)?([A-Z][a-z]{2}) ([ \d]\d) (\d\d:\d\d:\d\d)(?:\.(\d+))? (\S+) ([^\s:[]+)(?:\[(\d+)\])?: ?(.*)$/;
const KERNEL_UPTIME = /^\[\s*(\d+\.\d+)\] /;
const LEVEL_WORD = /^(?:<(\w+)>|\[?(DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|CRIT|FATAL)\]?[: ])/;

export const syslogRfc3164 = defineFormat({
  name: 'syslog-rfc3164',
  description: 'classic BSD syslog lines (/var/log/messages, syslog, kern.log): "Mar  2 11:04:05 host prog[pid]: msg"',
  producer: 'syslog',
  shape: 'lines',
  yearless: true,
  pathHint: /(?:^|\/)(?:messages|syslog|kern\.log|daemon\.log|auth\.log|secure)(?:\.\d+)?(?:\.gz)?$/,
  parse(line, ctx) {
    const m = LINE.exec(line);
    if (!m) return undefined;
    const wallMs = parseSyslogStamp(m[2]!, m[3]!, m[4]!, m[5], ctx);
    if (wallMs === undefined) return undefined;
    const process = m[7]!;
    let message = m[9]!;
    let uptimeSec: number | undefined;
    // kernel lines keep the ring buffer's "[ 1234.567890]": it anchors raw dmesg on the clock
    if (process === 'kernel') {
      const k = KERNEL_UPTIME.exec(message);
      if (k) {
        uptimeSec = +k[1]!;
        message = message.slice(k[0].length);
      }
    }
    const lw = LEVEL_WORD.exec(message);
    const pri = m[1] === undefined ? undefined : +m[1];
    return {
      wallMs,
      timeText: stampText(line, m),
      host: m[6]!,
      process,
      pid: m[8] ? +m[8] : null,
      severity: pri !== undefined ? severityFromSyslog(pri) : lw ? severityFromWord(lw[1] ?? lw[2]) : null,
      message,
      fields: uptimeSec === undefined ? null : { uptimeSec },
    };
  },
  samples: [
    {
      text: 'Mar  2 11:04:05 web-3 sshd[1234]: Accepted publickey for deploy from 127.0.0.1 port 52144 ssh2',
      expect: { host: 'web-3', process: 'sshd', pid: 1234, message: 'Accepted publickey for deploy from 127.0.0.1 port 52144 ssh2' },
    },
    {
      text: 'May 10 15:45:51 db-1 kernel: [8812345.123456] Out of memory: Killed process 38581 (java)',
      expect: { process: 'kernel', message: 'Out of memory: Killed process 38581 (java)', fields: { uptimeSec: 8812345.123456 } },
    },
    { text: '<11>Jan 12 06:00:01 app-2 cron[77]: error: job failed', expect: { severity: 'error' } },
  ],
});


/** The stamp as printed: after an optional "<PRI>", 15 characters plus any fraction. */
function stampText(line: string, m: RegExpExecArray): string {
  const start = m[1] === undefined ? 0 : m[1].length + 2;
  return line.slice(start, start + 15 + (m[5] ? m[5].length + 1 : 0));
}
