import type { DocumentFormat, DocumentRecord } from '../define.js';
import { defineFormat } from '../define.js';
import { limitValue, RESOURCE_BY_PROC_LIMIT } from './rlimit.js';
import { findHeader, headerScore, record, splitLines } from './table.js';

const HEADER = /^Limit\s+Soft Limit\s+Hard Limit\s+Units\s*$/;
const ROW = /^(Max [a-z ]+?)\s+(unlimited|\d+)\s+(unlimited|\d+)(?:\s+(\S+))?\s*$/;

/**
 * /proc/PID/limits (Linux): one record per limit with its soft and hard value (null for
 * "unlimited"). The file does not name its process: `pid` stays null here, and the bundle's file
 * name (proc-1234-limits.txt) is what tells it.
 */
export const procLimits = defineFormat<DocumentFormat>({
  name: 'proc-limits',
  description: "a process's resource limits read from /proc/PID/limits (Linux): soft and hard limit per resource",
  producer: 'linux',
  shape: 'document',
  pathHint: /(?:^|\/)(?:proc[-_]\d+[-_]limits[^/]*|limits)$/,
  recognize: (head) => headerScore(head, HEADER),
  parse(text) {
    const lines = splitLines(text);
    const h = findHeader(lines, HEADER);
    const records: DocumentRecord[] = [];
    if (h < 0) return { records };
    for (let i = h + 1; i < lines.length; i++) {
      const row = lines[i]!;
      const m = ROW.exec(row);
      if (!m) continue;
      const softLimit = limitValue(m[2]!);
      const hardLimit = limitValue(m[3]!);
      if (softLimit === undefined || hardLimit === undefined) continue;
      records.push(record(i + 1, row, `${m[1]}: soft ${m[2]}, hard ${m[3]}${m[4] ? ' ' + m[4] : ''}`, {
        limit: m[1]!, resource: RESOURCE_BY_PROC_LIMIT[m[1]!] ?? null, softLimit, hardLimit, unit: m[4] ?? null,
      }, { pid: null }));
    }
    return { records };
  },
  samples: [
    {
      text: 'Limit                     Soft Limit           Hard Limit           Units     \n' +
        'Max open files            1024                 4096                 files     ',
      expect: { pid: null, fields: { limit: 'Max open files', resource: 'nofile', softLimit: 1024, hardLimit: 4096, unit: 'files' } },
    },
    {
      text: 'Limit                     Soft Limit           Hard Limit           Units     \n' +
        'Max cpu time              unlimited            unlimited            seconds   ',
      expect: { fields: { limit: 'Max cpu time', resource: 'cpu', softLimit: null, hardLimit: null, unit: 'seconds' } },
    },
  ],
});
