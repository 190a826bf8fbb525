import type { Fields } from '../../events/event.js';
import { severityFromWord } from '../../events/severity.js';
import { defineFormat, type FormatSample, type Parsed, type RecordOutline } from '../define.js';

/**
 * Python's `logging` module in its common layouts:
 *   basicConfig's default      "%(levelname)s:%(name)s:%(message)s"                 WARNING:root:msg
 *   the cookbook's             "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
 *   and                        "%(asctime)s %(levelname)s %(name)s: %(message)s"
 * asctime is "2024-03-02 11:04:05,123" in local time. Tracebacks (logger.exception, exc_info, or
 * Python's own for an uncaught exception) join the record above them; `finishRecord` puts the last
 * exception's type and message in fields.exception / exceptionMessage.
 *
 * The last layout is also log4j's "%d %p %c: %m" (Hadoop's default). Java loggers are class names
 * ("org.apache.hadoop.hdfs.DataNode"), Python's are module names ("shop.db"): a dotted name with a
 * capitalised part, or a '$', is left to log4j, and log4j's WARN/FATAL/TRACE never parse here.
 */
const LEVEL = '(DEBUG|INFO|WARNING|ERROR|CRITICAL)';
const DEFAULT_LAYOUT = new RegExp(`^${LEVEL}:([^:\\s]+):(.*)$`);
const ASCTIME = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d),(\d{3}) /;
const DASHES = new RegExp(`^- (\\S+) - ${LEVEL} - (.*)$`);
const COLON = new RegExp(`^${LEVEL} (\\S+?): (.*)$`);
const JAVA_LIKE_NAME = /\.[A-Z]|\$/;
const EXCEPTION_LINE = /^([A-Za-z_][\w.]*)(?:: (.*))?$/;
const MAX_EXCEPTION_CHARS = 1024;

// typed here: the samples' differing field sets would otherwise widen defineFormat's inferred type
const SAMPLES: readonly FormatSample[] = [
  { text: 'WARNING:root:no config file found, using defaults', expect: { severity: 'warn', logger: 'root', message: 'no config file found, using defaults' } },
  {
    text: '2024-03-02 11:04:05,123 - myapp.db - ERROR - connection pool exhausted (3/3 in use)',
    expect: { wallMs: Date.UTC(2024, 2, 2, 11, 4, 5, 123), severity: 'error', logger: 'myapp.db', message: 'connection pool exhausted (3/3 in use)' },
  },
  {
    text: '2024-03-02 11:04:05,123 WARNING shop.worker: order 42 retried 3 times',
    expect: { wallMs: Date.UTC(2024, 2, 2, 11, 4, 5, 123), severity: 'warn', logger: 'shop.worker', message: 'order 42 retried 3 times' },
  },
];

export const pythonLogging = defineFormat({
  name: 'python-logging',
  description: 'Python logging layouts ("WARNING:root:msg", "%(asctime)s - %(name)s - %(levelname)s - %(message)s", "%(asctime)s %(levelname)s %(name)s: %(message)s") with tracebacks joined',
  producer: 'python',
  shape: 'lines',
  // "Traceback (most recent call last):", indented frames and source lines, chaining notes, and the
  // exception line itself ("ValueError: bad value", "KeyError", "pkg.errors.DbError: ...")
  continuation: /^(?:Traceback \(most recent call last\):$|\s|During handling of the above exception|The above exception was the direct cause|[A-Za-z_][\w.]*(?:: |$))/,
  parse(line) {
    const c = line.charCodeAt(0);
    if (c >= 48 && c <= 57) return withTime(line);
    if (c !== 68 && c !== 73 && c !== 87 && c !== 69 && c !== 67) return undefined; // D I W E C
    const m = DEFAULT_LAYOUT.exec(line);
    if (!m) return undefined;
    return { severity: severityFromWord(m[1]), logger: m[2]!, message: m[3]! };
  },
  finishRecord(text: string, first: RecordOutline): RecordOutline {
    // the exception that ended the traceback: the last unindented line that reads like one
    let end = text.length;
    while (end > 0) {
      const start = text.lastIndexOf('\n', end - 1) + 1;
      if (start === 0) break; // the record's first line is the log line itself
      const line = text.slice(start, end);
      const e = line.charCodeAt(0) > 32 && !line.startsWith('Traceback ') ? EXCEPTION_LINE.exec(line) : null;
      if (e) {
        const fields: Fields = { ...first.fields, exception: e[1]! };
        if (e[2] !== undefined) fields.exceptionMessage = e[2].slice(0, MAX_EXCEPTION_CHARS);
        return { severity: first.severity, fields };
      }
      end = start - 1;
    }
    return first;
  },
  samples: SAMPLES,
});

function withTime(line: string): Parsed | undefined {
  const t = ASCTIME.exec(line);
  if (!t) return undefined;
  const rest = line.slice(t[0].length);
  let level: string, logger: string, message: string;
  const d = rest.charCodeAt(0) === 45 ? DASHES.exec(rest) : null;
  if (d) {
    [, logger, level, message] = d as unknown as [string, string, string, string];
  } else {
    const m = COLON.exec(rest);
    if (!m || JAVA_LIKE_NAME.test(m[2]!)) return undefined;
    [, level, logger, message] = m as unknown as [string, string, string, string];
  }
  const wallMs = Date.UTC(+t[1]!, +t[2]! - 1, +t[3]!, +t[4]!, +t[5]!, +t[6]!, +t[7]!);
  if (Number.isNaN(wallMs)) return undefined;
  return { wallMs, timeText: line.slice(0, t[0].length - 1), severity: severityFromWord(level), logger, message };
}
