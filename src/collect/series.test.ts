import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildProcessSeries } from './series.js';
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
