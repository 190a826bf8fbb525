import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream } from '../define.js';
import type { Finding } from '../finding.js';
import { decodeExitStatus, describeExit } from './exit-status.js';

/** Containers tracked at once: memory stays bounded on any input. */
const MAX_CONTAINERS = 10_000;
/** Back-offs counted by one event before it is a loop (the kubelet backs off from the 2nd restart). */
const MIN_BACKOFFS = 3;

interface Loop {
  host: string | null;
  namespace: string | null;
  pod: string | null;
  container: string | null;
  first: LogEvent;
  evidence: LogEvent[];
  restartCount: number | null;
  backoffs: number;
  backoffFirstMs: number | null;
  backoffLastMs: number | null;
  crashLoopBackOff: boolean;
  lastReason: string | null;
  lastExitCode: number | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * A Kubernetes container in a crash loop: its status waiting in CrashLoopBackOff (`kubectl get pods
 * -o json`) and/or kubelet BackOff events "Back-off restarting failed container" (`kubectl get events
 * -o json`), one finding per container from both sources. Facts: restarts (restartCount, else the
 * events' back-off count), the mean interval between back-offs, the last termination's reason and exit.
 */
export const k8sCrashLoop = stream({
  name: 'k8s-crash-loop',
  category: 'crash-loop',
  software: 'kubernetes',
  description: 'A Kubernetes container in CrashLoopBackOff or repeated kubelet back-offs (restarts, interval, last exit)',
  formats: ['k8s-pods', 'k8s-events'],
  create() {
    const loops = new Map<string, Loop>();
    const get = (e: LogEvent, namespace: string | null, pod: string | null, container: string | null): Loop | undefined => {
      const key = `${namespace ?? ''}/${pod ?? ''}/${container ?? ''}`;
      let l = loops.get(key);
      if (!l && loops.size < MAX_CONTAINERS) {
        loops.set(key, (l = {
          host: e.host, namespace, pod, container, first: e, evidence: [], restartCount: null, backoffs: 0, backoffFirstMs: null, backoffLastMs: null,
          crashLoopBackOff: false, lastReason: null, lastExitCode: null,
        }));
      }
      return l;
    };
    return {
      accept(e: LogEvent) {
        const f = e.fields;
        if (!f) return;
        if (e.format === 'k8s-pods') {
          if (f.waitingReason !== 'CrashLoopBackOff') return;
          const l = get(e, text(f.namespace), text(f.pod), text(f.container));
          if (!l) return;
          l.crashLoopBackOff = true;
          l.restartCount = Math.max(l.restartCount ?? 0, num(f.restartCount) ?? 0);
          l.lastReason = text(f.lastReason) ?? l.lastReason;
          l.lastExitCode = num(f.lastExitCode) ?? l.lastExitCode;
          l.host ??= e.host;
          if (l.evidence.length < 4) l.evidence.push(e);
          return;
        }
        if (f.reason !== 'BackOff' || !e.message.includes('Back-off restarting failed container')) return;
        const l = get(e, text(f.namespace), text(f.name), text(f.container));
        if (!l) return;
        l.backoffs += num(f.count) ?? 1;
        const firstMs = num(f.firstMs);
        if (firstMs !== null && (l.backoffFirstMs === null || firstMs < l.backoffFirstMs)) l.backoffFirstMs = firstMs;
        if (e.timeMs !== null && (l.backoffLastMs === null || e.timeMs > l.backoffLastMs)) l.backoffLastMs = e.timeMs;
        l.host ??= e.host;
        if (l.evidence.length < 4) l.evidence.push(e);
      },
      finish() {
        const out: Omit<Finding, 'id'>[] = [];
        for (const l of loops.values()) {
          if (!l.crashLoopBackOff && l.backoffs < MIN_BACKOFFS) continue;
          // the kubelet's BackOff event counts its back-off syncs, not restarts: restartCount wins when known
          const restarts = l.restartCount ?? l.backoffs;
          const spanMs = l.backoffFirstMs !== null && l.backoffLastMs !== null ? l.backoffLastMs - l.backoffFirstMs : null;
          const intervalMs = spanMs !== null && l.backoffs > 1 ? Math.round(spanMs / (l.backoffs - 1)) : null;
          const cause = l.lastExitCode !== null ? decodeExitStatus(l.lastExitCode) : null;
          out.push({
            category: 'crash-loop', severity: 'error', detector: 'k8s-crash-loop',
            title: `Kubernetes container ${l.container ?? '?'} in pod ${l.pod ?? '?'} is crash-looping: ${restarts} restarts${l.lastReason || cause ? `, last ${l.lastReason ?? ''}${cause ? ` ${describeExit(cause)}` : ''}` : ''}`,
            timeMs: l.backoffFirstMs ?? l.first.timeMs, endMs: l.backoffLastMs, host: l.host, process: l.container ?? l.pod, pid: null,
            facts: {
              pod: l.pod, namespace: l.namespace, container: l.container, restarts, restartCount: l.restartCount, backoffs: l.backoffs, intervalMs, spanMs,
              crashLoopBackOff: l.crashLoopBackOff, lastReason: l.lastReason, exitStatus: l.lastExitCode, signal: cause?.signal ?? null,
            },
            evidence: l.evidence.map((x) => evidenceOf(x)),
          });
        }
        loops.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [{
      'k8s/events.json': JSON.stringify({
        apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' },
        items: [{
          apiVersion: 'v1', count: 14, eventTime: null, firstTimestamp: '2026-05-10T07:40:01Z', lastTimestamp: '2026-05-10T07:46:10Z',
          involvedObject: { apiVersion: 'v1', fieldPath: 'spec.containers{api}', kind: 'Pod', name: 'api-7d9f8b6c5-x2k4p', namespace: 'shop' },
          kind: 'Event', message: 'Back-off restarting failed container api in pod api-7d9f8b6c5-x2k4p_shop(5c0e1a52-5b0b-4b8e-9d3c-2f4c8a1e7b10)',
          metadata: { name: 'api-7d9f8b6c5-x2k4p.17e2c4b3a1f0c9d2', namespace: 'shop', uid: '0b6f2c1e-9a4d-4c55-8f0e-6a1b2c3d4e5f' },
          reason: 'BackOff', reportingComponent: 'kubelet', reportingInstance: 'node-b', source: { component: 'kubelet', host: 'node-b' }, type: 'Warning',
        }],
      }, null, 4),
    }],
    miss: [{
      'k8s/events.json': JSON.stringify({
        apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' },
        items: [{
          apiVersion: 'v1', count: 1, eventTime: null, firstTimestamp: '2026-05-10T07:40:01Z', lastTimestamp: '2026-05-10T07:40:01Z',
          involvedObject: { apiVersion: 'v1', fieldPath: 'spec.containers{api}', kind: 'Pod', name: 'api-7d9f8b6c5-x2k4p', namespace: 'shop' },
          kind: 'Event', message: 'Pulling image "shop/api:1.4"',
          metadata: { name: 'api-7d9f8b6c5-x2k4p.17e2c4b3a1f0c9d3', namespace: 'shop', uid: '0b6f2c1e-9a4d-4c55-8f0e-6a1b2c3d4e60' },
          reason: 'Pulling', reportingComponent: 'kubelet', reportingInstance: 'node-b', source: { component: 'kubelet', host: 'node-b' }, type: 'Normal',
        }],
      }, null, 4),
    }],
  },
});
