import { signature } from '../define.js';
import { deathSeverity, describeExit, decodeExitStatus } from './exit-status.js';

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * A Kubernetes container that ended with a non-zero exit code (`kubectl get pods -o json`, state or
 * lastState.terminated; reason Error, ContainerCannotRun, StartError...), decoded: 137 = SIGKILL
 * (liveness-probe kill, preemption), 139 SIGSEGV, 143 SIGTERM, 134 SIGABRT. OOMKilled is k8s-oom-killed's.
 */
export const k8sContainerDied = signature({
  name: 'k8s-container-died',
  category: 'process-crash',
  software: 'kubernetes',
  description: 'A Kubernetes container terminated with a non-zero exit code (reason, exit code and signal decoded, restarts)',
  formats: ['k8s-pods'],
  prefilter: ' (exit ',
  match: / \(exit \d+\)/,
  severity: 'error',
  hit(_m, e) {
    const f = e.fields ?? {};
    const current = num(f.terminatedExitCode) !== null;
    const exitCode = current ? num(f.terminatedExitCode) : num(f.lastExitCode);
    const reason = text(current ? f.terminatedReason : f.lastReason);
    if (exitCode === null || exitCode === 0 || reason === 'OOMKilled' || reason === 'Completed') return undefined;
    const cause = decodeExitStatus(exitCode);
    const pod = text(f.pod);
    const container = text(f.container);
    const restarts = num(f.restartCount);
    return {
      facts: { pod, namespace: text(f.namespace), container, reason, exitStatus: exitCode, signal: cause.signal, restartCount: restarts, current },
      process: container ?? pod,
      pid: null,
      key: `${f.namespace ?? ''}/${pod ?? ''}/${container ?? ''}`,
      severity: deathSeverity(cause),
      title: `Kubernetes container ${container ?? '?'} in pod ${pod ?? '?'} terminated: ${reason ?? 'exit'}, ${describeExit(cause)}${restarts ? `, ${restarts} restarts` : ''}`,
    };
  },
  samples: {
    hit: [JSON.stringify({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'worker-5f6c7d8e9-abcde', namespace: 'jobs', uid: '7a1b2c3d-0000-4000-8000-000000000001' },
      spec: { nodeName: 'node-c', containers: [{ name: 'worker' }] },
      status: {
        phase: 'Running', startTime: '2026-05-10T07:00:00Z',
        containerStatuses: [{
          name: 'worker', ready: true, restartCount: 2, state: { running: { startedAt: '2026-05-10T07:31:02Z' } },
          lastState: { terminated: { exitCode: 139, reason: 'Error', startedAt: '2026-05-10T07:20:00Z', finishedAt: '2026-05-10T07:31:00Z' } },
        }],
      },
    }, null, 4)],
    miss: [JSON.stringify({
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'migrate-db-x7k2p', namespace: 'jobs', uid: '7a1b2c3d-0000-4000-8000-000000000002' },
      spec: { nodeName: 'node-c', containers: [{ name: 'migrate' }] },
      status: { phase: 'Succeeded', startTime: '2026-05-10T07:00:00Z', containerStatuses: [{ name: 'migrate', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: '2026-05-10T07:00:02Z', finishedAt: '2026-05-10T07:00:40Z' } } }] },
    }, null, 4)],
  },
});
