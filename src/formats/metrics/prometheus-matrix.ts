import type { Fields } from '../../events/event.js';
import type { DocumentFormat, DocumentRecord, DocumentResult } from '../define.js';
import { defineFormat } from '../define.js';

const SIGNATURE = /"resultType"\s*:\s*"(?:matrix|vector)"/;
/** Samples kept from one document: beyond this the rest are dropped with a warning (memory bound). */
export const MAX_SAMPLES = 200_000;
const MAX_LABELS = 16;
const MAX_LABEL_CHARS = 256;
const HOST_LABELS = ['host', 'instance', 'hostname'];
const PROCESS_LABELS = ['process', 'comm', 'name', 'groupname'];
// a client library's process_* metrics describe the scraped service itself, which its job names;
// for other metrics the job names an exporter (job="node" is node_exporter, not a process)
const SELF_METRIC = /^process_/;
const RESERVED = new Set(['metric', 'value']);

type Sample = [number, string];
interface Series {
  metric?: Record<string, unknown>;
  values?: unknown;
  value?: unknown;
}

/**
 * A Prometheus HTTP API query_range (resultType "matrix") or query (resultType "vector") response:
 * one record per sample, at its own time (epoch seconds, UTC). Host comes from the labels host,
 * instance (without its port) or hostname; process from process, comm, name, groupname, or the
 * job of a process_* metric. The metric name, value and the other labels (bounded) are the fields.
 */
export const prometheusMatrix = defineFormat<DocumentFormat>({
  name: 'prometheus-matrix',
  description: 'Prometheus HTTP API query_range / query response (JSON, resultType matrix or vector): one record per sample',
  producer: 'prometheus',
  shape: 'document',
  pathHint: /(?:^|\/)metrics\/[^/]*\.json$/,
  recognize(head) {
    const start = head.trimStart();
    return start.charCodeAt(0) === 123 /* { */ && SIGNATURE.test(head) && head.includes('"status"') ? 1 : 0;
  },
  parse(text) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      return { records: [], warnings: [`not valid JSON: ${(err as Error).message}`] };
    }
    return fromResponse(doc, text);
  },
  samples: [
    {
      text: '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"process_resident_memory_bytes",' +
        '"instance":"db-1:9256","job":"process-exporter","groupname":"java"},"values":[[1715327211.5,"123456789"]]}]}}',
      expect: {
        wallMs: 1715327211500, offsetMin: 0, timeText: '1715327211.5', host: 'db-1', process: 'java',
        fields: { metric: 'process_resident_memory_bytes', value: 123456789, instance: 'db-1:9256', job: 'process-exporter', groupname: 'java' },
      },
    },
    {
      text: '{"status":"success","data":{"resultType":"vector","result":[{"metric":{"__name__":"up","host":"web-2","job":"node"},"value":[1715327211,"1"]}]}}',
      expect: { wallMs: 1715327211000, host: 'web-2', process: null, fields: { metric: 'up', value: 1, host: 'web-2', job: 'node' } },
    },
    {
      text: '{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"process_open_fds","instance":"10.0.0.5:7000","job":"zookeeper"},"values":[[1715327211,"1021"]]}]}}',
      expect: { host: '10.0.0.5', process: 'zookeeper', fields: { metric: 'process_open_fds', value: 1021, instance: '10.0.0.5:7000', job: 'zookeeper' } },
    },
  ],
});

function fromResponse(doc: unknown, text: string): DocumentResult {
  const records: DocumentRecord[] = [];
  const warnings: string[] = [];
  const root = doc as { status?: unknown; error?: unknown; data?: { resultType?: unknown; result?: unknown } } | null;
  if (!root || typeof root !== 'object') return { records, warnings: ['not a Prometheus API response'] };
  if (root.status !== 'success') warnings.push(`response status ${JSON.stringify(root.status)}${typeof root.error === 'string' ? `: ${root.error.slice(0, 200)}` : ''}`);
  const data = root.data;
  const result = data?.result;
  if (!Array.isArray(result)) return { records, warnings: [...warnings, 'no data.result array'] };
  const lineOf = seriesLines(text);
  let dropped = 0;
  let latestMs: number | null = null;
  let latestText = '';
  result.forEach((s: unknown, index) => {
    if (!s || typeof s !== 'object') return;
    const series = s as Series;
    const labels = series.metric && typeof series.metric === 'object' ? series.metric : {};
    const samples: unknown[] = Array.isArray(series.values) ? series.values : Array.isArray(series.value) ? [series.value] : [];
    const base = labelFields(labels);
    const host = firstLabel(labels, HOST_LABELS, true);
    const process = firstLabel(labels, PROCESS_LABELS, false) ??
      (typeof labels.__name__ === 'string' && SELF_METRIC.test(labels.__name__) ? firstLabel(labels, ['job'], false) : null);
    const selector = selectorText(labels);
    const line = lineOf(index);
    for (const sample of samples) {
      if (!isSample(sample)) continue;
      if (records.length >= MAX_SAMPLES) {
        dropped++;
        continue;
      }
      const [ts, raw] = sample;
      const wallMs = Math.round(ts * 1000);
      const value = Number(raw);
      const f: Fields = { ...base, value: Number.isFinite(value) ? value : null };
      if (!Number.isFinite(value)) f.valueText = raw; // NaN, +Inf: JSON numbers cannot hold them
      const timeText = String(ts);
      const rec: DocumentRecord = {
        wallMs, offsetMin: 0, timeText, host, process, line, text: `${selector} ${raw} @${timeText}`,
        message: `${selector} = ${raw}`, fields: f,
      };
      records.push(rec);
      if (latestMs === null || wallMs > latestMs) {
        latestMs = wallMs;
        latestText = timeText;
      }
    }
  });
  if (dropped) warnings.push(`${dropped} sample(s) beyond the first ${MAX_SAMPLES} were dropped`);
  const out: DocumentResult = { records };
  // the query's last sample stands for the snapshot: the samples carry their own times anyway
  if (latestMs !== null) out.takenAt = { wallMs: latestMs, offsetMin: 0, text: latestText };
  if (warnings.length) out.warnings = warnings;
  return out;
}

function isSample(v: unknown): v is Sample {
  return Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && Number.isFinite(v[0]) && typeof v[1] === 'string';
}

function labelFields(labels: Record<string, unknown>): Fields {
  const f: Fields = { metric: typeof labels.__name__ === 'string' ? labels.__name__ : null };
  let n = 0;
  for (const [k, v] of Object.entries(labels)) {
    if (k === '__name__' || typeof v !== 'string') continue;
    if (++n > MAX_LABELS) break;
    // a label called "metric" or "value" must not hide the sample's own
    f[RESERVED.has(k) ? `label_${k}` : k] = v.length > MAX_LABEL_CHARS ? v.slice(0, MAX_LABEL_CHARS) : v;
  }
  return f;
}

function firstLabel(labels: Record<string, unknown>, names: readonly string[], stripPort: boolean): string | null {
  for (const n of names) {
    const v = labels[n];
    if (typeof v !== 'string' || v === '') continue;
    return stripPort ? withoutPort(v).slice(0, MAX_LABEL_CHARS) : v.slice(0, MAX_LABEL_CHARS);
  }
  return null;
}

/** "db-1:9100" → "db-1", "[::1]:9100" → "::1"; a bare IPv6 address is left whole. */
function withoutPort(instance: string): string {
  if (instance.charCodeAt(0) === 91 /* [ */) {
    const close = instance.indexOf(']');
    return close > 0 ? instance.slice(1, close) : instance;
  }
  const colon = instance.indexOf(':');
  if (colon < 0 || instance.indexOf(':', colon + 1) >= 0) return instance;
  return /^\d+$/.test(instance.slice(colon + 1)) ? instance.slice(0, colon) : instance;
}

function selectorText(labels: Record<string, unknown>): string {
  const name = typeof labels.__name__ === 'string' ? labels.__name__ : '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(labels)) {
    if (k === '__name__' || typeof v !== 'string') continue;
    if (parts.length >= MAX_LABELS) break;
    parts.push(`${k}=${JSON.stringify(v.slice(0, MAX_LABEL_CHARS))}`);
  }
  return `${name}{${parts.join(',')}}`;
}

/**
 * The 1-based line where each series' "metric" object starts: pretty-printed responses then
 * cite a useful line; one-line responses cite line 1.
 */
function seriesLines(text: string): (index: number) => number {
  const starts: number[] = [];
  const re = /"metric"\s*:\s*\{/g;
  let line = 1;
  let from = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = text.indexOf('\n', from); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    from = m.index;
    starts.push(line);
  }
  return (index) => starts[index] ?? 1;
}
