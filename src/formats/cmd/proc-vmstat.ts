import type { Fields } from '../../events/event.js';
import { defineFormat, type DocumentFormat } from '../define.js';
import { record, splitLines } from './table.js';

const LINE = /^([a-z][a-z0-9_]{0,63}) (\d{1,20})$/;
/** Counters named in the message: OOM kills, swapping, reclaim stalls, major faults. */
const HEADLINE = ['oom_kill', 'pswpin', 'pswpout', 'allocstall_normal', 'allocstall_movable', 'pgmajfault'] as const;

/**
 * /proc/vmstat: one host record whose fields are the kernel's counters under their own names
 * (oom_kill, pswpin, pswpout, pgmajfault, allocstall_*, nr_free_pages...), counted since boot.
 */
export const procVmstat = defineFormat<DocumentFormat>({
  name: 'proc-vmstat',
  description: '/proc/vmstat: kernel memory counters since boot (oom_kill, swap in/out, reclaim stalls, faults)',
  producer: 'kernel',
  shape: 'document',
  pathHint: /(?:^|\/)proc-vmstat(?:\.txt)?$/,
  recognize: (head) => (/^nr_free_pages \d+\r?\n(?:nr_[a-z_]+ \d+\r?\n){2}/.test(head) ? 0.95 : 0),
  parse(text) {
    const lines = splitLines(text);
    const f: Fields = {};
    let n = 0;
    for (const l of lines) {
      const m = LINE.exec(l);
      if (!m) continue;
      f[m[1]!] = Number(m[2]);
      n++;
    }
    if (n === 0) return { records: [], warnings: ['no "name value" counter lines: not /proc/vmstat'] };
    const named = HEADLINE.filter((k) => typeof f[k] === 'number').map((k) => `${k} ${f[k]}`);
    return { records: [record(1, lines.join('\n'), `vm counters since boot: ${named.join(', ') || `${n} counters`}`, f)] };
  },
  samples: [
    {
      text: 'nr_free_pages 1887214\nnr_zone_inactive_anon 246440\nnr_zone_active_anon 378\npgmajfault 81234\npswpin 73036\npswpout 475742\n' +
        'allocstall_normal 0\nallocstall_movable 312\noom_kill 2\n',
      expect: {
        message: 'vm counters since boot: oom_kill 2, pswpin 73036, pswpout 475742, allocstall_normal 0, allocstall_movable 312, pgmajfault 81234',
        fields: {
          nr_free_pages: 1887214, nr_zone_inactive_anon: 246440, nr_zone_active_anon: 378, pgmajfault: 81234, pswpin: 73036, pswpout: 475742,
          allocstall_normal: 0, allocstall_movable: 312, oom_kill: 2,
        },
      },
    },
  ],
});
