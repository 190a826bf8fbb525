import type { Fields } from '../../events/event.js';
import { severityFromWord } from '../../events/severity.js';
import { defineFormat } from '../define.js';
import { epochToMs, parseIsoLike } from '../timestamps.js';
import { GO_STACK_LINE, finishGoRecord } from './go-stack.js';

// zap's console encoder: tab-separated time, level, [logger], [caller], message, [JSON fields].
// Time is ISO8601 ("2024-03-02T11:04:05.123+0800") or epoch seconds ("1.7093486451e+09");
// levels may be capitalised, lower-case, or wrapped in ANSI colours.
const HEAD = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)|\d\.\d+e\+09|\d{10}(?:\.\d+)?)\t(?:\x1b\[\d+m)?(DEBUG|INFO|WARN|ERROR|DPANIC|PANIC|FATAL|debug|info|warn|error|dpanic|panic|fatal)(?:\x1b\[0m)?\t/;
const CALLER = /^\S+\.go:\d+$/;
const MAX_FIELDS = 32;
const MAX_VALUE_CHARS = 512;

export const goZapConsole = defineFormat({
  name: 'go-zap-console',
  description: 'Go zap console encoder: "2024-03-02T11:04:05.123+0800<TAB>INFO<TAB>pkg/file.go:12<TAB>msg<TAB>{...}"',
  producer: 'go-zap',
  shape: 'lines',
  // zap appends "main.main\n\t/src/main.go:12" stack traces to errors; panics print the runtime's dump
  continuation: GO_STACK_LINE,
  finishRecord: finishGoRecord,
  parse(line) {
    const c = line.charCodeAt(0);
    if (c < 48 || c > 57) return undefined;
    const m = HEAD.exec(line);
    if (!m) return undefined;
    const stamp = m[1]!;
    let wallMs: number;
    let offsetMin: number | undefined;
    if (stamp.charCodeAt(4) === 45) {
      const t = parseIsoLike(stamp);
      if (!t) return undefined;
      wallMs = t.wallMs;
      offsetMin = t.offsetMin;
    } else {
      wallMs = epochToMs(Number(stamp));
      offsetMin = 0;
    }
    const parts = line.slice(m[0].length).split('\t', 8);
    let fields: Fields | null = null;
    const last = parts[parts.length - 1]!;
    if (parts.length > 1 && last.charCodeAt(0) === 123) {
      fields = jsonFields(last);
      if (fields) parts.pop();
    }
    const message = parts.pop() ?? '';
    let logger: string | null = null;
    for (const p of parts) {
      if (CALLER.test(p)) {
        fields ??= {};
        fields['source'] = p;
      } else logger ??= p;
    }
    const out = { wallMs, timeText: stamp, severity: severityFromWord(m[2]), logger, message, fields };
    return offsetMin === undefined ? out : { ...out, offsetMin };
  },
  samples: [
    {
      text: '2024-03-02T11:04:05.123+0800\tINFO\tzk/session.go:88\tsession established\t{"sessionId": "0x100a2", "timeoutMs": 4000}',
      expect: { wallMs: Date.UTC(2024, 2, 2, 11, 4, 5, 123), offsetMin: 480, severity: 'info', logger: null, message: 'session established', fields: { sessionId: '0x100a2', timeoutMs: 4000, source: 'zk/session.go:88' } },
    },
    {
      text: '2024-03-02T11:04:06.500+0800\tERROR\tscheduler\tworker/pool.go:141\ttask failed',
      expect: { severity: 'error', logger: 'scheduler', message: 'task failed', fields: { source: 'worker/pool.go:141' } },
    },
    {
      text: '1.7093486451234e+09\twarn\tretrying connect',
      expect: { wallMs: 1709348645123, offsetMin: 0, severity: 'warn', message: 'retrying connect', fields: null },
    },
  ],
});

function jsonFields(text: string): Fields | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return null;
  const fields: Fields = {};
  let n = 0;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (n++ >= MAX_FIELDS) break;
    if (x === null || typeof x === 'number' || typeof x === 'boolean') fields[k] = x;
    else {
      const s = typeof x === 'string' ? x : JSON.stringify(x);
      fields[k] = s.length > MAX_VALUE_CHARS ? s.slice(0, MAX_VALUE_CHARS) : s;
    }
  }
  return fields;
}
