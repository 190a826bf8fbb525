import type { Fields } from '../../events/event.js';
import { defineFormat, type DocumentFormat, type DocumentRecord } from '../define.js';
import { collectRows, isoTakenAt, numOrNull, strOrNull } from './collect-json.js';
import { humanBytes } from './table.js';

/** ss state names → field names of the socket counts. */
function socketField(state: string): string {
  return `sockets${state.toLowerCase().replace(/(?:^|-)([a-z])/g, (_m, c: string) => c.toUpperCase())}`;
}

/**
 * cmd/processes.json of `culprit collect`: one record per process (process = comm, pid), with
 * rssBytes, vmBytes, threads, cpuSeconds, fdsTotal and its kinds, fdSoftLimit/fdHardLimit,
 * fdUsedPercent, memory cgroup, and TCP sockets by state (socketsEstab, socketsCloseWait...).
 */
export const collectProcesses = defineFormat<DocumentFormat>({
  name: 'collect-processes',
  description: "culprit collect's processes.json: each process's memory, CPU, fds against limits, cgroup, sockets",
  producer: 'culprit',
  shape: 'document',
  pathHint: /(?:^|\/)processes\.json$/,
  recognize: (head) => (/^\{"tool":"culprit collect",\s*"host":"[^"\n]*",\s*"takenAt":"[^"\n]*",\s*"processes":\[/.test(head) ? 0.98 : 0),
  parse(text) {
    const doc = collectRows(text, 'processes');
    if (!doc) return { records: [], warnings: ['not the JSON of culprit collect processes.json'] };
    const records: DocumentRecord[] = [];
    for (const { line, text: rowText, value: p } of doc.rows) {
      const pid = numOrNull(p.pid);
      const name = strOrNull(p.name);
      const fds = typeof p.fds === 'object' && p.fds !== null ? (p.fds as Record<string, unknown>) : null;
      const cgroups = Array.isArray(p.cgroup) ? p.cgroup.filter((c): c is string => typeof c === 'string') : [];
      // v1 "4:memory:/path", else the v2 unified line "0::/path"
      const memCg = cgroups.find((c) => /^\d+:[^:]*\bmemory\b[^:]*:/.test(c)) ?? cgroups.find((c) => c.startsWith('0::'));
      const f: Fields = {
        ppid: numOrNull(p.ppid), state: strOrNull(p.state), uid: numOrNull(p.uid), rssBytes: numOrNull(p.rssBytes), vmBytes: numOrNull(p.vmBytes),
        threads: numOrNull(p.threads), cpuSeconds: numOrNull(p.cpuSeconds), startedAt: strOrNull(p.startedAt),
        fdsTotal: fds ? numOrNull(fds.total) : null, fdsSocket: fds ? numOrNull(fds.socket) : null, fdsFile: fds ? numOrNull(fds.file) : null,
        fdsPipe: fds ? numOrNull(fds.pipe) : null, fdsAnon: fds ? numOrNull(fds.anon) : null,
        fdSoftLimit: numOrNull(p.fdSoftLimit), fdHardLimit: numOrNull(p.fdHardLimit),
        memoryCgroup: memCg !== undefined ? memCg.slice(memCg.indexOf(':', memCg.indexOf(':') + 1) + 1) : null,
        command: Array.isArray(p.cmdline) ? p.cmdline.filter((a) => typeof a === 'string').join(' ').slice(0, 4096) : null,
      };
      const fdTotal = f.fdsTotal, soft = f.fdSoftLimit;
      f.fdUsedPercent = typeof fdTotal === 'number' && typeof soft === 'number' && soft > 0 ? Math.round((fdTotal / soft) * 1000) / 10 : null;
      if (typeof p.sockets === 'object' && p.sockets !== null) {
        for (const [state, n] of Object.entries(p.sockets as Record<string, unknown>)) {
          if (/^[A-Z][A-Z0-9-]{1,15}$/.test(state) && typeof n === 'number') f[socketField(state)] = n;
        }
      }
      const rss = f.rssBytes;
      const parts = [typeof rss === 'number' ? `rss ${humanBytes(rss)}` : null, typeof fdTotal === 'number' ? `${fdTotal} fds${typeof soft === 'number' ? ` of ${soft}` : ''}` : null,
        typeof f.threads === 'number' ? `${f.threads} threads` : null].filter((x) => x !== null);
      records.push({ line, text: rowText, process: name, pid, message: `${name ?? '?'} (pid ${pid ?? '?'}): ${parts.join(', ')}`, fields: f });
    }
    const takenAt = isoTakenAt(doc.top.takenAt);
    const host = strOrNull(doc.top.host);
    if (host !== null) for (const r of records) r.host = host;
    return takenAt ? { takenAt, records } : { records };
  },
  samples: [
    {
      text: '{"tool":"culprit collect",\n"host":"vm",\n"takenAt":"2026-11-22T05:02:42.293Z",\n"processes":[\n' +
        '{"pid":28755,"ppid":28752,"name":"sleep","cmdline":["sleep","60"],"state":"S","uid":0,"rssBytes":1843200,"vmBytes":14585856,"threads":1,"cpuSeconds":0,' +
        '"startedAt":"2026-11-22T05:02:41.676Z","fds":{"total":5,"socket":0,"file":4,"pipe":1,"anon":0,"other":0},"fdSoftLimit":20000,"fdHardLimit":20000,' +
        '"cgroup":["4:memory:/process_api/44632f9e","0::/"],"sockets":{"CLOSE-WAIT":3}}\n]}\n',
      expect: {
        process: 'sleep', pid: 28755, host: 'vm', message: 'sleep (pid 28755): rss 1.8 MiB, 5 fds of 20000, 1 threads',
        fields: {
          ppid: 28752, state: 'S', uid: 0, rssBytes: 1843200, vmBytes: 14585856, threads: 1, cpuSeconds: 0, startedAt: '2026-11-22T05:02:41.676Z',
          fdsTotal: 5, fdsSocket: 0, fdsFile: 4, fdsPipe: 1, fdsAnon: 0, fdSoftLimit: 20000, fdHardLimit: 20000, memoryCgroup: '/process_api/44632f9e',
          command: 'sleep 60', fdUsedPercent: 0, socketsCloseWait: 3,
        },
      },
    },
  ],
});
