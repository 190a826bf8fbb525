import { defineFormat, type DocumentFormat } from '../define.js';
import { record } from './table.js';

// "952\t0\t2466181": allocated file handles, allocated but unused (always 0 since 2.6), fs.file-max
const FILE_NR = /^(\d{1,20})\t(\d{1,20})\t(\d{1,20})\s*$/;

/**
 * /proc/sys/fs/file-nr: the system-wide open file handles against fs.file-max (ENFILE when they
 * meet). One host record: allocatedHandles, unusedHandles, maxHandles, usedPercent.
 */
export const procSysFsFileNr = defineFormat<DocumentFormat>({
  name: 'proc-sys-fs-file-nr',
  description: '/proc/sys/fs/file-nr: open file handles system-wide against fs.file-max',
  producer: 'kernel',
  shape: 'document',
  pathHint: /(?:^|\/)(?:proc-sys-fs-)?file-nr(?:\.txt)?$/,
  recognize: (head) => (FILE_NR.test(head) ? 0.9 : 0),
  parse(text) {
    const m = FILE_NR.exec(text);
    if (!m) return { records: [], warnings: ['not /proc/sys/fs/file-nr (one "ALLOCATED\\tUNUSED\\tMAX" line)'] };
    const allocated = Number(m[1]), unused = Number(m[2]), max = Number(m[3]);
    const usedPercent = max > 0 ? Math.round(((allocated - unused) / max) * 10000) / 100 : null;
    return {
      records: [record(1, m[0].trimEnd(), `${allocated - unused} file handles open of fs.file-max ${m[3]}${usedPercent !== null ? ` (${usedPercent} %)` : ''}`,
        { allocatedHandles: allocated, unusedHandles: unused, maxHandles: max, usedPercent })],
    };
  },
  samples: [
    { text: '952\t0\t2466181\n', expect: { fields: { allocatedHandles: 952, unusedHandles: 0, maxHandles: 2466181, usedPercent: 0.04 } } },
  ],
});
