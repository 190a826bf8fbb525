import type { Fields } from '../../events/event.js';
import { defineFormat, type DocumentFormat, type DocumentRecord } from '../define.js';
import { findHeader, record, splitLines } from './table.js';

const BANNER = /^procs -+memory-+ -+swap-+ -+io-+ -+system-+ -+cpu-+\s*$/;
const HEADER = /^\s*r\s+b\s+swpd\s+free\s+(?:buff\s+cache|inact\s+active)\s+si\s+so\s+bi\s+bo\s+in\s+cs\s+us\s+sy\s+id\s+wa\s+st/;
/** Column → field; memory columns are KiB (vmstat's default unit), swap in/out KiB/s. */
const COLUMNS: Record<string, [string, number]> = {
  r: ['runnable', 1], b: ['blocked', 1], swpd: ['swapUsedBytes', 1024], free: ['freeBytes', 1024], buff: ['buffBytes', 1024], cache: ['cacheBytes', 1024],
  inact: ['inactiveBytes', 1024], active: ['activeBytes', 1024], si: ['swapInBytesPerSec', 1024], so: ['swapOutBytesPerSec', 1024],
  bi: ['blocksInPerSec', 1], bo: ['blocksOutPerSec', 1], in: ['interruptsPerSec', 1], cs: ['contextSwitchesPerSec', 1],
  us: ['cpuUserPercent', 1], sy: ['cpuSystemPercent', 1], id: ['cpuIdlePercent', 1], wa: ['cpuIowaitPercent', 1], st: ['cpuStealPercent', 1], gu: ['cpuGuestPercent', 1],
};

/**
 * `vmstat [DELAY [COUNT]]` (procps), default KiB units: one record per sample row (sample 1 is the
 * average since boot) with runnable/blocked tasks, memory and swap in bytes, swap in/out rates and
 * the CPU split in percent.
 */
export const vmstat = defineFormat<DocumentFormat>({
  name: 'vmstat',
  description: '`vmstat DELAY COUNT` (procps): runnable tasks, memory, swap in/out, I/O and CPU split per sample',
  producer: 'procps',
  shape: 'document',
  pathHint: /(?:^|\/)vmstat[^/]*$/,
  recognize: (head) => (BANNER.test(head.split('\n', 1)[0]!.replace(/\r$/, '')) && /\n\s*r\s+b\s+swpd\s+free\s/.test(head) ? 0.95 : 0),
  parse(text) {
    const lines = splitLines(text);
    const h = findHeader(lines, HEADER);
    const records: DocumentRecord[] = [];
    if (h < 0) return { records, warnings: ['no "r b swpd free ..." header: not vmstat output'] };
    const columns = lines[h]!.trim().split(/\s+/);
    let sample = 0;
    for (let i = h + 1; i < lines.length; i++) {
      const values = lines[i]!.trim().split(/\s+/);
      if (values.length !== columns.length || !values.every((v) => /^\d{1,20}$/.test(v))) continue;
      sample++;
      const f: Fields = { sample };
      columns.forEach((c, k) => {
        const spec = COLUMNS[c];
        if (spec) f[spec[0]] = Number(values[k]) * spec[1];
      });
      const msg = `vmstat sample ${sample}: ${f.runnable} runnable, ${f.blocked} blocked, cpu ${f.cpuUserPercent} us ${f.cpuSystemPercent} sy ${f.cpuIdlePercent} id ${f.cpuIowaitPercent} wa, swap in/out ${values[columns.indexOf('si')]}/${values[columns.indexOf('so')]} KiB/s`;
      records.push(record(i + 1, lines[i]!, msg, f));
    }
    return { records };
  },
  samples: [
    {
      text: 'procs -----------memory---------- ---swap-- -----io---- -system-- ------cpu-----\n r  b   swpd   free   buff  cache   si   so    bi    bo   in   cs us sy id wa st\n' +
        ' 3  0 291824 19573096  27492 3784868 1240 32264  1264 40632 4675 19004 70 26  2  1  3\n',
      expect: {
        fields: {
          sample: 1, runnable: 3, blocked: 0, swapUsedBytes: 291824 * 1024, freeBytes: 19573096 * 1024, buffBytes: 27492 * 1024, cacheBytes: 3784868 * 1024,
          swapInBytesPerSec: 1240 * 1024, swapOutBytesPerSec: 32264 * 1024, blocksInPerSec: 1264, blocksOutPerSec: 40632, interruptsPerSec: 4675,
          contextSwitchesPerSec: 19004, cpuUserPercent: 70, cpuSystemPercent: 26, cpuIdlePercent: 2, cpuIowaitPercent: 1, cpuStealPercent: 3,
        },
      },
    },
  ],
});
