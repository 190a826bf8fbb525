import { severityFromWord } from '../../events/severity.js';
import { defineFormat, type Parsed } from '../define.js';
import { log4j } from './log4j.js';

/**
 * log4j layouts with a two-digit-year date, which log4j.ts (ISO-like dates) does not read:
 *   Spark's default console layout "%d{yy/MM/dd HH:mm:ss} %p %c{1}: %m"
 *     "19/02/27 13:05:09 INFO executor.Executor: Running task 4.0 in stage 2.0 (TID 17)"
 *   early Hadoop (0.x) daemons "%d{yyMMdd HHmmss} %t %p %c: %m", the thread id after the time
 *     "090315 114301 7738 INFO dfs.DataNode$PacketResponder: PacketResponder 2 for block blk_512... terminating"
 * Two-digit years are taken as 20yy: both layouts postdate 2000.
 */
const LEVEL = '(TRACE|DEBUG|INFO|WARN|ERROR|FATAL)';
const SLASHED = new RegExp(`^(\\d\\d)/(\\d\\d)/(\\d\\d) (\\d\\d):(\\d\\d):(\\d\\d) ${LEVEL} +([\\w$.-]+):(?: |$)`);
const COMPACT = new RegExp(`^(\\d\\d)(\\d\\d)(\\d\\d) (\\d\\d)(\\d\\d)(\\d\\d) (\\d+) ${LEVEL} +([\\w$.-]+):(?: |$)`);

export const log4jShortDate = defineFormat({
  name: 'log4j-short-date',
  description: 'log4j layouts with a yy/MM/dd or yyMMdd date: Spark\'s default ("19/02/27 13:05:09 INFO executor.Executor: msg") and early Hadoop\'s ("090315 114258 7739 INFO dfs.DataNode: msg")',
  producer: 'jvm',
  shape: 'lines',
  pathHint: /(?:spark|hadoop|hdfs|yarn|executor|datanode|namenode)[^/]*\.(?:log|out|stderr)(?:\.\d+)?$/i,
  // Java stack traces join their record as in log4j.ts
  continuation: log4j.continuation,
  parse(line) {
    const c = line.charCodeAt(0);
    if (c < 48 || c > 57) return undefined;
    const third = line.charCodeAt(2);
    if (third === 47 /* / */) return slashed(line);
    if (third >= 48 && third <= 57 && line.charCodeAt(6) === 32) return compact(line);
    return undefined;
  },
  samples: [
    {
      text: '19/02/27 13:05:11 INFO storage.MemoryStore: Block rdd_17_4 stored as values in memory (estimated size 2.1 MB, free 1.9 GB)',
      expect: {
        wallMs: Date.UTC(2019, 1, 27, 13, 5, 11), severity: 'info', logger: 'storage.MemoryStore',
        message: 'Block rdd_17_4 stored as values in memory (estimated size 2.1 MB, free 1.9 GB)',
      },
    },
    {
      text: '19/02/27 13:05:40 ERROR executor.Executor: Exception in task 3.0 in stage 1.0 (TID 7)',
      expect: { severity: 'error', logger: 'executor.Executor', thread: null, message: 'Exception in task 3.0 in stage 1.0 (TID 7)' },
    },
    {
      text: '090315 114302 7741 WARN dfs.DataNode$DataXceiver: 127.0.0.1:50010:Got exception while serving blk_-7302851664018274113 to /127.0.0.1:',
      expect: {
        wallMs: Date.UTC(2009, 2, 15, 11, 43, 2), severity: 'warn', thread: '7741', logger: 'dfs.DataNode$DataXceiver',
        message: '127.0.0.1:50010:Got exception while serving blk_-7302851664018274113 to /127.0.0.1:',
      },
    },
  ],
});

function slashed(line: string): Parsed | undefined {
  const m = SLASHED.exec(line);
  if (!m) return undefined;
  const wallMs = wall(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!);
  if (wallMs === undefined) return undefined;
  return { wallMs, timeText: line.slice(0, 17), severity: severityFromWord(m[7]), thread: null, logger: m[8]!, message: line.slice(m[0].length) };
}

function compact(line: string): Parsed | undefined {
  const m = COMPACT.exec(line);
  if (!m) return undefined;
  const wallMs = wall(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!);
  if (wallMs === undefined) return undefined;
  return { wallMs, timeText: line.slice(0, 13), severity: severityFromWord(m[8]), thread: m[7]!, logger: m[9]!, message: line.slice(m[0].length) };
}

function wall(yy: string, mo: string, dd: string, h: string, mi: string, s: string): number | undefined {
  const month = +mo - 1;
  const day = +dd;
  if (month < 0 || month > 11 || day < 1 || day > 31) return undefined;
  return Date.UTC(2000 + +yy, month, day, +h, +mi, +s);
}
