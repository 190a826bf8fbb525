import { severityRank } from '../../events/severity.js';
import type { Category } from '../category.js';
import { evidenceOf, type StreamDetector, stream } from '../define.js';
import type { Finding } from '../finding.js';
import { BucketSeries } from './bucket-series.js';
import { bestRise } from './change-point.js';
import { round2, shortTemplate, sourceName, stageRun } from './stage-run.js';
import type { SourceTemplate, SourceView, TemplateStage } from './template-stage.js';

/**
 * Wordings that tell which kind of trouble an error line is about, whatever software wrote it.
 * A new or rising error template is reported under the category its words name; error templates
 * naming none are not reported (the contract has no category for "some new error", and log-flood
 * is kept for floods). These findings support others, so they stay 'info'/'warning'. A template
 * takes the first wording it matches ("no route to host ... socket timeout" is about the route), so
 * the list goes from specific to general.
 */
const WORDINGS: readonly { category: Category; re: RegExp; sample: string; miss: string }[] = [
  { category: 'connection-refused', re: /connection refused|ECONNREFUSED/i, sample: 'dial tcp 10.0.0.7:5432: connect: connection refused', miss: 'dial tcp 10.0.0.7:5432: connected' },
  { category: 'connection-reset', re: /connection reset|ECONNRESET|broken pipe/i, sample: 'read tcp 10.0.0.5:41234->10.0.0.7:6379: read: connection reset by peer', miss: 'read tcp 10.0.0.5:41234->10.0.0.7:6379: read 512 bytes' },
  { category: 'network-partition', re: /no route to host|network is unreachable|EHOSTUNREACH|ENETUNREACH/i, sample: 'dial tcp 10.0.3.9:2181: connect: no route to host', miss: 'dial tcp 10.0.3.9:2181: route ok' },
  { category: 'fd-exhaustion', re: /too many open files|EMFILE|ENFILE/i, sample: 'accept tcp [::]:8080: accept4: too many open files', miss: 'accept tcp [::]:8080: open files 312' },
  { category: 'disk-full', re: /no space left|ENOSPC|disk (?:is )?full/i, sample: 'write /var/lib/app/queue/seg-000812: no space left on device', miss: 'write /var/lib/app/queue/seg-000812: 4096 bytes left in segment' },
  { category: 'memory-pressure', re: /out of memory|cannot allocate memory|ENOMEM|OutOfMemory/i, sample: 'fork worker: cannot allocate memory', miss: 'fork worker: allocated memory pool' },
  { category: 'config-error', re: /\bunknown (?:cluster|host|key|option|setting|parameter|property|database|topic)\b|\binvalid (?:configuration|config|setting|option)\b|\bmissing (?:key|setting|config\w*|option)\b|\bnot configured\b/i, sample: 'resolve billing failed: unknown cluster "prod-eats"', miss: 'resolve billing: cluster "prod-east" ok' },
  { category: 'timeout', re: /\btimed? ?out\b|\btimeout\b|deadline exceeded/i, sample: 'call to inventory-svc timed out after 5000 ms', miss: 'call to inventory-svc took 12 ms' },
];

const WARN = severityRank('warn');
const ERROR = severityRank('error');
/** A template is new when its source had logged this long (ms)... */
const MIN_HISTORY_MS = 60_000;
/** ...and this many lines before it first appeared. */
const MIN_PRIOR_LINES = 20;
/** Rate series: buckets of at least this width (ms)... */
const MIN_BIN_MS = 10_000;
/** ...at most this many of them (wider when the time is longer)... */
const MAX_BINS = 720;
/** ...and at least this many on each side of a change. */
const MIN_SEGMENT = 3;
/** A rise: the later mean at least this multiple of the earlier (earlier floored at one line per bucket/10)... */
const MIN_RISE_RATIO = 5;
/** ...with at least this many lines after the change... */
const MIN_LINES_AFTER = 20;
/** ...and most later buckets above the midpoint (a level that stays up, not one spike). */
const MIN_SUSTAINED = 0.5;
const MAX_FINDINGS = 10;

interface Group {
  host: string | null;
  process: string | null;
  name: string;
  pid: number | null;
  views: SourceView[];
}

/** The category an error template's words name, or null. */
export function categoryOfWords(template: string): Category | null {
  for (const w of WORDINGS) if (w.re.test(template)) return w.category;
  return null;
}

/** Each template's category, worked out once per stage for all the pattern-errors detectors. */
const categoriesByStage = new WeakMap<TemplateStage, Map<string, Category | null>>();

function categoryIn(stage: TemplateStage, template: string): Category | null {
  let known = categoriesByStage.get(stage);
  if (!known) categoriesByStage.set(stage, (known = new Map()));
  let c = known.get(template);
  if (c === undefined) known.set(template, (c = categoryOfWords(template)));
  return c;
}

function analyse(stage: TemplateStage, category: Category, detector: string): Omit<Finding, 'id'>[] {
  const groups = new Map<string, Group>();
  for (const v of stage.view()) {
    const s = v.source;
    const name = sourceName(s);
    const key = `${s.host ?? ''}\u0000${name}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { host: s.host, process: s.process, name, pid: s.pid, views: [] }));
    g.views.push(v);
  }
  const out: (Omit<Finding, 'id'> & { weight: number })[] = [];
  for (const g of groups.values()) {
    const picked: { v: SourceView; t: SourceTemplate }[] = [];
    for (const v of g.views) for (const t of v.templates) if (t.maxSeverity >= WARN && categoryIn(stage, t.template) === category) picked.push({ v, t });
    if (picked.length === 0) continue;
    const where = `${g.name}${g.host ? ` on ${g.host}` : ''}`;
    const rise = riseOf(g, picked, stage.bucketMs);
    if (rise) {
      out.push({
        category, severity: 'warning', detector, weight: rise.lines,
        title: `${where}: "${shortTemplate(rise.t.template, 70)}" and the like rose from ${rateText(rise.beforePerMin)} to ${rateText(rise.afterPerMin)}`,
        timeMs: rise.atMs, endMs: rise.endMs, host: g.host, process: g.process, pid: g.pid,
        facts: {
          signal: 'error-rate-rise', beforePerMin: round2(rise.beforePerMin), afterPerMin: round2(rise.afterPerMin),
          linesAfter: rise.lines, templateId: rise.t.id, template: rise.t.template.slice(0, 300), newTemplate: isNew(rise.v, rise.t, stage.bucketMs),
        },
        evidence: [evidenceOf(rise.t.first), evidenceOf(rise.t.last)],
      });
    }
    for (const { v, t } of picked) {
      if (rise && t === rise.t) continue;
      if (!isNew(v, t, stage.bucketMs)) continue;
      const priorLines = v.source.total.sumBetween(-Infinity, Math.floor(t.first.timeMs! / stage.bucketMs) - 1);
      out.push({
        category, severity: 'info', detector, weight: t.count,
        title: `${where}: new ${t.maxSeverity >= ERROR ? 'error' : 'warning'} "${shortTemplate(t.template, 90)}" (${t.count} lines), not seen in its ${priorLines} lines before`,
        timeMs: t.first.timeMs, endMs: t.last.timeMs, host: g.host, process: g.process, pid: g.pid,
        facts: { signal: 'new-template', lines: t.count, priorLines, templateId: t.id, template: t.template.slice(0, 300), source: v.source.path },
        evidence: [evidenceOf(t.first), evidenceOf(t.last)],
      });
    }
  }
  out.sort((a, b) => b.weight - a.weight || (a.timeMs ?? 0) - (b.timeMs ?? 0));
  return out.slice(0, MAX_FINDINGS).map(({ weight: _w, ...f }) => f);
}

/** First seen after its source had logged a while: compared with the same source before it. */
function isNew(v: SourceView, t: SourceTemplate, bucketMs: number): boolean {
  const first = t.first.timeMs;
  const start = v.source.gaps.firstMs;
  if (first === null || start === null || first - start < MIN_HISTORY_MS) return false;
  return v.source.total.sumBetween(-Infinity, Math.floor(first / bucketMs) - 1) >= MIN_PRIOR_LINES;
}

/** The change point of these error lines over the host/process's whole time (bestRise). */
function riseOf(g: Group, picked: readonly { v: SourceView; t: SourceTemplate }[], bucketMs: number) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of g.views) {
    const idx = v.source.total.idx;
    if (idx.length === 0) continue;
    lo = Math.min(lo, idx[0]!);
    hi = Math.max(hi, idx[idx.length - 1]!);
  }
  if (lo > hi) return null;
  const perBin = Math.max(Math.ceil(MIN_BIN_MS / bucketMs), Math.ceil((hi - lo + 1) / MAX_BINS));
  const n = Math.floor((hi - lo) / perBin) + 1;
  const counts = new Array<number>(n).fill(0);
  const errors = new BucketSeries();
  for (const { t } of picked) errors.addAll(t.series);
  for (let i = 0; i < errors.idx.length; i++) counts[Math.floor((errors.idx[i]! - lo) / perBin)]! += errors.cnt[i]!;
  const r = bestRise(counts, MIN_SEGMENT);
  if (r === null || r.afterSum < MIN_LINES_AFTER || r.sustained < MIN_SUSTAINED) return null;
  if (r.afterMean < MIN_RISE_RATIO * Math.max(r.beforeMean, 0.1)) return null;
  const binMs = perBin * bucketMs;
  const atMs = (lo + r.at * perBin) * bucketMs;
  // the template with most lines after the change names the rise
  const fromB = lo + r.at * perBin;
  let best = picked[0]!;
  let bestN = -1;
  for (const p of picked) {
    const c = p.t.series.sumBetween(fromB, Infinity);
    if (c > bestN) {
      best = p;
      bestN = c;
    }
  }
  return { ...best, atMs, endMs: (hi + 1) * bucketMs, lines: r.afterSum, beforePerMin: (r.beforeMean * 60_000) / binMs, afterPerMin: (r.afterMean * 60_000) / binMs };
}

const rateText = (perMin: number) => (perMin >= 600 ? `${(perMin / 60).toFixed(0)}/s` : `${perMin.toFixed(1)}/min`);

const at = (ms: number) => new Date(Date.UTC(2026, 4, 10, 7, 0, 0) + ms).toISOString().replace('Z', '');

/** A healthy service for 5 min (a line every 2 s), then (for hits) the error every 2 s for 2 min. */
function sampleLog(errorText: string | null): string {
  const ls: string[] = [];
  for (let i = 0; i < 150; i++) ls.push(`${at(i * 2000)} INFO  [main] worker - processed batch ${i} in ${10 + (i % 7)} ms`);
  if (errorText) for (let i = 0; i < 60; i++) ls.push(`${at(300_000 + i * 2000 + 1)} ERROR [main] worker - ${errorText}`);
  return ls.sort().join('\n') + '\n';
}

/** One detector per category the wordings name: `pattern-errors-<category>`. */
export const errorPatternDetectors: readonly StreamDetector[] = WORDINGS.map(({ category, sample, miss }) => {
  const name = `pattern-errors-${category}`;
  return stream({
    name,
    category,
    software: 'any',
    description: `Warnings/errors about ${category.replace(/-/g, ' ')} (by their words) that are new to their source, or whose rate rose at a change point, per host/process`,
    formats: '*',
    create: () => stageRun((stage) => analyse(stage, category, name)),
    samples: {
      hit: [{ 'host-a/logs/app.log': sampleLog(sample) }],
      miss: [
        { 'host-a/logs/app.log': sampleLog(miss) },
        // the same error all along is neither new nor rising
        { 'host-a/logs/app.log': Array.from({ length: 200 }, (_, i) => `${at(i * 2000)} ${i % 2 ? 'INFO  [main] worker - processed batch' : `ERROR [main] worker - ${sample}`}`).join('\n') + '\n' },
      ],
    },
  });
});
