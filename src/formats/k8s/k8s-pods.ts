import type { Fields } from '../../events/event.js';
import type { DocumentFormat, DocumentRecord } from '../define.js';
import { defineFormat } from '../define.js';
import { int, itemsOf, latestTime, lineFinder, obj, parseJson, quantityBytes, str, timeOf, type Json } from './k8s-json.js';

const POD_KIND = /"kind"\s*:\s*"Pod"/;
/** Container records kept from one document (memory bound). */
const MAX_CONTAINERS = 100_000;

/**
 * `kubectl get pods -o json` (or one pod): one record per container status, at the time its last
 * death ended (lastState.terminated.finishedAt) or else the pod's start. host = spec.nodeName,
 * process = the container's name. Fields: pod, namespace, container, restartCount, ready, state,
 * waitingReason, terminatedReason/ExitCode (current state), lastReason, lastExitCode, lastStartedMs,
 * lastFinishedMs, memoryLimitBytes (from the pod spec).
 */
export const k8sPods = defineFormat<DocumentFormat>({
  name: 'k8s-pods',
  description: 'Kubernetes pods as `kubectl get pods -o json` prints them: per container restarts, state, last termination (reason, exit code)',
  producer: 'kubernetes',
  shape: 'document',
  pathHint: /(?:^|\/)k8s\/[^/]*pod[^/]*\.json$/,
  recognize(head) {
    const start = head.trimStart();
    // events about pods name "kind": "Pod" too, in their involvedObject
    return start.charCodeAt(0) === 123 /* { */ && POD_KIND.test(head) && /"(?:spec|metadata)"\s*:/.test(head) && !/"(?:involvedObject|regarding)"\s*:/.test(head) ? 0.9 : 0;
  },
  parse(text) {
    const p = parseJson(text);
    if ('error' in p) return { records: [], warnings: [p.error] };
    const records: DocumentRecord[] = [];
    const lineOf = lineFinder(text);
    for (const pod of itemsOf(p.doc, 'Pod')) {
      const meta = obj(pod.metadata);
      const line = lineOf(str(meta?.uid) ?? str(meta?.name));
      for (const r of containersOf(pod, line)) {
        if (records.length >= MAX_CONTAINERS) return { records, warnings: [`containers beyond the first ${MAX_CONTAINERS} were dropped`], ...withTakenAt(records) };
        records.push(r);
      }
    }
    return { records, ...withTakenAt(records) };
  },
  samples: [
    {
      text: JSON.stringify({
        apiVersion: 'v1', kind: 'Pod',
        metadata: { name: 'api-7d9f8b6c5-x2k4p', namespace: 'shop', uid: '5c0e1a52-5b0b-4b8e-9d3c-2f4c8a1e7b10' },
        spec: { nodeName: 'node-b', containers: [{ name: 'api', image: 'shop/api:1.4', resources: { limits: { memory: '512Mi' } } }] },
        status: {
          phase: 'Running', startTime: '2026-05-10T07:00:00Z',
          containerStatuses: [{
            name: 'api', ready: false, restartCount: 6, image: 'shop/api:1.4',
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 2m40s restarting failed container=api pod=api-7d9f8b6c5-x2k4p_shop(5c0e1a52)' } },
            lastState: { terminated: { exitCode: 137, reason: 'OOMKilled', startedAt: '2026-05-10T07:45:30Z', finishedAt: '2026-05-10T07:45:51Z' } },
          }],
        },
      }, null, 4),
      expect: {
        wallMs: 1778399151000, offsetMin: 0, host: 'node-b', process: 'api', severity: 'error',
        fields: {
          pod: 'api-7d9f8b6c5-x2k4p', namespace: 'shop', container: 'api', restartCount: 6, ready: false, state: 'waiting',
          waitingReason: 'CrashLoopBackOff', terminatedReason: null, terminatedExitCode: null, lastReason: 'OOMKilled', lastExitCode: 137,
          lastStartedMs: 1778399130000, lastFinishedMs: 1778399151000, memoryLimitBytes: 536870912,
        },
      },
    },
  ],
});

function containersOf(pod: Json, line: number): DocumentRecord[] {
  const meta = obj(pod.metadata);
  const spec = obj(pod.spec);
  const status = obj(pod.status);
  const podName = str(meta?.name, 253);
  const namespace = str(meta?.namespace, 253);
  const node = str(spec?.nodeName, 253);
  const limits = new Map<string, number | null>();
  for (const list of [spec?.containers, spec?.initContainers]) {
    if (!Array.isArray(list)) continue;
    for (const c of list.map(obj)) {
      const name = str(c?.name, 253);
      if (name) limits.set(name, quantityBytes(obj(obj(c?.resources)?.limits)?.memory));
    }
  }
  const out: DocumentRecord[] = [];
  const statuses = [...(Array.isArray(status?.initContainerStatuses) ? status.initContainerStatuses : []), ...(Array.isArray(status?.containerStatuses) ? status.containerStatuses : [])];
  for (const cs of statuses.map(obj)) {
    if (!cs) continue;
    const container = str(cs.name, 253);
    const state = obj(cs.state);
    const stateName = state ? (Object.keys(state).find((k) => k === 'running' || k === 'waiting' || k === 'terminated') ?? null) : null;
    const waiting = obj(state?.waiting);
    const terminated = obj(state?.terminated);
    const last = obj(obj(cs.lastState)?.terminated);
    const restartCount = int(cs.restartCount);
    const fields: Fields = {
      pod: podName, namespace, container, restartCount, ready: typeof cs.ready === 'boolean' ? cs.ready : null, state: stateName,
      waitingReason: str(waiting?.reason, 128), terminatedReason: str(terminated?.reason, 128), terminatedExitCode: int(terminated?.exitCode),
      lastReason: str(last?.reason, 128), lastExitCode: int(last?.exitCode),
      lastStartedMs: timeOf(last?.startedAt)?.wallMs ?? null, lastFinishedMs: timeOf(last?.finishedAt)?.wallMs ?? null,
      memoryLimitBytes: container ? limits.get(container) ?? null : null,
    };
    const died = terminated ?? last;
    const at = timeOf(terminated?.finishedAt) ?? timeOf(last?.finishedAt) ?? timeOf(status?.startTime) ?? timeOf(meta?.creationTimestamp);
    const bad = fields.waitingReason === 'CrashLoopBackOff' || (died !== null && int(died.exitCode) !== 0);
    const lastText = last ? `, last terminated ${fields.lastReason ?? '?'} (exit ${fields.lastExitCode ?? '?'})` : '';
    const message = `pod ${namespace ? `${namespace}/` : ''}${podName ?? '?'} container ${container ?? '?'}: ${stateName ?? 'unknown'}` +
      `${fields.waitingReason ? ` ${fields.waitingReason}` : ''}${fields.terminatedReason ? ` ${fields.terminatedReason} (exit ${fields.terminatedExitCode ?? '?'})` : ''}, restarts ${restartCount ?? '?'}${lastText}`;
    const r: DocumentRecord = { line, text: message, message, host: node, process: container, pid: null, severity: bad ? 'error' : 'info', fields };
    if (at) Object.assign(r, at);
    out.push(r);
  }
  return out;
}

function withTakenAt(records: readonly DocumentRecord[]): { takenAt?: { wallMs: number; offsetMin: number; text: string } } {
  const t = latestTime(records);
  return t ? { takenAt: t } : {};
}
