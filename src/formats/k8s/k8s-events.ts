import type { Fields } from '../../events/event.js';
import type { DocumentFormat, DocumentRecord } from '../define.js';
import { defineFormat } from '../define.js';
import { int, itemsOf, latestTime, lineFinder, obj, parseJson, str, timeOf } from './k8s-json.js';

const EVENT_KIND = /"kind"\s*:\s*"Event"/;
// "spec.containers{api}" names the container an event is about
const CONTAINER_PATH = /^spec\.(?:initContainers|containers|ephemeralContainers)\{([^}]{1,253})\}$/;
/** Events kept from one document (memory bound). */
const MAX_EVENTS = 100_000;

/**
 * `kubectl get events -o json` (core/v1 Event, also events.k8s.io/v1's note/regarding/series): one
 * record per event at its last occurrence, host = the node that reported it (source.host or
 * reportingInstance), process = the container the event is about (else the object's name). Fields:
 * reason, type, kind, name, namespace, container, count, component, firstMs.
 */
export const k8sEvents = defineFormat<DocumentFormat>({
  name: 'k8s-events',
  description: 'Kubernetes events as `kubectl get events -o json` prints them: reason, object, count, message per event',
  producer: 'kubernetes',
  shape: 'document',
  pathHint: /(?:^|\/)k8s\/[^/]*event[^/]*\.json$/,
  recognize(head) {
    const start = head.trimStart();
    return start.charCodeAt(0) === 123 /* { */ && EVENT_KIND.test(head) && /"(?:involvedObject|regarding)"\s*:/.test(head) ? 0.95 : 0;
  },
  parse(text) {
    const p = parseJson(text);
    if ('error' in p) return { records: [], warnings: [p.error] };
    const records: DocumentRecord[] = [];
    const lineOf = lineFinder(text);
    const items = itemsOf(p.doc, 'Event');
    for (const ev of items) {
      if (records.length >= MAX_EVENTS) break;
      const meta = obj(ev.metadata);
      const line = lineOf(str(meta?.uid) ?? str(meta?.name));
      const r = recordOf(ev, line);
      if (r) records.push(r);
    }
    const warnings = items.length > MAX_EVENTS ? [`${items.length - MAX_EVENTS} event(s) beyond the first ${MAX_EVENTS} were dropped`] : undefined;
    const takenAt = latestTime(records);
    return { records, ...(takenAt ? { takenAt } : {}), ...(warnings ? { warnings } : {}) };
  },
  samples: [
    {
      text: JSON.stringify({
        apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' },
        items: [{
          apiVersion: 'v1', count: 14, eventTime: null, firstTimestamp: '2026-05-10T07:40:01Z', lastTimestamp: '2026-05-10T07:46:10Z',
          involvedObject: { apiVersion: 'v1', fieldPath: 'spec.containers{api}', kind: 'Pod', name: 'api-7d9f8b6c5-x2k4p', namespace: 'shop' },
          kind: 'Event', message: 'Back-off restarting failed container api in pod api-7d9f8b6c5-x2k4p_shop(5c0e1a52-5b0b-4b8e-9d3c-2f4c8a1e7b10)',
          metadata: { name: 'api-7d9f8b6c5-x2k4p.17e2c4b3a1f0c9d2', namespace: 'shop', uid: '0b6f2c1e-9a4d-4c55-8f0e-6a1b2c3d4e5f' },
          reason: 'BackOff', reportingComponent: 'kubelet', reportingInstance: 'node-b', source: { component: 'kubelet', host: 'node-b' }, type: 'Warning',
        }],
      }, null, 4),
      expect: {
        wallMs: 1778399170000, offsetMin: 0, host: 'node-b', process: 'api', severity: 'warn',
        fields: { reason: 'BackOff', type: 'Warning', kind: 'Pod', name: 'api-7d9f8b6c5-x2k4p', namespace: 'shop', container: 'api', count: 14, component: 'kubelet', firstMs: 1778398801000 },
      },
    },
  ],
});

function recordOf(ev: Record<string, unknown>, line: number): DocumentRecord | null {
  const obj1 = obj(ev.involvedObject) ?? obj(ev.regarding);
  const reason = str(ev.reason, 128);
  if (!obj1 || !reason) return null;
  const series = obj(ev.series);
  const last = timeOf(ev.lastTimestamp) ?? timeOf(series?.lastObservedTime) ?? timeOf(ev.eventTime) ?? timeOf(ev.firstTimestamp) ?? timeOf(obj(ev.metadata)?.creationTimestamp);
  const first = timeOf(ev.firstTimestamp) ?? timeOf(ev.eventTime);
  const kind = str(obj1.kind, 64);
  const name = str(obj1.name, 253);
  const namespace = str(obj1.namespace, 253);
  const fieldPath = str(obj1.fieldPath, 300);
  const container = fieldPath ? CONTAINER_PATH.exec(fieldPath)?.[1] ?? null : null;
  const source = obj(ev.source);
  // the scheduler leaves reportingInstance empty
  const host = str(source?.host, 253) || str(ev.reportingInstance, 253) || null;
  const count = int(ev.count) ?? int(series?.count) ?? int(ev.deprecatedCount) ?? 1;
  const type = str(ev.type, 32);
  const message = (str(ev.message, 2000) ?? str(ev.note, 2000) ?? '').replace(/\s+/g, ' ');
  const fields: Fields = {
    reason, type, kind, name, namespace, container, count,
    component: str(source?.component, 128) ?? str(ev.reportingComponent, 128) ?? str(ev.reportingController, 128) ?? null,
    firstMs: first?.wallMs ?? null,
  };
  const who = `${kind ?? '?'} ${namespace ? `${namespace}/` : ''}${name ?? '?'}${container ? ` (${container})` : ''}`;
  const r: DocumentRecord = {
    line, text: `${type ?? ''} ${reason} ${who}: ${message}`.trim().slice(0, 2000), message: `${reason}: ${who}: ${message}${count > 1 ? ` (x${count})` : ''}`,
    host, process: container ?? name, pid: null, severity: type === 'Warning' ? 'warn' : 'info', fields,
  };
  if (last) Object.assign(r, last);
  return r;
}
