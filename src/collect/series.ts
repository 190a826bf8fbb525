import type { CgroupMemory, ProcessSnapshot } from './snapshot.js';

/** One round of per-process figures. */
export interface ProcessRound {
  timeMs: number;
  processes: readonly ProcessSnapshot[];
}

/** A Prometheus query_range response (resultType matrix), as metrics/*.json holds them. */
export interface PrometheusMatrix {
  status: 'success';
  data: {
    resultType: 'matrix';
    result: { metric: Record<string, string>; values: [number, string][] }[];
  };
}

/** The per-process series written to metrics/<name>.json, named as process exporters name them. */
export const PROCESS_METRICS: readonly { name: string; value: (p: ProcessSnapshot) => number | null; byState?: boolean }[] = [
  { name: 'process_resident_memory_bytes', value: (p) => p.rssBytes },
  { name: 'process_virtual_memory_bytes', value: (p) => p.vmBytes },
  { name: 'process_open_fds', value: (p) => p.fds?.total ?? null },
  { name: 'process_max_fds', value: (p) => p.fdSoftLimit },
  { name: 'process_threads', value: (p) => p.threads },
  { name: 'process_cpu_seconds_total', value: (p) => p.cpuSeconds },
  { name: 'process_tcp_sockets', value: () => null, byState: true },
];

/**
 * Builds one matrix per metric from the rounds. Series are keyed by pid and name, so a pid
 * reused by another program starts a new series. Labels: host, process, pid (and state).
 */
export function buildProcessSeries(host: string, rounds: readonly ProcessRound[]): Map<string, PrometheusMatrix> {
  const out = new Map<string, PrometheusMatrix>();
  for (const metric of PROCESS_METRICS) {
    const series = new Map<string, { metric: Record<string, string>; values: [number, string][] }>();
    const push = (labels: Record<string, string>, t: number, v: number) => {
      const key = JSON.stringify(labels);
      let s = series.get(key);
      if (!s) series.set(key, (s = { metric: labels, values: [] }));
      s.values.push([t, String(v)]);
    };
    for (const round of rounds) {
      const t = Math.round(round.timeMs) / 1000;
      for (const p of round.processes) {
        const base = { __name__: metric.name, host, process: p.name, pid: String(p.pid) };
        if (metric.byState) {
          for (const [state, n] of Object.entries(p.sockets)) push({ ...base, state }, t, n);
          continue;
        }
        const v = metric.value(p);
        if (v !== null && Number.isFinite(v)) push(base, t, v);
      }
    }
    if (series.size > 0) out.set(metric.name, { status: 'success', data: { resultType: 'matrix', result: [...series.values()] } });
  }
  return out;
}

/** Memory cgroups worth a series: limited, or failing, or OOM-hit; at most this many. */
const MAX_CGROUP_SERIES = 500;

/**
 * Memory cgroup figures as one-sample matrices under the names cAdvisor gives them, labelled
 * host and id (the cgroup path), so a limited group near its limit is visible to metric readers.
 */
export function buildCgroupSeries(host: string, timeMs: number, cgroups: readonly CgroupMemory[]): Map<string, PrometheusMatrix> {
  const picked = cgroups.filter((c) => c.limitBytes !== null || (c.failcnt ?? 0) > 0 || (c.oomKills ?? 0) > 0).slice(0, MAX_CGROUP_SERIES);
  const metrics: readonly { name: string; value: (c: CgroupMemory) => number | null }[] = [
    { name: 'container_memory_usage_bytes', value: (c) => c.usageBytes },
    { name: 'container_spec_memory_limit_bytes', value: (c) => c.limitBytes },
    { name: 'container_memory_failcnt', value: (c) => c.failcnt },
    { name: 'container_oom_events_total', value: (c) => c.oomKills },
  ];
  const t = Math.round(timeMs) / 1000;
  const out = new Map<string, PrometheusMatrix>();
  for (const m of metrics) {
    const result = picked.flatMap((c) => {
      const v = m.value(c);
      return v === null ? [] : [{ metric: { __name__: m.name, host, id: c.path }, values: [[t, String(v)] as [number, string]] }];
    });
    if (result.length > 0) out.set(m.name, { status: 'success', data: { resultType: 'matrix', result } });
  }
  return out;
}
