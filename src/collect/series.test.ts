import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildCgroupSeries, buildProcessSeries } from './series.js';
import type { ProcessSnapshot } from './snapshot.js';

const p = (fds: number, closeWait: number): ProcessSnapshot => ({
  pid: 7, ppid: 1, name: 'api', cmdline: null, state: 'S', uid: 0, rssBytes: 1000, vmBytes: null, threads: 3, cpuSeconds: 0.5, startedAt: null,
  fds: { total: fds, socket: 0, file: fds, pipe: 0, anon: 0, other: 0 }, fdSoftLimit: 256, fdHardLimit: 256, cgroup: [], sockets: { 'CLOSE-WAIT': closeWait },
});

test('buildProcessSeries writes Prometheus matrices labelled host, process, pid', () => {
  const m = buildProcessSeries('h1', [
    { timeMs: 1_700_000_000_000, processes: [p(10, 1)] },
    { timeMs: 1_700_000_005_500, processes: [p(40, 6)] },
  ]);
  const fds = m.get('process_open_fds')!;
  assert.equal(fds.status, 'success');
  assert.equal(fds.data.resultType, 'matrix');
  assert.deepEqual(fds.data.result, [
    { metric: { __name__: 'process_open_fds', host: 'h1', process: 'api', pid: '7' }, values: [[1_700_000_000, '10'], [1_700_000_005.5, '40']] },
  ]);
  assert.deepEqual(m.get('process_tcp_sockets')!.data.result[0]!.metric.state, 'CLOSE-WAIT');
  assert.deepEqual(m.get('process_max_fds')!.data.result[0]!.values[1], [1_700_000_005.5, '256']);
  assert.equal(m.has('process_virtual_memory_bytes'), false);
});

test('buildCgroupSeries keeps limited or failing groups under cAdvisor names', () => {
  const base = { version: 1 as const, maxUsageBytes: null, oomEvents: null, underOom: false, procs: 1 };
  const m = buildCgroupSeries('h1', 1_700_000_000_000, [
    { ...base, path: '/', limitBytes: null, usageBytes: 9, failcnt: 0, oomKills: 0 },
    { ...base, path: '/app', limitBytes: 200, usageBytes: 190, failcnt: 92, oomKills: 0 },
  ]);
  assert.deepEqual(m.get('container_memory_usage_bytes')!.data.result, [
    { metric: { __name__: 'container_memory_usage_bytes', host: 'h1', id: '/app' }, values: [[1_700_000_000, '190']] },
  ]);
  assert.equal(m.get('container_spec_memory_limit_bytes')!.data.result[0]!.values[0]![1], '200');
  assert.equal(m.get('container_memory_failcnt')!.data.result[0]!.values[0]![1], '92');
});
