import { defineFormat, type DocumentFormat, type DocumentRecord } from '../define.js';
import { collectRows, isoTakenAt, numOrNull, strOrNull } from './collect-json.js';

/**
 * cmd/sockets.json of `culprit collect`: TCP sockets counted by owning process, local port and
 * state (one record per group: state, localPort, count), then one record per listening socket with
 * its accept queue (kind 'listen', acceptQueue). Process and pid are null where the owner is unknown.
 */
export const collectSockets = defineFormat<DocumentFormat>({
  name: 'collect-sockets',
  description: "culprit collect's sockets.json: TCP sockets by process, port and state; listen queues",
  producer: 'culprit',
  shape: 'document',
  pathHint: /(?:^|\/)sockets\.json$/,
  recognize: (head) => (/^\{"takenAt":"[^"\n]*",\s*"total":\d+,\s*"byProcessPortState":\[/.test(head) ? 0.98 : 0),
  parse(text) {
    const groups = collectRows(text, 'byProcessPortState');
    const listen = collectRows(text, 'listen');
    if (!groups) return { records: [], warnings: ['not the JSON of culprit collect sockets.json'] };
    const records: DocumentRecord[] = [];
    for (const { line, text: t, value: s } of groups.rows) {
      const process = strOrNull(s.process), pid = numOrNull(s.pid), state = strOrNull(s.state), port = numOrNull(s.localPort), count = numOrNull(s.count);
      records.push({ line, text: t, process, pid, message: `${count ?? '?'} ${state ?? '?'} socket(s) on local port ${port ?? '?'}${process ? ` (${process})` : ''}`,
        fields: { kind: 'group', state, localPort: port, count } });
    }
    for (const { line, text: t, value: s } of listen?.rows ?? []) {
      const process = strOrNull(s.process), pid = numOrNull(s.pid), port = numOrNull(s.localPort), queue = numOrNull(s.acceptQueue);
      records.push({ line, text: t, process, pid, message: `listening on ${strOrNull(s.localAddr) ?? '?'}:${port ?? '?'}, accept queue ${queue ?? '?'}${process ? ` (${process})` : ''}`,
        fields: { kind: 'listen', state: 'LISTEN', localAddr: strOrNull(s.localAddr), localPort: port, acceptQueue: queue } });
    }
    const takenAt = isoTakenAt(groups.top.takenAt);
    return takenAt ? { takenAt, records } : { records };
  },
  samples: [
    {
      text: '{"takenAt":"2026-11-22T05:00:18.307Z",\n"total":63,\n"byProcessPortState":[\n' +
        '{"pid":21874,"process":"java","localPort":3888,"state":"ESTAB","count":2}\n],\n"listen":[\n' +
        '{"localAddr":"0.0.0.0","localPort":2181,"acceptQueue":0,"pid":21874,"process":"java"}\n]}\n',
      expect: { process: 'java', pid: 21874, message: '2 ESTAB socket(s) on local port 3888 (java)', fields: { kind: 'group', state: 'ESTAB', localPort: 3888, count: 2 } },
    },
  ],
});
