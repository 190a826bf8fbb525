import type { Severity } from '../../events/severity.js';
import { defineFormat, type ParseContext, type Parsed } from '../define.js';
import { digitsAt, wallFromParts } from './stamp-digits.js';

/**
 * Android's `logcat` in its three common layouts:
 *   threadtime (the default since Android 7) "06-21 08:02:11.210  1544  1561 I ActivityManager: msg"
 *     (`-v year` prints "2024-06-21 ..." first)
 *   time                                     "06-21 08:02:11.210 I/ActivityManager( 1544): msg"
 *   brief (no time)                          "I/ActivityManager( 1544): msg"
 * Tags shorter than 8 characters are padded before the colon ("I chatty  : ..."). The tag names the
 * component that logged (often a class), not the process: it goes to `logger`.
 */
// what follows the "MM-dd HH:mm:ss.SSS" stamp (read by character codes); sticky: matched in place
const THREADTIME_REST = / +(\d+) +(\d+) ([VDIWEFA]) (.*?) *:(?: |$)/y;
const TIME_REST = / ([VDIWEFA])\/(.*?) *\( *(\d+)\): ?/y;
const STAMP_CHARS = 18;
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
      if (c2 === 32 || (c2 >= 48 && c2 <= 57)) return threadtime(line, ctx, year);
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

function threadtime(line: string, ctx: ParseContext, hasYear: boolean): Parsed | undefined {
  const at = hasYear ? 5 : 0;
  const printedYear = hasYear ? digitsAt(line, 0, 4) : -1;
  if (hasYear && printedYear < 0) return undefined;
  const wallMs = stampAt(line, at, printedYear, ctx);
  if (wallMs === undefined) return undefined;
  THREADTIME_REST.lastIndex = at + STAMP_CHARS;
  const m = THREADTIME_REST.exec(line);
  if (!m) return undefined;
  return {
    wallMs,
    timeText: line.slice(0, at + STAMP_CHARS),
    severity: PRIORITY[m[3]!],
    pid: +m[1]!,
    thread: m[2]!,
    logger: m[4]!,
    message: line.slice(THREADTIME_REST.lastIndex),
  };
}

function time(line: string, ctx: ParseContext): Parsed | undefined {
  const wallMs = stampAt(line, 0, -1, ctx);
  if (wallMs === undefined) return undefined;
  TIME_REST.lastIndex = STAMP_CHARS;
  const m = TIME_REST.exec(line);
  if (!m) return undefined;
  return { wallMs, timeText: line.slice(0, STAMP_CHARS), severity: PRIORITY[m[1]!], logger: m[2]!, pid: +m[3]!, message: line.slice(TIME_REST.lastIndex) };
}

// the year of the last month asked, per context: yearFor is not called for every line
let lastYear = { ctx: null as ParseContext | null, month: -1, year: 0 };

/** "MM-dd HH:mm:ss.SSS" at `at`; the year printed (>= 0) or from the context. */
function stampAt(line: string, at: number, printedYear: number, ctx: ParseContext): number | undefined {
  if (line.charCodeAt(at + 2) !== 45 || line.charCodeAt(at + 5) !== 32 || line.charCodeAt(at + 8) !== 58 || line.charCodeAt(at + 11) !== 58 ||
    line.charCodeAt(at + 14) !== 46) return undefined;
  const month = digitsAt(line, at, 2);
  if (month < 1 || month > 12) return undefined;
  let year = printedYear;
  if (year < 0) {
    const l = lastYear;
    if (l.ctx === ctx && l.month === month) year = l.year;
    else {
      year = ctx.yearFor(month - 1);
      lastYear = { ctx, month, year };
    }
  }
  return wallFromParts(year, month, digitsAt(line, at + 3, 2), digitsAt(line, at + 6, 2), digitsAt(line, at + 9, 2), digitsAt(line, at + 12, 2), digitsAt(line, at + 15, 3));
}
