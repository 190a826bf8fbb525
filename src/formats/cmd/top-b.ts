import type { Fields } from '../../events/event.js';
import type { DocumentFormat, DocumentRecord, DocumentResult } from '../define.js';
import { defineFormat } from '../define.js';
import { clip, clipForMessage, commandName, cpuTimeSeconds, decimal, headerScore, humanBytes, numberOrNull, record, sizeToBytes, splitLines } from './table.js';

// "top - 11:04:05 up 3 days,  2:04,  1 user,  load average: 0.46, 0.10, 0.03" (some locales: "0,46")
const SUMMARY = /^top - (\d\d:\d\d:\d\d) up (.*?),\s+(\d+) users?,\s+load average: (\d+[.,]\d+),? (\d+[.,]\d+),? (\d+[.,]\d+)\s*$/;
const TASKS = /^(Tasks|Threads):/;
const CPU = /^%?Cpu\(s\):/;
const CPU_PAIR = /(\d+[.,]\d+)\s*%?\s*(us|sy|ni|id|wa|hi|si|st)\b/g;
// "MiB Mem :  24105.1 total, ..." (procps-ng 3.3.10+), "KiB Swap: ...", old "Mem:  16333852k total, ..."
const MEM = /^(?:([KMGTPE])iB )?(Mem|Swap)\s*:/;
const MEM_PAIR = /(\d+(?:[.,]\d+)?)([kmgtpe]?)\+?\s+(total|free|used|buff\/cache|buffers|cached|avail Mem)\b/gi;
const TABLE_HEADER = /^\s*PID\s+USER\s+PR\s+NI\s+VIRT\s+RES\b.*\bCOMMAND\s*$/;
const RECOGNIZE = /^(?:top - \d\d:\d\d:\d\d up |\s*PID\s+USER\s+PR\s+NI\s+VIRT\s+RES\b)/;

const CPU_FIELDS: Record<string, string> = {
  us: 'cpuUserPercent', sy: 'cpuSystemPercent', ni: 'cpuNicePercent', id: 'cpuIdlePercent',
  wa: 'cpuIowaitPercent', hi: 'cpuHardIrqPercent', si: 'cpuSoftIrqPercent', st: 'cpuStealPercent',
};
const MEM_WORDS: Record<string, string> = {
  total: 'TotalBytes', free: 'FreeBytes', used: 'UsedBytes', 'buff/cache': 'BuffCacheBytes',
  buffers: 'BuffersBytes', cached: 'CachedBytes',
};
// process table columns top prints by default, and the field each one fills
const COLUMN_FIELDS: Record<string, string> = {
  PID: 'pid', USER: 'user', PR: 'priority', NI: 'nice', VIRT: 'virtBytes', RES: 'rssBytes', SHR: 'shrBytes',
  S: 'state', '%CPU': 'cpuPercent', '%MEM': 'memPercent', 'TIME+': 'cpuTime', TIME: 'cpuTime', COMMAND: 'command',
};
const MEMORY_COLUMNS = new Set(['VIRT', 'RES', 'SHR']);

/**
 * `top -b -n1` (procps): the summary area becomes host-level records (load, tasks, CPU split,
 * memory and swap), the process table one record per process. Several iterations (-n 2) are
 * read one after another. top prints the time of day but no date: where the reader can supply the
 * day (ctx.dateFor: the run's other inputs or the file's mtime) each record is placed at its
 * iteration's time; the time of day is kept in `clockTime` either way.
 */
export const topB = defineFormat<DocumentFormat>({
  name: 'top-b',
  description: 'batch output of `top -b` (procps): load average, tasks, CPU, memory and swap figures, and the process table',
  producer: 'procps',
  shape: 'document',
  pathHint: /(?:^|\/)top[-_ ]?b[^/]*$/,
  recognize: (head) => headerScore(head, RECOGNIZE),
  parse(text, ctx) {
    const lines = splitLines(text);
    const records: DocumentRecord[] = [];
    let columns: string[] | null = null;
    let clockTime: string | null = null;
    let wallMs: number | undefined;
    let takenAt: DocumentResult['takenAt'];
    // each record is stamped with its own iteration's time (top -n 2 prints two)
    const push = (r: DocumentRecord | undefined) => {
      if (!r) return;
      if (wallMs !== undefined && clockTime !== null) {
        r.wallMs = wallMs;
        r.timeText = clockTime;
      }
      records.push(r);
    };
    for (let i = 0; i < lines.length; i++) {
      const row = lines[i]!;
      const first = row.charCodeAt(0);
      if (first === 116 /* t */ && row.startsWith('top - ')) {
        const m = SUMMARY.exec(row);
        columns = null;
        if (!m) continue;
        clockTime = m[1]!;
        wallMs = ctx.dateFor ? ctx.dateFor(msOfDay(clockTime)) : undefined;
        if (wallMs !== undefined) takenAt ??= { wallMs, text: clockTime };
        const f: Fields = { clockTime, uptime: m[2]!.trim(), users: +m[3]!, loadAvg1: decimal(m[4]!), loadAvg5: decimal(m[5]!), loadAvg15: decimal(m[6]!) };
        push(record(i + 1, row, `load average ${m[4]}, ${m[5]}, ${m[6]}; up ${f.uptime}`, f));
        continue;
      }
      if (columns === null) {
        if (TASKS.test(row)) {
          const f: Fields = {};
          for (const [, n, word] of row.matchAll(/(\d+) (total|running|sleeping|stopped|zombie)/g)) f[`tasks${word![0]!.toUpperCase()}${word!.slice(1)}`] = +n!;
          if (Object.keys(f).length) push(record(i + 1, row, row.trim().replace(/\s+/g, ' '), withClock(f, clockTime)));
        } else if (CPU.test(row)) {
          const f: Fields = {};
          for (const [, v, k] of row.matchAll(CPU_PAIR)) f[CPU_FIELDS[k!]!] = decimal(v!);
          if (Object.keys(f).length) push(record(i + 1, row, row.trim().replace(/\s+/g, ' '), withClock(f, clockTime)));
        } else if (MEM.test(row)) {
          const f = memoryFields(row);
          if (f) {
            const total = (f.memTotalBytes ?? f.swapTotalBytes) as number | undefined;
            const used = (f.memUsedBytes ?? f.swapUsedBytes) as number | undefined;
            const msg = total !== undefined && used !== undefined ? `${f.memTotalBytes !== undefined ? 'memory' : 'swap'} ${humanBytes(used)} used of ${humanBytes(total)}` : row.trim();
            push(record(i + 1, row, msg, withClock(f, clockTime)));
          }
        } else if (TABLE_HEADER.test(row)) {
          columns = row.trim().split(/\s+/);
        }
        continue;
      }
      push(processRow(row, columns, i + 1, clockTime));
    }
    return takenAt ? { records, takenAt } : { records };
  },
  samples: [
    {
      text: 'top - 04:09:41 up 19 min,  0 user,  load average: 0.34, 0.19, 0.08\n' +
        'Tasks:   4 total,   1 running,   3 sleeping,   0 stopped,   0 zombie\n',
      expect: { fields: { clockTime: '04:09:41', uptime: '19 min', users: 0, loadAvg1: 0.34, loadAvg5: 0.19, loadAvg15: 0.08 } },
    },
    {
      text: '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n' +
        '     10 root      20   0  728780  43508  36176 S   0.0   0.2   0:00.07 node',
      expect: {
        process: 'node', pid: 10,
        fields: {
          pid: 10, user: 'root', priority: '20', nice: 0, virtBytes: 746270720, rssBytes: 44552192, shrBytes: 37044224,
          state: 'S', cpuPercent: 0, memPercent: 0.2, cpuTime: '0:00.07', cpuTimeSec: 0.07, command: 'node',
        },
      },
    },
  ],
});

function msOfDay(hms: string): number {
  return ((+hms.slice(0, 2) * 60 + +hms.slice(3, 5)) * 60 + +hms.slice(6, 8)) * 1000;
}

function withClock(f: Fields, clockTime: string | null): Fields {
  if (clockTime !== null) f.clockTime = clockTime;
  return f;
}

function memoryFields(row: string): Fields | null {
  const m = MEM.exec(row)!;
  // the line's unit: "MiB Mem" scales every figure; old top suffixes each one ("16333852k")
  const unitBytes = 1024 ** ('KMGTPE'.indexOf(m[1] ?? 'K') + 1);
  const prefix = m[2] === 'Mem' ? 'mem' : 'swap';
  const f: Fields = {};
  for (const [, v, suffix, word] of row.slice(m[0].length).matchAll(MEM_PAIR)) {
    const bytes = suffix ? sizeToBytes(v! + suffix.toUpperCase(), 1024) : Math.round(decimal(v!) * unitBytes);
    if (bytes === null) continue;
    if (word === 'avail Mem') f.memAvailBytes = bytes; // printed on the Swap line
    else f[prefix + MEM_WORDS[word!.toLowerCase()]!] = bytes;
  }
  return Object.keys(f).length ? f : null;
}

function processRow(row: string, columns: readonly string[], line: number, clockTime: string | null): DocumentRecord | undefined {
  const last = columns.length - 1;
  const tokens: string[] = [];
  let pos = 0;
  // every column is one word except the last (COMMAND with -c keeps its spaces)
  while (tokens.length < last) {
    while (pos < row.length && row.charCodeAt(pos) === 32) pos++;
    if (pos >= row.length) return undefined;
    let end = row.indexOf(' ', pos);
    if (end < 0) end = row.length;
    tokens.push(row.slice(pos, end));
    pos = end;
  }
  const rest = row.slice(pos).trim();
  if (rest === '') return undefined;
  tokens.push(rest);
  const f: Fields = {};
  for (let c = 0; c <= last; c++) {
    const name = columns[c]!;
    const key = COLUMN_FIELDS[name] ?? name.toLowerCase().replace(/[^a-z0-9]+/g, '');
    const v = tokens[c]!;
    if (MEMORY_COLUMNS.has(name)) f[key] = sizeToBytes(v, 1024); // KiB unless top scaled it ("1.2g")
    else if (name === 'PID' || name === 'NI' || name === '%CPU' || name === '%MEM') f[key] = numberOrNull(v.replace(',', '.'));
    else if (name === 'COMMAND') f[key] = clip(v);
    else f[key] = v; // PR is a word for real-time tasks ("rt")
  }
  if (typeof f.pid !== 'number') return undefined;
  if (typeof f.cpuTime === 'string') f.cpuTimeSec = cpuTimeSeconds(f.cpuTime);
  const command = typeof f.command === 'string' ? f.command : '';
  const process = commandName(command);
  const rss = typeof f.rssBytes === 'number' ? `, RES ${humanBytes(f.rssBytes)}` : '';
  const msg = `${process} pid ${f.pid}: ${tokens[columns.indexOf('%CPU')] ?? '?'}% CPU, ${tokens[columns.indexOf('%MEM')] ?? '?'}% MEM${rss}, state ${String(f.state ?? '?')}: ${clipForMessage(command)}`;
  return record(line, row, msg, withClock(f, clockTime), { process, pid: f.pid });
}
