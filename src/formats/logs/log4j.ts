import type { Fields } from '../../events/event.js';
import { type Severity, severityFromWord } from '../../events/severity.js';
import { defineFormat, type Parsed } from '../define.js';
import { isoStamp, scanIsoLike } from '../timestamps.js';

/**
 * The layouts JVM services print with log4j/logback/slf4j. They share: an ISO-like timestamp first,
 * a level word, then [thread] and/or logger in some order, then " - " or ": " before the message.
 * ZooKeeper: "2024-03-02 11:04:05,210 [myid:3] - WARN  [QuorumPeer[myid=3]:Follower@129] - msg"
 * Kafka:     "[2024-03-02 11:04:05,210] INFO [KafkaServer id=1] started (kafka.server.KafkaServer)"
 * logback:   "2024-03-02 11:04:05.210 ERROR [main] o.a.c.Foo - msg" / "... [main] ERROR o.a.Foo - msg"
 * The layout regexes are sticky: they run from just past the timestamp, with no substring taken.
 */
const LEVEL = '(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL|SEVERE)';
const ZOOKEEPER = new RegExp(` ?(?:\\[myid:(\\d*)\\] )?- ${LEVEL} +\\[(.+?)(?::(\\w[\\w$.]*)@(\\d+))?\\] - (.*)$`, 'y');
const LEVEL_FIRST = new RegExp(` ${LEVEL} +(?:\\[([^\\]]*(?:\\[[^\\]]*\\][^\\]]*)*)\\] )?(?:([\\w$.]+)(?:(?::\\d+)? - |: ))?(.*)$`, 'y');
const THREAD_FIRST = new RegExp(` \\[([^\\]]*(?:\\[[^\\]]*\\][^\\]]*)*)\\] ${LEVEL} +(?:([\\w$.]+)(?:(?::\\d+)? - |: ))?(.*)$`, 'y');
const KAFKA_TAIL = / \(([\w$.]+)\)$/;

export const log4j = defineFormat({
  name: 'log4j',
  description: 'log4j/logback layouts of JVM services (ZooKeeper, Kafka, Hadoop, Spring) with stack traces joined',
  producer: 'jvm',
  shape: 'lines',
  pathHint: /(?:zookeeper|kafka|server|hadoop|hbase|spring|catalina|application)[^/]*\.(?:log|out)(?:\.\d+)?$/i,
  // "\tat ...", "Caused by: ...", "\t... 12 more", and exception headers "java.io.IOException: ..."; the
  // JVM pause monitor's (ZooKeeper, Hadoop, HBase) lines under "Detected pause in JVM or host machine":
  // "No GCs detected" or one "GC pool 'ParNew' had collection(s): count=1 time=1502ms" per collector
  continuation: /^(?:\s+at |\s*Caused by: |\s*Suppressed: |\s+\.\.\. \d+ (?:more|common frames omitted)|[a-z][\w$]*(?:\.[\w$]+)+(?:Exception|Error|Throwable)\b|No GCs detected\s*$|GC pool '[^']{1,200}' had collection\(s\): )/,
  parse(line) {
    const bracketed = line.charCodeAt(0) === 91; // Kafka wraps the time in [...]
    const at = bracketed ? 1 : 0;
    // log4j's ISO8601 dates use dashes; '2024/03/02' is Go's log package or nginx, not log4j
    if (line.charCodeAt(at + 4) !== 45) return undefined;
    const stampEnd = scanIsoLike(line, at);
    if (stampEnd < 0) return undefined;
    const wallMs = isoStamp.wallMs;
    const offsetMin = isoStamp.offsetMin;
    let pos = stampEnd;
    if (bracketed) {
      if (line.charCodeAt(pos) !== 93) return undefined;
      pos++;
    }
    const timeText = line.slice(at, stampEnd);
    // the character after the timestamp tells the layout: " - LEVEL" / " [myid:" (ZooKeeper),
    // " [thread] LEVEL" (thread first), " LEVEL" (level first): one regex per line, not three
    const c1 = line.charCodeAt(pos + 1);
    let m: RegExpExecArray | null;
    if (c1 === 45 /* - */ || (c1 === 91 /* [ */ && line.startsWith(' [myid:', pos))) {
      ZOOKEEPER.lastIndex = pos;
      m = ZOOKEEPER.exec(line);
      if (!m) return undefined;
      return parsedOf(wallMs, offsetMin, timeText, severityFromWord(m[2]), m[3]!, m[4] ?? null, m[6]!,
        m[1] ? { myid: +m[1], sourceLine: m[5] ? +m[5] : null } : null);
    }
    if (c1 === 91 /* [ */ && !bracketed) {
      THREAD_FIRST.lastIndex = pos;
      m = THREAD_FIRST.exec(line);
      if (!m) return undefined;
      return parsedOf(wallMs, offsetMin, timeText, severityFromWord(m[2]), m[1]!, m[3] ?? null, m[4]!, undefined);
    }
    LEVEL_FIRST.lastIndex = pos;
    m = LEVEL_FIRST.exec(line);
    if (!m) return undefined;
    let message = m[4]!;
    let logger = m[3] ?? null;
    const k = logger === null && bracketed ? KAFKA_TAIL.exec(message) : null;
    if (k) {
      logger = k[1]!;
      message = message.slice(0, k.index);
    }
    // LEVEL_FIRST's optional thread group swallows Kafka's "[KafkaServer id=1]" prefix: keep it in the message
    if (bracketed && m[2] !== undefined) message = `[${m[2]}] ${message}`;
    return parsedOf(wallMs, offsetMin, timeText, severityFromWord(m[1]), bracketed ? null : (m[2] ?? null), logger, message, undefined);
  },
  samples: [
    {
      text: '2024-03-02 11:04:05,210 [myid:3] - WARN  [QuorumPeer[myid=3](plain=0.0.0.0:2181)(secure=disabled):Follower@129] - Exception when following the leader',
      expect: { severity: 'warn', logger: 'Follower', thread: 'QuorumPeer[myid=3](plain=0.0.0.0:2181)(secure=disabled)', message: 'Exception when following the leader' },
    },
    {
      text: '2022-05-10 15:45:04,946 - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxnFactory@197] - Accepted socket connection from /127.0.0.1:55492',
      expect: { severity: 'info', logger: 'NIOServerCnxnFactory', message: 'Accepted socket connection from /127.0.0.1:55492' },
    },
    {
      text: '[2024-03-02 11:04:05,210] INFO [KafkaServer id=1] started (kafka.server.KafkaServer)',
      expect: { severity: 'info', logger: 'kafka.server.KafkaServer', message: '[KafkaServer id=1] started' },
    },
    {
      text: '2024-03-02 11:04:05.210 ERROR [http-nio-8080-exec-3] c.e.o.OrderService - payment failed',
      expect: { severity: 'error', thread: 'http-nio-8080-exec-3', logger: 'c.e.o.OrderService', message: 'payment failed' },
    },
    {
      text: '2024-03-02 11:04:05,210 [main] INFO  org.apache.hadoop.Foo: starting',
      expect: { severity: 'info', thread: 'main', logger: 'org.apache.hadoop.Foo', message: 'starting' },
    },
  ],
});

/** One object shape for every log4j record, so the code that reads it stays monomorphic. */
function parsedOf(
  wallMs: number, offsetMin: number | undefined, timeText: string, severity: Severity | null, thread: string | null,
  logger: string | null, message: string, fields: Fields | null | undefined,
): Parsed {
  return { wallMs, offsetMin, uptimeSec: undefined, timeText, severity, host: undefined, process: undefined, pid: undefined, thread, logger, message, fields };
}
