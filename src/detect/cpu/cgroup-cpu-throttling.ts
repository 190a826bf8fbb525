import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream } from '../define.js';
import type { Finding } from '../finding.js';

// cpu.stat of a CPU cgroup: v1 "nr_periods N", "nr_throttled N", "throttled_time NS"; v2 adds
// "usage_usec", and counts throttled time in "throttled_usec"
const LINE = /^(nr_periods|nr_throttled|throttled_time|throttled_usec|usage_usec|nr_bursts) (\d{1,20})$/;

/**
 * systemd puts a unit's processes in <slice>/<unit>.service: a cpu.stat read from there (the path shows
 * in the file name when captured as `cat /sys/fs/cgroup/cpu/system.slice/x.service/cpu.stat`) is
 * that service's.
 */
const UNIT_IN_PATH = /\.slice[-/]([A-Za-z][\w@:.-]{0,100}?)\.service(?![\w])/;

/** Throttled in at least this share of the quota periods: the quota, not the work, sets the pace. */
const THROTTLED_SHARE = 0.1;
const MIN_THROTTLED_PERIODS = 10;

/**
 * A CPU cgroup's cpu.stat (as captured into a bundle, e.g. cmd/cpu.stat.txt or a copy of
 * /sys/fs/cgroup/.../cpu.stat): the share of CFS periods in which the group hit its quota and was
 * throttled, and the time lost. A container throttled this way shows latency with the host half idle.
 */
export const cgroupCpuThrottling = stream({
  name: 'cgroup-cpu-throttling',
  category: 'cpu-saturation',
  software: 'linux-kernel',
  description: 'A CPU cgroup was throttled by its CFS quota in many periods (cpu.stat: nr_throttled / nr_periods, throttled time)',
  formats: ['plain'],
  create() {
    const files = new Map<string, { stats: Record<string, number>; first: LogEvent; throttled: LogEvent | null }>();
    return {
      accept(e: LogEvent) {
        const msg = e.message;
        const c = msg.charCodeAt(0);
        if (c !== 110 /* n */ && c !== 116 /* t */ && c !== 117 /* u */) return;
        const m = LINE.exec(msg);
        if (!m) return;
        let s = files.get(e.path);
        if (!s) {
          if (files.size >= 1024) return;
          files.set(e.path, (s = { stats: {}, first: e, throttled: null }));
        }
        s.stats[m[1]!] = Number(m[2]);
        if (m[1] === 'nr_throttled') s.throttled = e;
      },
      finish() {
        const out: Omit<Finding, 'id'>[] = [];
        for (const s of files.values()) {
          const periods = s.stats.nr_periods;
          const throttled = s.stats.nr_throttled;
          if (periods === undefined || throttled === undefined || periods === 0) continue;
          const share = throttled / periods;
          if (share < THROTTLED_SHARE || throttled < MIN_THROTTLED_PERIODS) continue;
          const throttledMs = s.stats.throttled_usec !== undefined ? s.stats.throttled_usec / 1000 : s.stats.throttled_time !== undefined ? s.stats.throttled_time / 1e6 : null;
          const pct = Math.round(share * 1000) / 10;
          out.push({
            category: 'cpu-saturation', severity: share >= 0.5 ? 'error' : 'warning', detector: 'cgroup-cpu-throttling',
            title: `CPU cgroup throttled by its quota in ${pct}% of periods (${throttled} of ${periods})${throttledMs !== null ? `, ${(throttledMs / 1000).toFixed(1)} s lost` : ''}`,
            timeMs: s.first.timeMs, endMs: null, host: s.first.host, process: UNIT_IN_PATH.exec(s.first.path)?.[1] ?? null, pid: null,
            facts: { nrPeriods: periods, nrThrottled: throttled, throttledPercent: pct, throttledMs: throttledMs === null ? null : Math.round(throttledMs) },
            evidence: [evidenceOf(s.first), ...(s.throttled && s.throttled !== s.first ? [evidenceOf(s.throttled)] : [])],
          });
        }
        files.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [
      { 'host-a/cmd/cpu.stat.txt': 'nr_periods 18000\nnr_throttled 6120\nthrottled_time 905331122045\n' },
      { 'host-a/cmd/cat-sys-fs-cgroup-cpu-system.slice-billing-api.service-cpu.stat.txt': 'nr_periods 900\nnr_throttled 610\nthrottled_time 40533112204\n' },
    ],
    miss: [
      { 'host-a/cmd/cpu.stat.txt': 'nr_periods 18000\nnr_throttled 3\nthrottled_time 1331122\n' },
      { 'host-a/cmd/cpu.stat.txt': 'usage_usec 88123456\nuser_usec 70000000\nsystem_usec 18123456\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n' },
    ],
  },
});
