import { type Severity, severityFromSyslog, severityFromWord } from '../../events/severity.js';
import { defineFormat, type Parsed } from '../define.js';
import { scanSyslogStamp, syslogStamp } from '../timestamps.js';

// The layout: optional "<PRI>" (files written by rsyslog drop it, network captures keep it), then
// "Mmm dD HH:MM:SS[.frac] host program[pid]: message". Read by a character scan, not a regex:
// this is the commonest log of all.
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
    let p = 0;
    let pri = -1;
    if (line.charCodeAt(0) === 60 /* < */) {
      const close = line.indexOf('>', 1);
      if (close < 2 || close > 4 || !allDigits(line, 1, close)) return undefined;
      pri = +line.slice(1, close);
      p = close + 1;
    }
    const stampEnd = scanSyslogStamp(line, p, ctx);
    if (stampEnd < 0 || line.charCodeAt(stampEnd) !== 32) return undefined;
    const wallMs = syslogStamp.wallMs;
    // host: a run of non-space characters, then one space
    const hostStart = stampEnd + 1;
    const hostEnd = line.indexOf(' ', hostStart);
    if (hostEnd <= hostStart || hasSpace(line, hostStart, hostEnd)) return undefined;
    // program: up to ':', '[' or a space
    const procStart = hostEnd + 1;
    let i = procStart;
    let c = line.charCodeAt(i);
    while (i < line.length && c !== 58 && c !== 91 && !isSpace(c)) c = line.charCodeAt(++i);
    if (i === procStart || i === line.length) return undefined;
    const procEnd = i;
    let pid: number | null = null;
    if (c === 91 /* [ */) {
      const close = line.indexOf(']', i + 1);
      if (close < i + 2 || !allDigits(line, i + 1, close)) return undefined;
      pid = +line.slice(i + 1, close);
      i = close + 1;
    }
    if (line.charCodeAt(i) !== 58 /* : */) return undefined;
    i++;
    if (line.charCodeAt(i) === 32) i++;
    const process = line.slice(procStart, procEnd);
    let message = line.slice(i);
    let uptimeSec: number | undefined;
    // kernel lines keep the ring buffer's "[ 1234.567890]": it anchors raw dmesg on the clock
    if (message.charCodeAt(0) === 91 && process === 'kernel') {
      const k = KERNEL_UPTIME.exec(message);
      if (k) {
        uptimeSec = +k[1]!;
        message = message.slice(k[0].length);
      }
    }
    const parsed: Parsed = {
      wallMs,
      offsetMin: undefined,
      uptimeSec: undefined,
      timeText: line.slice(p, stampEnd),
      severity: pri >= 0 ? severityFromSyslog(pri) : levelOf(message),
      host: line.slice(hostStart, hostEnd),
      process,
      pid,
      thread: undefined,
      logger: undefined,
      message,
      fields: uptimeSec === undefined ? null : { uptimeSec },
    };
    return parsed;
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


/** A level written first in the message: "<warn>", "[ERROR]", "WARN: ", "error " (the first letter is checked before the regex). */
function levelOf(message: string): Severity | null {
  const c = message.charCodeAt(0);
  if (c !== 60 && c !== 91 && !(c === 67 || c === 68 || c === 69 || c === 70 || c === 73 || c === 78 || c === 87)) return null;
  const lw = LEVEL_WORD.exec(message);
  return lw ? severityFromWord(lw[1] ?? lw[2]) : null;
}

function allDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function hasSpace(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isSpace(s.charCodeAt(i))) return true;
  return false;
}

/** What \s matches. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff;
}
