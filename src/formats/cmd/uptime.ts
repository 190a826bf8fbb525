import { defineFormat, type DocumentFormat } from '../define.js';
import { decimal, record } from './table.js';

// " 04:18:35 up 28 min,  0 user,  load average: 4.21, 2.93, 1.38"; "up 3 days,  2:01", "up 1 day, 5 min",
// "up  2:01"; the user count may be missing; some locales print "0,34" for 0.34
const UPTIME = /^\s?(\d\d):(\d\d):(\d\d) up +(?:(\d{1,6}) days?, +)?(?:(\d{1,2}):(\d\d)|(\d{1,2}) min),\s+(?:(\d{1,6}) users?,\s+)?load averages?: (\d{1,6}[.,]\d\d),? (\d{1,6}[.,]\d\d),? (\d{1,6}[.,]\d\d)\s*$/;

/**
 * `uptime` (procps): one host record with uptimeSeconds, users and the load averages (load1, load5,
 * load15). It prints only the time of day, placed on the day of the run's other inputs.
 */
export const uptime = defineFormat<DocumentFormat>({
  name: 'uptime',
  description: '`uptime` (procps): time up since boot, users and load averages',
  producer: 'procps',
  shape: 'document',
  pathHint: /(?:^|\/)uptime(?:\.txt)?$/,
  recognize: (head) => (UPTIME.test(head.split('\n', 1)[0]!.replace(/\r$/, '')) ? 0.95 : 0),
  parse(text, ctx) {
    const first = text.split('\n', 1)[0]!.replace(/\r$/, '');
    const m = UPTIME.exec(first);
    if (!m) return { records: [], warnings: ['not the output of `uptime`'] };
    const minutes = m[7] !== undefined ? +m[7] : +m[5]! * 60 + +m[6]!;
    const uptimeSeconds = ((m[4] !== undefined ? +m[4] : 0) * 1440 + minutes) * 60;
    const fields = { uptimeSeconds, users: m[8] !== undefined ? +m[8] : null, load1: decimal(m[9]!), load5: decimal(m[10]!), load15: decimal(m[11]!) };
    const rec = record(1, first, `up ${first.slice(first.indexOf(' up ') + 4, first.search(/,\s+(?:\d+ users?,\s+)?load/))}, load average ${m[9]}, ${m[10]}, ${m[11]}`, fields);
    const timeText = `${m[1]}:${m[2]}:${m[3]}`;
    const msOfDay = ((+m[1]! * 60 + +m[2]!) * 60 + +m[3]!) * 1000;
    // only the time of day is printed: the day comes from the run (absent in samples)
    if (ctx.dateFor) {
      rec.wallMs = ctx.dateFor(msOfDay);
      rec.timeText = timeText;
    }
    return { records: [rec] };
  },
  samples: [
    { text: ' 04:18:35 up 28 min,  0 user,  load average: 4.21, 2.93, 1.38\n', expect: { message: 'up 28 min, load average 4.21, 2.93, 1.38', fields: { uptimeSeconds: 1680, users: 0, load1: 4.21, load5: 2.93, load15: 1.38 } } },
    { text: ' 10:21:07 up 3 days,  2:01,  1 user,  load average: 0,00, 0,01, 0,05\n', expect: { fields: { uptimeSeconds: 266460, users: 1, load1: 0, load5: 0.01, load15: 0.05 } } },
  ],
});
