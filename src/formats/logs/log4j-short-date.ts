import { severityFromWord } from '../../events/severity.js';
import { defineFormat, type Parsed } from '../define.js';
import { log4j } from './log4j.js';
import { digitsAt, wallFromParts } from './stamp-digits.js';

/**
 * log4j layouts with a two-digit-year date, which log4j.ts (ISO-like dates) does not read:
 *   Spark's default console layout "%d{yy/MM/dd HH:mm:ss} %p %c{1}: %m"
 *     "19/02/27 13:05:09 INFO executor.Executor: Running task 4.0 in stage 2.0 (TID 17)"
 *   early Hadoop (0.x) daemons "%d{yyMMdd HHmmss} %t %p %c: %m", the thread id after the time
 *     "090315 114301 7738 INFO dfs.DataNode$PacketResponder: PacketResponder 2 for block blk_512... terminating"
 * Two-digit years are taken as 20yy: both layouts postdate 2000.
 */
const LEVEL = '(TRACE|DEBUG|INFO|WARN|ERROR|FATAL)';
// what follows the fixed-width stamp (read by character codes); sticky: matched in place
const SLASHED_REST = new RegExp(` ${LEVEL} +([\\w$.-]+):(?: |$)`, 'y');
const COMPACT_REST = new RegExp(` (\\d+) ${LEVEL} +([\\w$.-]+):(?: |$)`, 'y');
const SLASHED_CHARS = 17; // "17/06/09 20:10:40"
const COMPACT_CHARS = 13; // "081109 203615"

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
  if (line.charCodeAt(5) !== 47 || line.charCodeAt(8) !== 32 || line.charCodeAt(11) !== 58 || line.charCodeAt(14) !== 58) return undefined;
  const wallMs = wallFromParts(year(line), digitsAt(line, 3, 2), digitsAt(line, 6, 2), digitsAt(line, 9, 2), digitsAt(line, 12, 2), digitsAt(line, 15, 2), 0);
  if (wallMs === undefined) return undefined;
  SLASHED_REST.lastIndex = SLASHED_CHARS;
  const m = SLASHED_REST.exec(line);
  if (!m) return undefined;
  return { wallMs, timeText: line.slice(0, SLASHED_CHARS), severity: severityFromWord(m[1]), thread: null, logger: m[2]!, message: line.slice(SLASHED_REST.lastIndex) };
}

function compact(line: string): Parsed | undefined {
  const wallMs = wallFromParts(year(line), digitsAt(line, 2, 2), digitsAt(line, 4, 2), digitsAt(line, 7, 2), digitsAt(line, 9, 2), digitsAt(line, 11, 2), 0);
  if (wallMs === undefined) return undefined;
  COMPACT_REST.lastIndex = COMPACT_CHARS;
  const m = COMPACT_REST.exec(line);
  if (!m) return undefined;
  return { wallMs, timeText: line.slice(0, COMPACT_CHARS), severity: severityFromWord(m[2]), thread: m[1]!, logger: m[3]!, message: line.slice(COMPACT_REST.lastIndex) };
}

/** 20yy from the first two characters, or -1 (which wallFromParts refuses). */
function year(line: string): number {
  const yy = digitsAt(line, 0, 2);
  return yy < 0 ? -1 : 2000 + yy;
}
