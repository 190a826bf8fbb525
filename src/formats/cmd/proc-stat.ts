import { defineFormat } from '../define.js';

const BTIME = /^btime (\d{1,12})$/m;

/**
 * /proc/stat: its `btime` line is the boot instant in seconds since the epoch (UTC). The record
 * carries `fields.bootTimeMs` so the run can place the host's raw kernel times on the clock.
 */
export const procStat = defineFormat({
  name: 'proc-stat',
  description: '/proc/stat: kernel counters; its btime line (boot time, epoch seconds) anchors raw dmesg times',
  producer: 'kernel',
  shape: 'document',
  pathHint: /(?:^|\/)proc-stat(?:\.txt)?$/,
  recognize: (head) => (/^cpu +\d+ \d+ \d+ \d+/.test(head) && /\nbtime \d+\n/.test(head) && /\nctxt \d+\n/.test(head) ? 0.95 : 0),
  parse(text) {
    const m = BTIME.exec(text);
    if (!m) return { records: [], warnings: ['no btime line: the boot time is unknown'] };
    const bootTimeMs = +m[1]! * 1000;
    const line = text.slice(0, m.index).split('\n').length;
    const iso = new Date(bootTimeMs).toISOString();
    return {
      records: [{ line, text: m[0], wallMs: bootTimeMs, offsetMin: 0, timeText: m[1]!, severity: 'info', message: `host booted at ${iso} (/proc/stat btime)`, fields: { bootTimeMs } }],
    };
  },
  samples: [
    {
      text:
        'cpu  1012 0 1804 100577 52 0 36 0 0 0\ncpu0 510 0 910 50290 26 0 20 0 0 0\nintr 187203 0 9 0 0\nctxt 301977\n' +
        'btime 1795319383\nprocesses 11330\nprocs_running 1\nprocs_blocked 0\nsoftirq 103219 0 11805 2 0 0 0 14 0 0 91398\n',
      expect: { wallMs: 1795319383000, offsetMin: 0, timeText: '1795319383', fields: { bootTimeMs: 1795319383000 } },
    },
  ],
});
