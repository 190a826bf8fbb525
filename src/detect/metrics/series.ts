import type { LogEvent } from '../../events/event.js';
import { evidenceOf } from '../define.js';
import type { Evidence } from '../finding.js';

/** Points kept per series: beyond it every other point is dropped (the shape stays, memory is bounded). */
const MAX_POINTS = 1024;
/** Series kept per detector run: with MAX_POINTS, at most ~64 MiB of samples. */
const MAX_SERIES = 4000;

export interface Series {
  metric: string;
  host: string | null;
  process: string | null;
  pid: number | null;
  /** labels other than host/process/pid, as "k=v,k=v" */
  labels: Record<string, string>;
  t: number[];
  v: number[];
  first: Evidence;
  last: Evidence;
  stride: number;
  seen: number;
}

/** Labels that name the series' subject rather than telling series apart. */
const SUBJECT_LABELS = new Set(['metric', 'value', 'valueText', 'timeSource']);

/** Collects prometheus-matrix samples into series, keyed by metric and labels. */
export class SeriesStore {
  readonly series = new Map<string, Series>();

  constructor(private readonly wanted: (metric: string) => boolean) {}

  accept(e: LogEvent): Series | undefined {
    const f = e.fields;
    if (!f || typeof f.metric !== 'string' || typeof f.value !== 'number' || e.timeMs === null) return undefined;
    if (!this.wanted(f.metric)) return undefined;
    const labels: Record<string, string> = {};
    let key = `${f.metric}\u0000${e.host ?? ''}\u0000${e.process ?? ''}`;
    for (const [k, v] of Object.entries(f)) {
      if (SUBJECT_LABELS.has(k) || typeof v !== 'string') continue;
      labels[k] = v;
      key += `\u0000${k}=${v}`;
    }
    let s = this.series.get(key);
    if (!s) {
      if (this.series.size >= MAX_SERIES) return undefined;
      const pidLabel = typeof f.pid === 'string' && /^\d+$/.test(f.pid) ? Number(f.pid) : null;
      const ev = evidenceOf(e);
      s = { metric: f.metric, host: e.host, process: e.process, pid: e.pid ?? pidLabel, labels, t: [], v: [], first: ev, last: ev, stride: 1, seen: 0 };
      this.series.set(key, s);
    }
    s.seen++;
    if (s.seen % s.stride !== 0) return s;
    s.t.push(e.timeMs);
    s.v.push(f.value);
    s.last = evidenceOf(e);
    if (s.t.length >= MAX_POINTS) {
      s.t = s.t.filter((_, i) => i % 2 === 0);
      s.v = s.v.filter((_, i) => i % 2 === 0);
      s.stride *= 2;
    }
    return s;
  }
}

/** Samples of one series in time order (files may list them in any order). */
export function sorted(s: Series): { t: number[]; v: number[] } {
  const idx = s.t.map((_, i) => i).sort((a, b) => s.t[a]! - s.t[b]!);
  return { t: idx.map((i) => s.t[i]!), v: idx.map((i) => s.v[i]!) };
}

export interface Fit {
  /** units per second */
  slopePerSec: number;
  intercept: number;
  r2: number;
}

/** Ordinary least squares of v on t (seconds from the first point). */
export function linearFit(t: readonly number[], v: readonly number[]): Fit | null {
  const n = t.length;
  if (n < 2) return null;
  const t0 = t[0]!;
  let st = 0, sv = 0;
  for (let i = 0; i < n; i++) {
    st += (t[i]! - t0) / 1000;
    sv += v[i]!;
  }
  const mt = st / n, mv = sv / n;
  let stt = 0, stv = 0, svv = 0;
  for (let i = 0; i < n; i++) {
    const dt = (t[i]! - t0) / 1000 - mt, dv = v[i]! - mv;
    stt += dt * dt;
    stv += dt * dv;
    svv += dv * dv;
  }
  if (stt === 0) return null;
  const slopePerSec = stv / stt;
  // a flat series explains nothing and fits nothing
  const r2 = svv === 0 ? 0 : (stv * stv) / (stt * svv);
  return { slopePerSec, intercept: mv - slopePerSec * mt, r2 };
}

/** Largest fall from a running maximum: a GC'd heap or a restarted counter saw-tooths. */
export function maxDrawdown(v: readonly number[]): number {
  let peak = -Infinity, worst = 0;
  for (const x of v) {
    if (x > peak) peak = x;
    else if (peak - x > worst) worst = peak - x;
  }
  return worst;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Series of one subject (host and pid, else host and process). */
export function subjectKey(s: Pick<Series, 'host' | 'process' | 'pid'>): string {
  return `${s.host ?? ''}\u0000${s.pid ?? s.process ?? ''}`;
}

export function formatDuration(sec: number): string {
  if (sec < 120) return `${Math.round(sec)} s`;
  if (sec < 7200) return `${Math.round(sec / 60)} min`;
  if (sec < 172_800) return `${(sec / 3600).toFixed(1)} h`;
  return `${(sec / 86400).toFixed(1)} d`;
}
