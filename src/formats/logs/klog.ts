import { severityFromWord } from '../../events/severity.js';
import type { Fields } from '../../events/event.js';
import { defineFormat } from '../define.js';
import { finishGoRecord } from './go-stack.js';
import { readQuoted, scanKeyValues, typedValue } from './key-values.js';

// "I0302 15:04:05.476463       1 file.go:116] msg"; C++ glog >= 0.6 prints the year: "I20240302 ...".
const HEADER = /^([IWEF])(\d{4})?(\d\d)(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{6}) +(\d+) ([^\s:\]]+):(\d+)\] ?/;
const MAX_FIELDS = 32;

export const klog = defineFormat({
  name: 'klog',
  description: 'klog/glog lines of Kubernetes components and glog programs: "I0302 15:04:05.476463  1 file.go:116] msg"',
  producer: 'klog',
  shape: 'lines',
  yearless: true,
  // klog prints multi-line messages and fatal goroutine dumps as they are
  continuation: 'unparsed',
  finishRecord: finishGoRecord,
  parse(line, ctx) {
    const c = line.charCodeAt(0);
    if (c !== 73 && c !== 87 && c !== 69 && c !== 70) return undefined; // I W E F
    const m = HEADER.exec(line);
    if (!m) return undefined;
    const month = +m[3]! - 1;
    if (month < 0 || month > 11) return undefined;
    const year = m[2] ? +m[2] : ctx.yearFor(month);
    const wallMs = Date.UTC(year, month, +m[4]!, +m[5]!, +m[6]!, +m[7]!, Math.floor(+m[8]! / 1000));
    const id = +m[9]!;
    let message = line.slice(m[0].length);
    let fields: Fields = { source: `${m[10]}:${m[11]}` };
    // structured klog (InfoS/ErrorS): "\"Starting controller\" controller=\"endpoints\""
    if (message.charCodeAt(0) === 34) {
      const q = readQuoted(message, 0);
      if (q) {
        const kv = q.end < message.length ? scanKeyValues(message, q.end, MAX_FIELDS) : { pairs: [], looseChars: 0 };
        if (kv) {
          message = q.value;
          fields = { ...fields };
          for (const [k, v] of kv.pairs) if (!(k in fields)) fields[k] = typedValue(v);
        }
      }
    }
    return {
      wallMs,
      timeText: line.slice(1, m[0].indexOf('.') + 7),
      severity: severityFromWord(m[1]),
      // Go's klog prints the process id there, C++ glog the thread id (it is also the one that prints the year)
      pid: m[2] ? null : id,
      thread: m[2] ? String(id) : null,
      message,
      fields,
    };
  },
  samples: [
    {
      text: 'I0302 15:04:05.476463       1 shared_informer.go:311] Waiting for caches to sync for endpoint',
      expect: { wallMs: Date.UTC(2024, 2, 2, 15, 4, 5, 476), severity: 'info', pid: 1, message: 'Waiting for caches to sync for endpoint', fields: { source: 'shared_informer.go:311' } },
    },
    {
      text: 'E0302 15:04:06.000001    4242 reflector.go:147] k8s.io/client-go/informers/factory.go:159: Failed to watch *v1.Pod: Get "https://127.0.0.1:6443/api/v1/pods": dial tcp 127.0.0.1:6443: connect: connection refused',
      expect: { severity: 'error', pid: 4242, fields: { source: 'reflector.go:147' } },
    },
    {
      text: 'W0302 15:04:07.100000       1 controller.go:116] "Lost lease" lease="kube-system/kube-controller-manager" attempts=3',
      expect: { severity: 'warn', message: 'Lost lease', fields: { source: 'controller.go:116', lease: 'kube-system/kube-controller-manager', attempts: 3 } },
    },
    {
      text: 'F20240302 15:04:08.200000 139912 raft.cc:88] Check failed: term > 0',
      expect: { wallMs: Date.UTC(2024, 2, 2, 15, 4, 8, 200), severity: 'fatal', pid: null, thread: '139912', message: 'Check failed: term > 0' },
    },
  ],
});
