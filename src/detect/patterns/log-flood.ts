import { severityRank } from '../../events/severity.js';
import { evidenceOf, stream } from '../define.js';
import type { Finding } from '../finding.js';
import { perSecText, round2, shortTemplate, sourceName, stageRun } from './stage-run.js';
import type { SourceTemplate, SourceView, TemplateStage } from './template-stage.js';

/** A flood has at least this many lines in its run of busy buckets. */
const MIN_FLOOD_LINES = 1000;
/** Against its own baseline: at least this multiple... */
const MIN_RATIO = 10;
/** ...and at least this rate (lines/s) at the peak. */
const MIN_RELATIVE_PER_SEC = 20;
/** Without (or whatever) the baseline, one template of warnings/errors this fast is a flood... */
const ABSOLUTE_ERROR_PER_SEC = 1000;
/** ...and of any level this fast (a healthy busy access log stays well below it). */
const ABSOLUTE_ANY_PER_SEC = 20_000;
/** A baseline needs this much of the source's time outside the flood (multiple of its duration). */
const MIN_HISTORY_RATIO = 3;
/** Buckets of the flood run hold at least this share of the peak bucket. */
const RUN_SHARE = 0.25;
const MAX_FINDINGS = 20;
const WARN = severityRank('warn');

export interface Flood {
  t: SourceTemplate;
  peakPerSec: number;
  baselinePerSec: number | null;
  ratio: number | null;
  lines: number;
  startMs: number;
  endMs: number;
}

/**
 * The flood of one template in one source, if any: the busiest bucket, widened to the neighbouring
 * buckets holding at least a quarter of it; its baseline is the template's mean rate over the rest
 * of the source's time (known only when that rest is long enough to say).
 */
export function floodOf(v: SourceView, t: SourceTemplate, bucketMs: number): Flood | null {
  const { idx, cnt } = t.series;
  if (t.count < MIN_FLOOD_LINES || idx.length === 0) return null;
  let p = 0;
  for (let i = 1; i < cnt.length; i++) if (cnt[i]! > cnt[p]!) p = i;
  const floor = cnt[p]! * RUN_SHARE;
  let a = p;
  let b = p;
  while (a > 0 && idx[a - 1] === idx[a]! - 1 && cnt[a - 1]! >= floor) a--;
  while (b < idx.length - 1 && idx[b + 1] === idx[b]! + 1 && cnt[b + 1]! >= floor) b++;
  let lines = 0;
  for (let i = a; i <= b; i++) lines += cnt[i]!;
  if (lines < MIN_FLOOD_LINES) return null;
  // the peak's rate: over the bucket, or over the lines' own span when they are all in one bucket
  const firstMs = t.first.timeMs ?? 0;
  const lastMs = t.last.timeMs ?? 0;
  const spanMs = Math.max(lastMs - firstMs, 1);
  const peakPerSec = a === b && b - a + 1 === idx.length && spanMs < bucketMs ? (cnt[p]! * 1000) / Math.max(spanMs, 100) : (cnt[p]! * 1000) / bucketMs;
  const startMs = Math.max(idx[a]! * bucketMs, firstMs);
  const endMs = Math.min((idx[b]! + 1) * bucketMs, lastMs);
  const runMs = Math.max(endMs - startMs, 1);
  const g = v.source.gaps;
  const sourceMs = g.firstMs !== null && g.lastMs !== null ? g.lastMs - g.firstMs : 0;
  const restMs = sourceMs - runMs;
  let baselinePerSec: number | null = null;
  let ratio: number | null = null;
  if (restMs >= MIN_HISTORY_RATIO * runMs && restMs >= 60_000) {
    // at least one line a minute: a template seen for the first time has no rate of zero
    baselinePerSec = Math.max(((t.count - lines) * 1000) / restMs, 1 / 60);
    ratio = peakPerSec / baselinePerSec;
  }
  const relative = ratio !== null && ratio >= MIN_RATIO && peakPerSec >= MIN_RELATIVE_PER_SEC;
  const absolute = peakPerSec >= (t.maxSeverity >= WARN ? ABSOLUTE_ERROR_PER_SEC : ABSOLUTE_ANY_PER_SEC);
  if (!relative && !absolute) return null;
  return { t, peakPerSec, baselinePerSec, ratio, lines, startMs, endMs };
}

function analyse(stage: TemplateStage): Omit<Finding, 'id'>[] {
  const floods: { v: SourceView; f: Flood }[] = [];
  for (const v of stage.view()) {
    for (const t of v.templates) {
      if (t.count < MIN_FLOOD_LINES) break; // sorted by count
      const f = floodOf(v, t, stage.bucketMs);
      if (f) floods.push({ v, f });
    }
  }
  floods.sort((x, y) => y.f.peakPerSec - x.f.peakPerSec);
  return floods.slice(0, MAX_FINDINGS).map(({ v, f }) => {
    const s = v.source;
    const times = f.ratio === null ? '' : `, ${f.ratio >= 100 ? f.ratio.toFixed(0) : f.ratio.toFixed(1)}× its baseline`;
    return {
      category: 'log-flood', severity: f.peakPerSec >= ABSOLUTE_ANY_PER_SEC ? 'error' : 'warning', detector: 'pattern-log-flood',
      title: `${sourceName(s)}${s.host ? ` on ${s.host}` : ''} logged "${shortTemplate(f.t.template)}" ${perSecText(f.peakPerSec)} lines/s${times}`,
      timeMs: f.startMs, endMs: f.endMs, host: s.host, process: s.process, pid: s.pid,
      facts: {
        peakLinesPerSec: round2(f.peakPerSec), baselineLinesPerSec: f.baselinePerSec === null ? null : round2(f.baselinePerSec),
        ratio: f.ratio === null ? null : round2(f.ratio), lines: f.lines, durationMs: f.endMs - f.startMs,
        templateId: f.t.id, template: f.t.template.slice(0, 300), source: s.path,
      },
      evidence: [evidenceOf(f.t.peakFirst), evidenceOf(f.t.last)],
    };
  });
}

const line = (ms: number, text: string) => `2026-05-10T07:${String(Math.floor(ms / 60_000) % 60).padStart(2, '0')}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')} ${text}`;

/** n lines spread evenly over [fromMs, toMs). */
function spread(n: number, fromMs: number, toMs: number, text: (i: number) => string): string[] {
  return Array.from({ length: n }, (_, i) => line(fromMs + Math.floor(((toMs - fromMs) * i) / n), text(i)));
}

export const patternLogFlood = stream({
  name: 'pattern-log-flood',
  category: 'log-flood',
  software: 'any',
  description: 'One log template at an abnormal rate: far above its own baseline, or past an absolute rate (errors 1000/s, any 20000/s)',
  formats: '*',
  create: () => stageRun(analyse),
  samples: {
    hit: [
      // a quiet service, then one error template at 500 lines/s for 8 s
      { 'host-a/logs/app.log': [
        ...spread(120, 0, 600_000, (i) => `INFO  [main] worker - processed batch ${i} in ${10 + (i % 7)} ms`),
        ...spread(4000, 600_000, 608_000, (i) => `ERROR [pool-1] client - resolve orders/db from 10.0.0.7:${40000 + (i % 900)} failed: unknown cluster "prod" (request ${i})`),
      ].sort().join('\n') + '\n' },
    ],
    miss: [
      // a steady busy access log: 200 lines/s for 60 s, no change
      { 'host-a/logs/access.log': spread(12_000, 0, 60_000, (i) => `INFO  [http-nio-8080-exec-${i % 20}] access - GET /api/items/${i % 500} 200 ${100 + (i % 900)} bytes ${i % 40} ms`).join('\n') + '\n' },
    ],
  },
});
