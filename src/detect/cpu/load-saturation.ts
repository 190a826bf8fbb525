import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream } from '../define.js';
import type { Finding } from '../finding.js';

/** CPU idle at or below this share in top's Cpu(s) line: every core is busy. */
const IDLE_EXHAUSTED_PERCENT = 5;
/** Load above this many times the core count means runnable tasks queue for CPU. */
const LOAD_PER_CORE = 2;

interface Iteration {
  summary: LogEvent | null;
  cpu: LogEvent | null;
  load1: number | null;
  load5: number | null;
  load15: number | null;
  idlePercent: number | null;
  stealPercent: number | null;
  iowaitPercent: number | null;
  cores: number | null;
  busiest: { name: string; pid: number | null; cpuPercent: number } | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * `top -b` summary areas that show the CPU exhausted: Cpu(s) idle at or below 5 % or, when the core
 * count is known (a `cores` field from per-CPU lines), a 1-minute load above twice the cores. Each
 * iteration of top is judged on its own; the worst one per file is reported. High iowait with no idle
 * is not CPU saturation (tasks wait on disks), so iowait is counted as idle here.
 */
export const topLoadSaturation = stream({
  name: 'top-load-saturation',
  category: 'cpu-saturation',
  software: 'procps',
  description: 'CPU exhausted in a `top -b` snapshot: no idle time, or load far above the cores (load, idle, steal, busiest process)',
  formats: ['top-b'],
  create() {
    const byPath = new Map<string, { cur: Iteration; worst: (Iteration & { score: number }) | null }>();
    const fresh = (): Iteration => ({ summary: null, cpu: null, load1: null, load5: null, load15: null, idlePercent: null, stealPercent: null, iowaitPercent: null, cores: null, busiest: null });
    const judge = (s: { cur: Iteration; worst: (Iteration & { score: number }) | null }) => {
      const it = s.cur;
      const idle = it.idlePercent === null ? null : it.idlePercent + (it.iowaitPercent ?? 0);
      const exhausted = idle !== null && idle <= IDLE_EXHAUSTED_PERCENT;
      const overloaded = it.cores !== null && it.load1 !== null && it.load1 > LOAD_PER_CORE * it.cores;
      if (!exhausted && !overloaded) return;
      const score = (it.load1 ?? 0) + (exhausted ? 1000 : 0);
      // on a tie the later iteration wins: top's first one averages since the process started
      if (!s.worst || score >= s.worst.score) s.worst = { ...it, score };
    };
    return {
      accept(e: LogEvent) {
        const f = e.fields;
        if (!f) return;
        let s = byPath.get(e.path);
        if (!s) byPath.set(e.path, (s = { cur: fresh(), worst: null }));
        if (f.loadAvg1 !== undefined) {
          if (s.cur.summary) judge(s);
          s.cur = fresh();
          s.cur.summary = e;
          s.cur.load1 = num(f.loadAvg1);
          s.cur.load5 = num(f.loadAvg5);
          s.cur.load15 = num(f.loadAvg15);
        } else if (f.cpuIdlePercent !== undefined) {
          s.cur.cpu = e;
          s.cur.idlePercent = num(f.cpuIdlePercent);
          s.cur.stealPercent = num(f.cpuStealPercent);
          s.cur.iowaitPercent = num(f.cpuIowaitPercent);
          if (num(f.cores) !== null) s.cur.cores = num(f.cores);
        } else if (f.cpuPercent !== undefined) {
          const p = num(f.cpuPercent);
          if (p !== null && (!s.cur.busiest || p > s.cur.busiest.cpuPercent)) s.cur.busiest = { name: e.process ?? String(f.command ?? '?'), pid: e.pid, cpuPercent: p };
        }
      },
      finish() {
        const out: Omit<Finding, 'id'>[] = [];
        for (const s of byPath.values()) {
          if (s.cur.summary) judge(s);
          const w = s.worst;
          if (!w) continue;
          const at = w.summary ?? w.cpu!;
          const idle = w.idlePercent;
          out.push({
            category: 'cpu-saturation', severity: 'warning', detector: 'top-load-saturation',
            title: `CPU exhausted on ${at.host ?? 'host'}: ${idle !== null ? `${idle}% idle, ` : ''}load ${w.load1 ?? '?'}${w.cores !== null ? ` on ${w.cores} cores` : ''}${w.busiest ? `; busiest ${w.busiest.name} ${w.busiest.cpuPercent}%` : ''}`,
            timeMs: at.timeMs, endMs: null, host: at.host, process: w.busiest?.name ?? null, pid: w.busiest?.pid ?? null,
            facts: {
              load1: w.load1, load5: w.load5, load15: w.load15, cores: w.cores, idlePercent: idle, stealPercent: w.stealPercent, iowaitPercent: w.iowaitPercent,
              busiestProcess: w.busiest?.name ?? null, busiestCpuPercent: w.busiest?.cpuPercent ?? null,
            },
            evidence: [w.summary, w.cpu].filter((x): x is LogEvent => x !== null).map((x) => evidenceOf(x)),
          });
        }
        byPath.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [{
      'host-a/cmd/top-b-n1.txt':
        'top - 04:09:41 up 3 days,  2:04,  1 user,  load average: 17.02, 15.88, 12.10\n' +
        'Tasks: 212 total,  18 running, 194 sleeping,   0 stopped,   0 zombie\n' +
        '%Cpu(s): 93.1 us,  5.2 sy,  0.0 ni,  0.9 id,  0.0 wa,  0.0 hi,  0.8 si,  0.0 st\n' +
        'MiB Mem :  15951.2 total,   2211.3 free,   9877.0 used,   3862.9 buff/cache\n' +
        'MiB Swap:      0.0 total,      0.0 free,      0.0 used.   5712.6 avail Mem\n' +
        '\n' +
        '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n' +
        '   4242 app       20   0   12.1g   7.9g  36176 R 385.2  50.7 912:31.07 java\n' +
        '     10 root      20   0  728780  43508  36176 S   0.3   0.2   0:00.07 node\n',
    }],
    miss: [{
      'host-a/cmd/top-b-n1.txt':
        'top - 04:09:41 up 3 days,  2:04,  1 user,  load average: 0.46, 0.40, 0.31\n' +
        'Tasks: 212 total,   1 running, 211 sleeping,   0 stopped,   0 zombie\n' +
        '%Cpu(s):  3.1 us,  1.2 sy,  0.0 ni, 95.0 id,  0.7 wa,  0.0 hi,  0.0 si,  0.0 st\n' +
        '\n' +
        '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n' +
        '   4242 app       20   0   12.1g   7.9g  36176 S   4.2  50.7 912:31.07 java\n',
    }],
  },
});
