import { defineFormat, type DocumentFormat, type DocumentRecord } from '../define.js';
import { collectRows, isoTakenAt, numOrNull, strOrNull } from './collect-json.js';
import { humanBytes } from './table.js';

/**
 * cmd/cgroup-memory.json of `culprit collect`: one record per memory cgroup (v1 or v2) with
 * usageBytes, limitBytes, usedPercent, maxUsageBytes, failcnt, oomEvents, oomKills, underOom, procs.
 */
export const collectCgroupMemory = defineFormat<DocumentFormat>({
  name: 'collect-cgroup-memory',
  description: "culprit collect's cgroup-memory.json: each memory cgroup's usage, limit, failcnt and OOM kills",
  producer: 'culprit',
  shape: 'document',
  pathHint: /(?:^|\/)cgroup-memory\.json$/,
  recognize: (head) => (/^\{"takenAt":"[^"\n]*",\s*"cgroups":\[/.test(head) ? 0.98 : 0),
  parse(text) {
    const doc = collectRows(text, 'cgroups');
    if (!doc) return { records: [], warnings: ['not the JSON of culprit collect cgroup-memory.json'] };
    const records: DocumentRecord[] = [];
    for (const { line, text: t, value: c } of doc.rows) {
      const usage = numOrNull(c.usageBytes), limit = numOrNull(c.limitBytes);
      const usedPercent = usage !== null && limit !== null && limit > 0 ? Math.round((usage / limit) * 1000) / 10 : null;
      const fields = {
        cgroup: strOrNull(c.path), version: numOrNull(c.version), usageBytes: usage, limitBytes: limit, usedPercent, maxUsageBytes: numOrNull(c.maxUsageBytes),
        failcnt: numOrNull(c.failcnt), oomEvents: numOrNull(c.oomEvents), oomKills: numOrNull(c.oomKills),
        underOom: typeof c.underOom === 'boolean' ? c.underOom : null, procs: numOrNull(c.procs),
      };
      const use = usage !== null ? humanBytes(usage) : '?';
      const lim = limit !== null ? ` of ${humanBytes(limit)} (${usedPercent} %)` : ', no limit';
      const oom = fields.oomKills ? `, ${fields.oomKills} OOM kill(s)` : '';
      records.push({ line, text: t, message: `memory cgroup ${fields.cgroup ?? '?'}: ${use}${lim}${oom}`, fields });
    }
    const takenAt = isoTakenAt(doc.top.takenAt);
    return takenAt ? { takenAt, records } : { records };
  },
  samples: [
    {
      text: '{"takenAt":"2026-11-22T05:00:18.307Z",\n"cgroups":[\n' +
        '{"version":1,"path":"/hosts-21770","limitBytes":536870912,"usageBytes":449200128,"maxUsageBytes":536870912,"failcnt":12,"oomEvents":null,"oomKills":1,"underOom":false,"procs":3}\n]}\n',
      expect: {
        message: 'memory cgroup /hosts-21770: 428 MiB of 512 MiB (83.7 %), 1 OOM kill(s)',
        fields: {
          cgroup: '/hosts-21770', version: 1, usageBytes: 449200128, limitBytes: 536870912, usedPercent: 83.7, maxUsageBytes: 536870912, failcnt: 12,
          oomEvents: null, oomKills: 1, underOom: false, procs: 3,
        },
      },
    },
  ],
});
