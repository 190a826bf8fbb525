import { defineFormat, type DocumentFormat, type DocumentRecord } from '../define.js';
import { record, splitLines } from './table.js';

const LINE = /^(some|full) avg10=(\d{1,3}\.\d\d) avg60=(\d{1,3}\.\d\d) avg300=(\d{1,3}\.\d\d) total=(\d{1,20})$/;
// the resource is only in the file's name: /proc/pressure/cpu, collect's proc-pressure-memory.txt
const RESOURCE = /(?:^|[/-])pressure[/-](cpu|memory|io|irq)(?:\.txt)?$/;

/**
 * /proc/pressure/{cpu,memory,io} (PSI): one record per line. `some` is the share of time at least
 * one task stalled on the resource, `full` the share all non-idle tasks did, as percentages over 10,
 * 60 and 300 s (avg10Percent...), and totalStallUs since boot. The resource comes from the path.
 */
export const procPressure = defineFormat<DocumentFormat>({
  name: 'proc-pressure',
  description: '/proc/pressure/{cpu,memory,io}: pressure stall information, % of time tasks waited',
  producer: 'kernel',
  shape: 'document',
  pathHint: RESOURCE,
  recognize: (head) => (/^some avg10=\d+\.\d\d avg60=\d+\.\d\d avg300=\d+\.\d\d total=\d+\r?\n?(?:full |$)/.test(head) ? 0.95 : 0),
  parse(text, ctx) {
    const resource = ctx.path !== undefined ? (RESOURCE.exec(ctx.path)?.[1] ?? null) : null;
    const records: DocumentRecord[] = [];
    splitLines(text).forEach((l, i) => {
      const m = LINE.exec(l);
      if (!m) return;
      const fields = { resource, kind: m[1]!, avg10Percent: +m[2]!, avg60Percent: +m[3]!, avg300Percent: +m[4]!, totalStallUs: Number(m[5]) };
      const what = resource ?? 'resource';
      const who = m[1] === 'some' ? 'some tasks' : 'all tasks';
      records.push(record(i + 1, l, `${what} pressure: ${who} stalled ${m[2]} % of the last 10 s, ${m[3]} % of 60 s, ${m[4]} % of 300 s`, fields));
    });
    return records.length ? { records } : { records, warnings: ['no "some avg10=..." line: not a /proc/pressure file'] };
  },
  samples: [
    {
      text: 'some avg10=96.04 avg60=90.98 avg300=88.77 total=2385740814\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n',
      expect: { fields: { resource: null, kind: 'some', avg10Percent: 96.04, avg60Percent: 90.98, avg300Percent: 88.77, totalStallUs: 2385740814 } },
    },
  ],
});
