import type { Fields } from '../../events/event.js';
import { defineFormat, type DocumentFormat } from '../define.js';
import { humanBytes, record, splitLines } from './table.js';

const LINE = /^([A-Za-z][\w()]{0,40}):\s+(\d{1,20})(?: (kB))?$/;

/** "MemTotal" → "memTotalBytes", "HugePages_Free" → "hugePagesFree", "Active(anon)" → "activeAnonBytes". */
function fieldName(key: string, kb: boolean): string {
  const words = key.replace(/[()]/g, '_').split('_').filter((w) => w !== '');
  const name = words.map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1))).join('');
  return kb ? `${name}Bytes` : name;
}

/**
 * /proc/meminfo: one host record with every line as a field, kB lines in bytes (memTotalBytes,
 * memAvailableBytes, swapFreeBytes, committedASBytes...), counts as they are (hugePagesTotal), and
 * memAvailablePercent / swapUsedPercent.
 */
export const procMeminfo = defineFormat<DocumentFormat>({
  name: 'proc-meminfo',
  description: '/proc/meminfo: host memory, swap and commit figures in bytes',
  producer: 'kernel',
  shape: 'document',
  pathHint: /(?:^|\/)(?:proc-)?meminfo(?:\.txt)?$/,
  recognize: (head) => (/^MemTotal:\s+\d+ kB\r?\nMemFree:\s+\d+ kB\r?\n/.test(head) ? 0.95 : 0),
  parse(text) {
    const lines = splitLines(text);
    const f: Fields = {};
    let used = 0;
    for (const l of lines) {
      const m = LINE.exec(l);
      if (!m) continue;
      used++;
      const kb = m[3] !== undefined;
      f[fieldName(m[1]!, kb)] = kb ? Number(m[2]) * 1024 : Number(m[2]);
    }
    if (used === 0 || typeof f.memTotalBytes !== 'number') return { records: [], warnings: ['no MemTotal line: not /proc/meminfo'] };
    const total = f.memTotalBytes;
    const avail = typeof f.memAvailableBytes === 'number' ? f.memAvailableBytes : null;
    if (avail !== null && total > 0) f.memAvailablePercent = Math.round((avail / total) * 1000) / 10;
    const swapTotal = f.swapTotalBytes, swapFree = f.swapFreeBytes;
    if (typeof swapTotal === 'number' && typeof swapFree === 'number' && swapTotal > 0) {
      f.swapUsedPercent = Math.round(((swapTotal - swapFree) / swapTotal) * 1000) / 10;
    }
    const parts = [`${avail !== null ? humanBytes(avail) : '?'} available of ${humanBytes(total)}`];
    if (typeof f.memAvailablePercent === 'number') parts[0] += ` (${f.memAvailablePercent} %)`;
    if (typeof swapTotal === 'number' && typeof swapFree === 'number' && swapTotal > 0) parts.push(`swap ${humanBytes(swapTotal - swapFree)} used of ${humanBytes(swapTotal)}`);
    return { records: [record(1, lines.join('\n'), `memory: ${parts.join(', ')}`, f)] };
  },
  samples: [
    {
      text: 'MemTotal:       24683656 kB\nMemFree:        19573096 kB\nMemAvailable:   22046784 kB\nBuffers:           27492 kB\n' +
        'Cached:          3423820 kB\nSwapTotal:       8388604 kB\nSwapFree:        8096780 kB\nActive(anon):     113664 kB\nHugePages_Total:       0\n',
      expect: {
        fields: {
          memTotalBytes: 24683656 * 1024, memFreeBytes: 19573096 * 1024, memAvailableBytes: 22046784 * 1024, buffersBytes: 27492 * 1024,
          cachedBytes: 3423820 * 1024, swapTotalBytes: 8388604 * 1024, swapFreeBytes: 8096780 * 1024, activeAnonBytes: 113664 * 1024,
          hugePagesTotal: 0, memAvailablePercent: 89.3, swapUsedPercent: 3.5,
        },
      },
    },
  ],
});
