import type { Severity } from '../../events/severity.js';
import { defineFormat, type Parsed } from '../define.js';

/**
 * Android's `logcat` in its three common layouts:
 *   threadtime (the default since Android 7) "06-21 08:02:11.210  1544  1561 I ActivityManager: msg"
 *     (`-v year` prints "2024-06-21 ..." first)
 *   time                                     "06-21 08:02:11.210 I/ActivityManager( 1544): msg"
 *   brief (no time)                          "I/ActivityManager( 1544): msg"
 * Tags shorter than 8 characters are padded before the colon ("I chatty  : ..."). The tag names the
 * component that logged (often a class), not the process: it goes to `logger`.
 */
const THREADTIME = /^(?:(\d{4})-)?(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3}) +(\d+) +(\d+) ([VDIWEFA]) (.*?) *:(?: |$)/;
const TIME = /^(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3}) ([VDIWEFA])\/(.*?) *\( *(\d+)\): ?/;
const BUFFER_MARK = '--------- beginning of ';
const BRIEF = /^([VDIWEFA])\/(.*?) *\( *(\d+)\): ?/;

// logcat's priorities: Verbose sits below Debug, Assert (wtf) is the top
const PRIORITY: Record<string, Severity> = { V: 'trace', D: 'debug', I: 'info', W: 'warn', E: 'error', F: 'fatal', A: 'fatal' };

export const androidLogcat = defineFormat({
  name: 'android-logcat',
  description: 'Android logcat in threadtime, time and brief layouts: "06-21 08:02:11.210  1544  1561 I ActivityManager: msg"',
  producer: 'android',
  shape: 'lines',
  yearless: true,
  pathHint: /(?:^|\/)(?:logcat|bugreport)[^/]*$/i,
  parse(line, ctx) {
    const c = line.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      // "06-21 08:..." or "2024-06-21 08:...": the character after the month tells threadtime from time
      const year = line.charCodeAt(4) === 45;
      const sep = line.charCodeAt(year ? 7 : 2);
      if (sep !== 45 /* - */) return undefined;
      const afterTime = year ? 23 : 18;
      if (line.charCodeAt(afterTime) !== 32) return undefined;
      const c2 = line.charCodeAt(afterTime + 1);
      if (c2 === 32 || (c2 >= 48 && c2 <= 57)) return threadtime(line, ctx);
      if (!year) return time(line, ctx);
      return undefined;
    }
    // logcat marks where each buffer's dump starts: "--------- beginning of crash"
    if (c === 45 && line.startsWith(BUFFER_MARK)) return { message: line.slice(10), fields: { buffer: line.slice(BUFFER_MARK.length) } };
    if (line.charCodeAt(1) !== 47 /* / */ || PRIORITY[line[0]!] === undefined) return undefined;
    const m = BRIEF.exec(line);
    if (!m) return undefined;
    return { severity: PRIORITY[m[1]!], logger: m[2]!, pid: +m[3]!, message: line.slice(m[0].length) };
  },
  samples: [
    {
      text: '06-21 08:02:17.350  1544  1613 D WindowManager: relayout Window{3c1a7b2 u0 com.example.notes/com.example.notes.MainActivity}: viewVisibility=0',
      expect: {
        wallMs: Date.UTC(2024, 5, 21, 8, 2, 17, 350), timeText: '06-21 08:02:17.350', severity: 'debug', pid: 1544, thread: '1613', logger: 'WindowManager',
        message: 'relayout Window{3c1a7b2 u0 com.example.notes/com.example.notes.MainActivity}: viewVisibility=0',
      },
    },
    {
      text: '11-02 09:00:01.204   618   640 E ActivityManager: ANR in com.example.notes (com.example.notes/.MainActivity)',
      expect: { severity: 'error', pid: 618, logger: 'ActivityManager', message: 'ANR in com.example.notes (com.example.notes/.MainActivity)' },
    },
    {
      text: '06-21 08:02:19.002 W/PowerManagerService( 1544): wake lock held too long: tag="sync"',
      expect: { wallMs: Date.UTC(2024, 5, 21, 8, 2, 19, 2), severity: 'warn', pid: 1544, logger: 'PowerManagerService', message: 'wake lock held too long: tag="sync"' },
    },
    {
      text: 'I/chatty  (  811): uid=1000(system) Binder:811_3 expire 4 lines',
      expect: { severity: 'info', pid: 811, logger: 'chatty', message: 'uid=1000(system) Binder:811_3 expire 4 lines' },
    },
    { text: '--------- beginning of crash', expect: { message: 'beginning of crash', fields: { buffer: 'crash' } } },
  ],
});

function threadtime(line: string, ctx: { yearFor(month: number): number }): Parsed | undefined {
  const m = THREADTIME.exec(line);
  if (!m) return undefined;
  const month = +m[2]! - 1;
  if (month < 0 || month > 11) return undefined;
  const year = m[1] ? +m[1] : ctx.yearFor(month);
  const wallMs = Date.UTC(year, month, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +m[7]!);
  if (Number.isNaN(wallMs)) return undefined;
  return {
    wallMs,
    timeText: line.slice(0, m[1] ? 23 : 18),
    severity: PRIORITY[m[10]!],
    pid: +m[8]!,
    thread: m[9]!,
    logger: m[11]!,
    message: line.slice(m[0].length),
  };
}

function time(line: string, ctx: { yearFor(month: number): number }): Parsed | undefined {
  const m = TIME.exec(line);
  if (!m) return undefined;
  const month = +m[1]! - 1;
  if (month < 0 || month > 11) return undefined;
  const wallMs = Date.UTC(ctx.yearFor(month), month, +m[2]!, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
  if (Number.isNaN(wallMs)) return undefined;
  return { wallMs, timeText: line.slice(0, 18), severity: PRIORITY[m[7]!], logger: m[8]!, pid: +m[9]!, message: line.slice(m[0].length) };
}
