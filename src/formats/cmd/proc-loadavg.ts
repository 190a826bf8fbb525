import { defineFormat, type DocumentFormat } from '../define.js';
import { record } from './table.js';

// "10.72 10.99 10.93 8/330 22458": load over 1, 5, 15 min, runnable/total scheduling entities, last pid
const LOADAVG = /^(\d{1,6}\.\d\d) (\d{1,6}\.\d\d) (\d{1,6}\.\d\d) (\d{1,9})\/(\d{1,9}) (\d{1,10})\s*$/;

/** /proc/loadavg: one host record with the three load averages and the runnable/total task counts. */
export const procLoadavg = defineFormat<DocumentFormat>({
  name: 'proc-loadavg',
  description: '/proc/loadavg: load averages over 1, 5 and 15 minutes, runnable and total tasks',
  producer: 'kernel',
  shape: 'document',
  pathHint: /(?:^|\/)(?:proc-)?loadavg(?:\.txt)?$/,
  recognize: (head) => (LOADAVG.test(head) ? 0.95 : 0),
  parse(text) {
    const m = LOADAVG.exec(text);
    if (!m) return { records: [], warnings: ['not /proc/loadavg (one "L1 L5 L15 R/T PID" line)'] };
    const fields = { load1: +m[1]!, load5: +m[2]!, load15: +m[3]!, runnableTasks: +m[4]!, totalTasks: +m[5]!, lastPid: +m[6]! };
    const line = m[0].trimEnd();
    return { records: [record(1, line, `load average ${m[1]}, ${m[2]}, ${m[3]}; ${m[4]} of ${m[5]} tasks runnable`, fields)] };
  },
  samples: [
    {
      text: '10.72 10.99 10.93 8/330 22458\n',
      expect: { fields: { load1: 10.72, load5: 10.99, load15: 10.93, runnableTasks: 8, totalTasks: 330, lastPid: 22458 } },
    },
  ],
});
