import type { FieldValue, Fields } from '../../events/event.js';
import { type Severity, severityFromSyslog, severityFromWord } from '../../events/severity.js';
import { type Parsed, defineFormat } from '../define.js';
import { epochToMs, parseIsoLike } from '../timestamps.js';
import { GO_STACK_LINE, finishGoRecord } from './go-stack.js';
import { severityInText } from './level-in-text.js';

const MAX_FIELDS = 32;
const MAX_VALUE_CHARS = 512;
const MAX_MESSAGE_CHARS = 16 * 1024;

// Key lists, first found wins. Dotted names are ECS/OpenTelemetry attributes written flat.
const TIME_KEYS = ['time', 'timestamp', 'ts', '@timestamp', 't', '@t', 'Timestamp', 'timeUnixNano', 'ObservedTimestamp', 'observedTimeUnixNano', 'date', 'datetime', 'asctime'];
const LEVEL_KEYS = ['level', 'severity', 'lvl', 'levelname', 'log.level', '@l', 'SeverityText', 'severityText', 'loglevel'];
const LEVEL_NUMBER_KEYS = ['SeverityNumber', 'severityNumber'];
const MESSAGE_KEYS = ['msg', 'message', 'log', 'Body', 'body', 'short_message', '@m', '@mt'];
const HOST_KEYS = ['host', 'hostname', 'host.name', 'host.hostname'];
const PID_KEYS = ['pid', 'process.pid'];
const THREAD_KEYS = ['thread', 'thread_name', 'threadName', 'thread.name', 'process.thread.name'];
const LOGGER_KEYS = ['logger', 'logger_name', 'loggerName', 'log.logger', 'name'];
const PROCESS_KEYS = ['service.name', 'service', 'process.executable.name'];
// OpenTelemetry and structlog-style containers whose members are fields in their own right
const CONTAINERS = new Set(['Resource', 'resource', 'Attributes', 'attributes']);

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

export const jsonLines = defineFormat({
  name: 'json-lines',
  description: 'one JSON object per line (zap, pino, bunyan, logstash/ECS, docker json-file, OpenTelemetry log records)',
  producer: 'json-logger',
  shape: 'lines',
  // mostly written by Go programs (slog, go-kit, zap): a crash's stderr output joins the last record
  continuation: GO_STACK_LINE,
  finishRecord: finishGoRecord,
  parse(line) {
    if (line.charCodeAt(0) !== 123 || line.charCodeAt(line.length - 1) !== 125) return undefined; // '{' ... '}'
    let obj: Json;
    try {
      obj = JSON.parse(line) as Json;
    } catch {
      return undefined;
    }
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return undefined;
    // journalctl -o json has its own format
    if ('__REALTIME_TIMESTAMP' in obj) return undefined;
    return fromObject(obj);
  },
  samples: [
    {
      text: '{"level":"error","ts":1709348645.123,"caller":"zk/conn.go:412","msg":"session expired","sessionId":"0x100a2","logger":"coord"}',
      expect: { wallMs: 1709348645123, offsetMin: 0, severity: 'error', logger: 'coord', message: 'session expired', fields: { caller: 'zk/conn.go:412', sessionId: '0x100a2' } },
    },
    {
      text: '{"level":50,"time":1709348645123,"pid":812,"hostname":"api-7","name":"orders","msg":"db pool exhausted","err":{"code":"ETIMEDOUT"}}',
      expect: { wallMs: 1709348645123, severity: 'error', pid: 812, host: 'api-7', logger: 'orders', message: 'db pool exhausted', fields: { 'err.code': 'ETIMEDOUT' } },
    },
    {
      text: '{"log":"2024/03/02 11:04:05 [ERROR] upstream timed out\\n","stream":"stderr","time":"2024-03-02T03:04:05.123456789Z"}',
      expect: { wallMs: Date.UTC(2024, 2, 2, 3, 4, 5, 123), offsetMin: 0, severity: 'error', message: '2024/03/02 11:04:05 [ERROR] upstream timed out', fields: { stream: 'stderr' } },
    },
    {
      text: '{"Timestamp":"1709348645123456789","SeverityText":"WARN","SeverityNumber":13,"Body":"queue lag growing","Resource":{"service.name":"billing","host.name":"node-2","process.pid":77},"Attributes":{"queue":"invoices","lag":1200}}',
      expect: { wallMs: 1709348645123, severity: 'warn', host: 'node-2', pid: 77, process: 'billing', message: 'queue lag growing', fields: { queue: 'invoices', lag: 1200 } },
    },
    {
      text: '{"@timestamp":"2024-03-02T11:04:05.210+08:00","log.level":"WARN","message":"GC overhead high","process.thread.name":"main","service.name":"search","event.dataset":"search.log"}',
      expect: { offsetMin: 480, severity: 'warn', thread: 'main', process: 'search', message: 'GC overhead high', fields: { 'event.dataset': 'search.log' } },
    },
  ],
});

// Each known key's role and its rank in that role's list (lower wins), for a single pass over the object.
const ROLE_LISTS = {
  time: TIME_KEYS, level: LEVEL_KEYS, levelNumber: LEVEL_NUMBER_KEYS, message: MESSAGE_KEYS, host: HOST_KEYS,
  pid: PID_KEYS, thread: THREAD_KEYS, logger: LOGGER_KEYS, process: PROCESS_KEYS,
} as const;
type Role = keyof typeof ROLE_LISTS;
const ROLE_OF = new Map<string, { role: Role; rank: number }>();
for (const [role, keys] of Object.entries(ROLE_LISTS) as Array<[Role, readonly string[]]>) {
  keys.forEach((k, rank) => ROLE_OF.set(k, { role, rank }));
}

function fromObject(obj: Obj): Parsed | undefined {
  const found: Partial<Record<Role, { key: string; rank: number }>> = {};
  let resource: Obj | null = null;
  let attributes: Obj | null = null;
  for (const k in obj) {
    const v = obj[k]!;
    const r = ROLE_OF.get(k);
    if (r !== undefined) {
      // OpenTelemetry: a zero Timestamp means "unknown"; ObservedTimestamp is the next in the list
      if (v === null || v === '' || (r.role === 'time' && (v === 0 || v === '0'))) continue;
      const cur = found[r.role];
      if (cur === undefined || r.rank < cur.rank) found[r.role] = { key: k, rank: r.rank };
    } else if (isObj(v)) {
      if (resource === null && (k === 'Resource' || k === 'resource')) resource = v;
      else if (attributes === null && (k === 'Attributes' || k === 'attributes')) attributes = v;
    }
  }
  if (found.time === undefined && found.message === undefined) return undefined;
  // few keys are used: an array is cheaper than a Set here
  const used: string[] = [];
  const top = (role: Role): Json | undefined => {
    const f = found[role];
    if (f === undefined) return undefined;
    used.push(f.key);
    return obj[f.key];
  };
  // members of the OpenTelemetry containers, when the top level names none
  const inner = (role: Role, containers: ReadonlyArray<Obj | null>): Json | undefined => {
    const t = top(role);
    if (t !== undefined) return t;
    for (const o of containers) {
      if (o === null) continue;
      for (const k of ROLE_LISTS[role]) {
        const v = o[k];
        if (v !== undefined && v !== null && v !== '') {
          used.push(`${o === resource ? 'R' : 'A'}:${k}`);
          return v;
        }
      }
    }
    return undefined;
  };

  const out: Parsed = { message: '' };
  const timeV = top('time');
  if (timeV !== undefined) {
    const t = toTime(timeV);
    if (t) {
      out.wallMs = t.wallMs;
      if (t.offsetMin !== undefined) out.offsetMin = t.offsetMin;
      out.timeText = typeof timeV === 'string' ? timeV : String(timeV);
    }
  }
  const levelV = top('level');
  const levelN = top('levelNumber');
  out.message = messageText(top('message'), obj, used);
  out.severity = severityOf(levelV, levelN, obj) ?? (levelV === undefined && levelN === undefined ? severityInText(out.message) : null);
  const host = inner('host', [resource, attributes]);
  out.host = typeof host === 'string' ? host : isObj(host) ? str(host['name'] ?? host['hostname']) : null;
  const pid = inner('pid', [resource, attributes]);
  out.pid = typeof pid === 'number' && Number.isInteger(pid) ? pid : typeof pid === 'string' && /^\d{1,9}$/.test(pid) ? +pid : null;
  out.thread = str(inner('thread', [attributes]));
  out.logger = str(inner('logger', [attributes]));
  const proc = inner('process', [resource]);
  out.process = typeof proc === 'string' ? proc : isObj(proc) ? str(proc['name']) : null;
  out.fields = otherFields(obj, used, resource, attributes);
  return out;
}

function isObj(v: Json | undefined): v is Obj {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
}

function toTime(v: Json): { wallMs: number; offsetMin?: number } | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? { wallMs: Math.floor(epochToMs(v)), offsetMin: 0 } : undefined;
  if (typeof v !== 'string') return undefined;
  const c = v.charCodeAt(0);
  if (c < 48 || c > 57) return undefined;
  const t = parseIsoLike(v);
  if (t) return t.offsetMin === undefined ? { wallMs: t.wallMs } : { wallMs: t.wallMs, offsetMin: t.offsetMin };
  if (/^\d{9,19}(?:\.\d+)?$/.test(v)) return { wallMs: Math.floor(epochToMs(Number(v))), offsetMin: 0 };
  return undefined;
}

function severityOf(word: Json | undefined, otelNumber: Json | undefined, obj: Obj): Severity | null {
  if (typeof otelNumber === 'number' && otelNumber >= 1 && otelNumber <= 24) {
    return (['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const)[Math.floor((otelNumber - 1) / 4)]!;
  }
  if (typeof word === 'string') return severityFromWord(word);
  if (typeof word === 'number') {
    if ('short_message' in obj) return word >= 0 && word <= 7 ? severityFromSyslog(word) : null; // GELF
    if (word >= 10 && word <= 60) return (['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const)[Math.floor(word / 10) - 1]!; // bunyan/pino
    if (word >= 0 && word <= 7) return severityFromSyslog(word);
    return null;
  }
  // Serilog's compact JSON leaves out "@l" for Information
  if (word === undefined && '@t' in obj && ('@mt' in obj || '@m' in obj)) return 'info';
  return null;
}

function messageText(v: Json | undefined, obj: Obj, used: readonly string[]): string {
  if (v === undefined) {
    const line = JSON.stringify(obj);
    return line.length > MAX_MESSAGE_CHARS ? line.slice(0, MAX_MESSAGE_CHARS) : line;
  }
  let s: string;
  if (typeof v === 'string') s = v;
  else if (v !== null && typeof v === 'object' && !Array.isArray(v) && typeof v['stringValue'] === 'string') s = v['stringValue']; // OTLP AnyValue
  else s = JSON.stringify(v);
  // docker's json-file keeps the line's newline
  if (used.includes('log') && s.endsWith('\n')) s = s.slice(0, s.endsWith('\r\n') ? -2 : -1);
  return s.length > MAX_MESSAGE_CHARS ? s.slice(0, MAX_MESSAGE_CHARS) : s;
}

function otherFields(obj: Obj, used: readonly string[], resource: Obj | null, attributes: Obj | null): Fields | null {
  const fields: Fields = {};
  let n = 0;
  const put = (k: string, v: Json): boolean => {
    if (n >= MAX_FIELDS) return false;
    if (fields[k] !== undefined) return true;
    fields[k] = scalar(v);
    n++;
    return true;
  };
  for (const k in obj) {
    if (used.includes(k)) continue;
    const v = obj[k]!;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      // one level flattened; OpenTelemetry containers lend their members their own names
      const container = CONTAINERS.has(k);
      const mark = v === resource ? 'R:' : v === attributes ? 'A:' : null;
      for (const k2 in v) {
        if (mark && used.includes(mark + k2)) continue;
        if (!put(container ? k2 : `${k}.${k2}`, v[k2]!)) return fields;
      }
    } else if (!put(k, v)) return fields;
  }
  return n === 0 ? null : fields;
}

function scalar(v: Json): FieldValue {
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > MAX_VALUE_CHARS ? s.slice(0, MAX_VALUE_CHARS) : s;
}

function str(v: Json | undefined): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}
