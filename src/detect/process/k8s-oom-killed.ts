import { signature } from '../define.js';
import { formatBytes } from '../units.js';

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Kubernetes reports a container killed by its memory limit (the kernel's memory-cgroup OOM killer in
 * the pod's cgroup): container status reason OOMKilled, exit code 137, in `kubectl get pods -o json`
 * (state or lastState.terminated), or an event with reason OOMKilled. The node's own dmesg, when the
 * bundle has it, gives kernel-oom-kill for the same kill on the node's host.
 */
export const k8sOomKilled = signature({
  name: 'k8s-oom-killed',
  category: 'oom-kill',
  software: 'kubernetes',
  description: 'A Kubernetes container was OOMKilled at its memory limit (pod, container, limit, restarts, exit 137)',
  formats: ['k8s-pods', 'k8s-events'],
  prefilter: 'OOMKilled',
  match: /OOMKilled/,
  severity: 'critical',
  hit(_m, e) {
    const f = e.fields ?? {};
    const isPod = e.format === 'k8s-pods';
    if (isPod && f.terminatedReason !== 'OOMKilled' && f.lastReason !== 'OOMKilled') return undefined;
    if (!isPod && f.reason !== 'OOMKilled') return undefined;
    const pod = text(isPod ? f.pod : f.name);
    const container = text(f.container);
    const limit = num(f.memoryLimitBytes);
    const restarts = num(f.restartCount);
    return {
      facts: {
        pod, namespace: text(f.namespace), container, exitStatus: 137, signal: 'SIGKILL', memoryLimitBytes: limit,
        restartCount: restarts, scope: 'cgroup',
      },
      process: container ?? pod,
      pid: null,
      key: `${f.namespace ?? ''}/${pod ?? ''}/${container ?? ''}`,
      title: `Kubernetes container ${container ?? '?'} in pod ${pod ?? '?'} was OOMKilled${limit !== null ? ` at its ${formatBytes(limit)} limit` : ''} (exit 137)${restarts ? `, ${restarts} restarts` : ''}`,
    };
  },
  samples: {
    hit: [JSON.stringify({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'api-7d9f8b6c5-x2k4p', namespace: 'shop', uid: '5c0e1a52-5b0b-4b8e-9d3c-2f4c8a1e7b10' },
      spec: { nodeName: 'node-b', containers: [{ name: 'api', resources: { limits: { memory: '512Mi' } } }] },
      status: {
        phase: 'Running', startTime: '2026-05-10T07:00:00Z',
        containerStatuses: [{
          name: 'api', ready: true, restartCount: 1, state: { running: { startedAt: '2026-05-10T07:45:52Z' } },
          lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: '2026-05-10T07:00:03Z', finishedAt: '2026-05-10T07:45:51Z' } },
        }],
      },
    }, null, 4)],
    miss: [JSON.stringify({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'api-7d9f8b6c5-x2k4p', namespace: 'shop', uid: '5c0e1a52-5b0b-4b8e-9d3c-2f4c8a1e7b10', annotations: { note: 'was OOMKilled last week, limit raised' } },
      spec: { nodeName: 'node-b', containers: [{ name: 'api', resources: { limits: { memory: '1Gi' } } }] },
      status: { phase: 'Running', startTime: '2026-05-10T07:00:00Z', containerStatuses: [{ name: 'api', ready: true, restartCount: 0, state: { running: { startedAt: '2026-05-10T07:00:03Z' } }, lastState: {} }] },
    }, null, 4)],
  },
});
