import type { Fields } from '../../events/event.js';
import type { DocumentFormat, DocumentRecord } from '../define.js';
import { defineFormat } from '../define.js';
import { findHeader, headerScore, humanBytes, record, sizeToBytes, splitLines } from './table.js';

const HEADER = /^\s+total\s+used\s+free\s+shared\s+(?:buff\/cache|buffers\s+cached?)\b/;
const ROW = /^(Mem|Swap|Total|Low|High|-\/\+ buffers\/cache):\s+(.*)$/;
const COLUMN_FIELDS: Record<string, string> = {
  total: 'totalBytes', used: 'usedBytes', free: 'freeBytes', shared: 'sharedBytes', 'buff/cache': 'buffCacheBytes',
  buffers: 'buffersBytes', cache: 'cachedBytes', cached: 'cachedBytes', available: 'availBytes',
};
const KIB = 1024;
const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

/**
 * `free -m`, `-h`, `-b`, `-k`, `-g`, `-w` (procps): Mem and Swap rows in bytes. -h prints units
 * (23Gi, 425Mi, 0B); the others print bare numbers and no unit, so the unit is read from the size
 * of total memory (a warning says which was taken): under 256 GiB with -g, up to 4 TiB with -m,
 * then KiB (4 GiB up to 4 TiB with the default -k), then bytes. Machines under 4 GiB printed with
 * -k, and under 4 GiB with -b, are misread by this rule; free-m.txt is what the bundle asks for.
 */
export const freeM = defineFormat<DocumentFormat>({
  name: 'free-m',
  description: 'memory and swap totals printed by `free -m` / `-h` / `-b` / `-k` (procps), in bytes',
  producer: 'procps',
  shape: 'document',
  pathHint: /(?:^|\/)free[-_ ]?[a-z]*[^/]*$/,
  recognize: (head) => headerScore(head, HEADER),
  parse(text) {
    const lines = splitLines(text);
    const h = findHeader(lines, HEADER);
    const records: DocumentRecord[] = [];
    if (h < 0) return { records };
    const columns = lines[h]!.trim().split(/\s+/);
    const rows: { line: number; text: string; kind: string; values: string[] }[] = [];
    for (let i = h + 1; i < lines.length; i++) {
      const m = ROW.exec(lines[i]!);
      if (m) rows.push({ line: i + 1, text: lines[i]!, kind: m[1]!, values: m[2]!.trim().split(/\s+/) });
    }
    const mem = rows.find((r) => r.kind === 'Mem');
    const warnings: string[] = [];
    let bareUnit = MIB;
    const memTotal = mem ? Number(mem.values[0]) : NaN;
    if (Number.isFinite(memTotal)) {
      // a bare number: pick the unit that makes total memory a plausible machine size
      bareUnit = memTotal < 256 ? GIB : memTotal < 2 ** 22 ? MIB : memTotal < 2 ** 32 ? KIB : 1;
      const unitName = bareUnit === GIB ? 'GiB' : bareUnit === MIB ? 'MiB' : bareUnit === KIB ? 'KiB' : 'bytes';
      warnings.push(`free prints no unit: figures read as ${unitName} from the size of total memory (${mem!.values[0]})`);
    }
    for (const r of rows) {
      // "-/+ buffers/cache:" (old procps) has only used and free
      const names = r.kind.startsWith('-/+') ? ['used', 'free'] : columns;
      const kind = r.kind.startsWith('-/+') ? 'buffers/cache' : r.kind.toLowerCase();
      const f: Fields = { kind };
      r.values.forEach((v, c) => {
        const key = names[c] !== undefined ? COLUMN_FIELDS[names[c]!] : undefined;
        if (key) f[key] = sizeToBytes(v, bareUnit);
      });
      const total = f.totalBytes, used = f.usedBytes;
      const msg = typeof total === 'number' && typeof used === 'number'
        ? `${kind}: ${humanBytes(used)} used of ${humanBytes(total)}${typeof f.availBytes === 'number' ? `, ${humanBytes(f.availBytes)} available` : ''}`
        : `${kind}: ${r.values.join(' ')}`;
      records.push(record(r.line, r.text, msg, f));
    }
    return warnings.length ? { records, warnings } : { records };
  },
  samples: [
    {
      text: '               total        used        free      shared  buff/cache   available\n' +
        'Mem:           24105         425       22653          22        1307       23679\n' +
        'Swap:              0           0           0',
      expect: {
        fields: {
          kind: 'mem', totalBytes: 24105 * MIB, usedBytes: 425 * MIB, freeBytes: 22653 * MIB, sharedBytes: 22 * MIB,
          buffCacheBytes: 1307 * MIB, availBytes: 23679 * MIB,
        },
      },
    },
    {
      text: '               total        used        free      shared  buff/cache   available\n' +
        'Mem:            23Gi       425Mi        22Gi        22Mi       1.3Gi        23Gi\n' +
        'Swap:             0B          0B          0B',
      expect: {
        fields: {
          kind: 'mem', totalBytes: 23 * GIB, usedBytes: 425 * MIB, freeBytes: 22 * GIB, sharedBytes: 22 * MIB,
          buffCacheBytes: Math.round(1.3 * GIB), availBytes: 23 * GIB,
        },
      },
    },
  ],
});
