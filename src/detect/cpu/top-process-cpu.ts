import { signature } from '../define.js';

/**
 * At or above this share of one core, a process is pinned (a spin, or one thread doing all the work).
 * Not 95+: `top -b -n1` measures its first iteration over a fraction of a second, so a spinning
 * thread shows anywhere from the high 80s up (87.5 % in a recorded closed-watch spin).
 */
const PINNED_PERCENT = 80;

/**
 * A process row of `top -b` at or near 100 % CPU (top's %CPU is per core: a busy multi-threaded
 * process shows several hundred). The top-b format gives cpuPercent, command, pid and state.
 */
export const topProcessCpu = signature({
  name: 'top-process-cpu',
  category: 'cpu-saturation',
  software: 'procps',
  description: 'A process at 80 % or more of a core in a `top -b` snapshot (%CPU, state, CPU time as facts)',
  formats: ['top-b'],
  prefilter: '% CPU, ',
  match: /^\S.{0,63}? pid \d+: (\d+(?:[.,]\d+)?)% CPU, /,
  severity: 'warning',
  hit(_m, e) {
    const f = e.fields;
    const cpuPercent = typeof f?.cpuPercent === 'number' ? f.cpuPercent : null;
    if (cpuPercent === null || cpuPercent < PINNED_PERCENT) return undefined;
    const process = e.process ?? (typeof f?.command === 'string' ? f.command : null);
    const pid = typeof f?.pid === 'number' ? f.pid : e.pid;
    return {
      facts: { cpuPercent, cores: Math.round(cpuPercent / 10) / 10, state: f?.state ?? null, cpuTimeSec: typeof f?.cpuTimeSec === 'number' ? f.cpuTimeSec : null, rssBytes: typeof f?.rssBytes === 'number' ? f.rssBytes : null },
      process,
      pid,
      key: String(pid),
      // several cores' worth is worse than one pinned thread
      severity: cpuPercent >= 190 ? 'error' : 'warning',
      title: `${process ?? '?'} (pid ${pid}) at ${cpuPercent}% CPU in top`,
    };
  },
  samples: {
    hit: [
      'top - 04:09:41 up 19 min,  0 user,  load average: 1.34, 0.59, 0.28\n' +
        'Tasks:   4 total,   2 running,   2 sleeping,   0 stopped,   0 zombie\n' +
        '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n' +
        '   4242 app       20   0 2728780 443508  36176 R  99.7   2.2  12:31.07 java\n' +
        '     10 root      20   0  728780  43508  36176 S   0.3   0.2   0:00.07 node',
    ],
    miss: [
      'top - 04:09:41 up 19 min,  0 user,  load average: 0.34, 0.19, 0.08\n' +
        'Tasks:   4 total,   1 running,   3 sleeping,   0 stopped,   0 zombie\n' +
        '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n' +
        '   4242 app       20   0 2728780 443508  36176 S  41.0   2.2  12:31.07 java\n' +
        '     10 root      20   0  728780  43508  36176 S   0.3   0.2   0:00.07 node',
    ],
  },
});
