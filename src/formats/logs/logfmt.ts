import type { Fields } from '../../events/event.js';
import { severityFromWord } from '../../events/severity.js';
import { type Parsed, defineFormat } from '../define.js';
import { epochToMs, parseIsoLike } from '../timestamps.js';
import { GO_STACK_LINE, finishGoRecord } from './go-stack.js';
import { scanKeyValues, typedValue } from './key-values.js';

const MAX_FIELDS = 32;
const MAX_VALUE_CHARS = 1024;

const TIME_KEYS = new Set(['time', 'ts', 't', 'timestamp']);
// Heroku's router writes "at=info"
const LEVEL_KEYS = new Set(['level', 'lvl', 'severity', 'at']);
const MESSAGE_KEYS = new Set(['msg', 'message']);
const LOGGER_KEYS = new Set(['logger', 'component', 'module']);
const EPOCH = /^\d{9,19}(?:\.\d+)?$/;

export const logfmt = defineFormat({
  name: 'logfmt',
  description: 'key=value lines (logfmt, Go slog TextHandler, go-kit, Heroku) with time/level/msg keys',
  producer: 'logfmt',
  shape: 'lines',
  // loose: other logs carry k=v pairs too, so nearly every sampled line must be a pair list
  minShare: 0.9,
  // mostly written by Go programs (slog, go-kit, zap): a crash's stderr output joins the last record
  continuation: GO_STACK_LINE,
  finishRecord: finishGoRecord,
  parse(line) {
    const c = line.charCodeAt(0);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 64)) return undefined;
    const kv = scanKeyValues(line, 0, MAX_FIELDS + 8);
    if (!kv || kv.pairs.length < 2 || kv.looseChars * 2 > line.length) return undefined;
    let time: string | undefined;
    let timeKey = '';
    let level: string | undefined;
    let message: string | undefined;
    const out: Parsed = { message: '' };
    let fields: Fields | null = null;
    let nFields = 0;
    for (const [key, value] of kv.pairs) {
      if (time === undefined && TIME_KEYS.has(key)) {
        time = value;
        timeKey = key;
      }
      else if (level === undefined && LEVEL_KEYS.has(key)) level = value;
      else if (message === undefined && MESSAGE_KEYS.has(key)) message = value;
      else if (out.logger == null && LOGGER_KEYS.has(key)) out.logger = value;
      else if (out.host == null && (key === 'host' || key === 'hostname')) out.host = value;
      else if (out.pid == null && key === 'pid' && /^\d{1,9}$/.test(value)) out.pid = +value;
      else if (nFields < MAX_FIELDS) {
        fields ??= {};
        if (!(key in fields)) {
          fields[key] = typedValue(value.length > MAX_VALUE_CHARS ? value.slice(0, MAX_VALUE_CHARS) : value);
          nFields++;
        }
      }
    }
    if (time === undefined && level === undefined && message === undefined) return undefined;
    if (time !== undefined) {
      const t = parseIsoLike(time);
      if (t) {
        out.wallMs = t.wallMs;
        if (t.offsetMin !== undefined) out.offsetMin = t.offsetMin;
        out.timeText = time;
      } else if (EPOCH.test(time)) {
        out.wallMs = Math.floor(epochToMs(Number(time)));
        out.offsetMin = 0;
        out.timeText = time;
      } else {
        // "t=fast": not a time after all, keep it as a field
        fields ??= {};
        fields[timeKey] = typedValue(time.length > MAX_VALUE_CHARS ? time.slice(0, MAX_VALUE_CHARS) : time);
      }
    }
    out.severity = severityFromWord(level);
    // without a msg key the pairs are the message (Heroku's router)
    out.message = message ?? line;
    out.fields = fields;
    return out;
  },
  samples: [
    {
      text: 'time=2024-03-02T11:04:05.123+08:00 level=INFO msg="connected to peer" peer=127.0.0.1:2380 attempt=2',
      expect: { wallMs: Date.UTC(2024, 2, 2, 11, 4, 5, 123), offsetMin: 480, severity: 'info', message: 'connected to peer', fields: { peer: '127.0.0.1:2380', attempt: 2 } },
    },
    {
      text: 'level=error ts=2024-03-02T03:04:05.1Z caller=main.go:42 msg="scrape failed" err="context deadline exceeded"',
      expect: { offsetMin: 0, severity: 'error', message: 'scrape failed', fields: { caller: 'main.go:42', err: 'context deadline exceeded' } },
    },
    {
      text: 'at=error code=H12 desc="Request timeout" method=GET path="/" host=127.0.0.1 status=503 service=30000ms',
      expect: { severity: 'error', host: '127.0.0.1', message: 'at=error code=H12 desc="Request timeout" method=GET path="/" host=127.0.0.1 status=503 service=30000ms', fields: { code: 'H12', desc: 'Request timeout', method: 'GET', path: '/', status: 503, service: '30000ms' } },
    },
    {
      text: 'ts=1709348645.25 lvl=warn msg="slow query \\"users\\"" duration=2.5',
      expect: { wallMs: 1709348645250, offsetMin: 0, severity: 'warn', message: 'slow query "users"', fields: { duration: 2.5 } },
    },
  ],
});
