import { evidenceOf, stream } from '../define.js';
import type { Finding } from '../finding.js';
import type { Gap } from './gap-stats.js';
import { sourceName, stageRun } from './stage-run.js';
import type { TemplateStage } from './template-stage.js';

/** A source is regular when it wrote at least this many lines... */
const MIN_LINES = 30;
/**
 * ...and gaps at most this long (ms) cover 90 % of its time (the silence judged left out). Slow or
 * bursty sources are not judged.
 */
const MAX_USUAL_GAP_MS = 5000;
/** A stall is a silence of at least this long (ms)... */
const MIN_STALL_MS = 10_000;
/** ...and this many times the usual gap... */
const MIN_STALL_RATIO = 10;
/** ...seen at most this many times (a silence that keeps coming back is the source's rhythm)... */
const MAX_SIMILAR_GAPS = 3;
/**
 * ...in a source that was active (its time minus all its long silences) at least as long as this
 * silence: a batch job that runs for minutes and idles for hours is not stalled.
 */

/**
 * A source that logs regularly goes silent far beyond its usual spacing: its longest gap between
 * two lines, or from its last line to the end of all the inputs (it never came back). The usual
 * spacing is the gap length that covers 90 % of its time (octave histogram, O(1) memory per source).
 */
function analyse(stage: TemplateStage): Omit<Finding, 'id'>[] {
  const out: Omit<Finding, 'id'>[] = [];
  const endMs = stage.maxMs;
  for (const { source: s } of stage.view()) {
    const g = s.gaps;
    if (g.gaps + 1 < MIN_LINES || g.firstMs === null || g.lastMs === null || g.last === null) continue;
    const trailingMs = endMs === null ? 0 : endMs - g.lastMs;
    const inner: Gap | null = g.longest;
    const comesBack = inner !== null && inner.gapMs >= trailingMs;
    const gapMs = comesBack ? inner.gapMs : trailingMs;
    const usualGapMs = g.timeQuantileMs(0.9, comesBack ? gapMs : 0);
    if (usualGapMs > MAX_USUAL_GAP_MS) continue;
    const threshold = Math.max(MIN_STALL_MS, MIN_STALL_RATIO * Math.max(usualGapMs, 1));
    if (gapMs < threshold) continue;
    const similar = g.countAtLeast(Math.floor(gapMs / 2)) + (comesBack ? 0 : 1);
    if (similar > MAX_SIMILAR_GAPS) continue;
    const activeMs = g.lastMs - g.firstMs - g.sumAtLeast(threshold);
    if (activeMs < gapMs) continue;
    const before = comesBack ? inner.before : g.last;
    const startMs = before.timeMs!;
    out.push({
      category: 'process-stall', severity: 'warning', detector: 'pattern-process-stall',
      title: `${sourceName(s)}${s.host ? ` on ${s.host}` : ''} wrote nothing for ${(gapMs / 1000).toFixed(1)} s${comesBack ? '' : ' (not again before the inputs end)'}; it usually logs every ${usualGapMs < 1000 ? `${usualGapMs} ms` : `${(usualGapMs / 1000).toFixed(1)} s`}`,
      timeMs: startMs, endMs: startMs + gapMs, host: s.host, process: s.process, pid: s.pid,
      facts: { gapMs, usualGapMs, comesBack, lines: s.events, source: s.path },
      evidence: comesBack ? [evidenceOf(inner.before), evidenceOf(inner.after)] : [evidenceOf(g.last)],
    });
  }
  return out;
}

const at = (ms: number) => `2026-05-10 07:${String(Math.floor(ms / 60_000) % 60).padStart(2, '0')}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')},${String(ms % 1000).padStart(3, '0')}`;
const beat = (ms: number, i: number) => `${at(ms)} [myid:2] - INFO  [SyncThread:2:FileTxnLog@284] - Creating new log file: log.${(0x100 + i).toString(16)}`;

export const patternProcessStall = stream({
  name: 'pattern-process-stall',
  category: 'process-stall',
  software: 'any',
  description: 'A source that logs regularly goes silent for far longer than its usual spacing (>= 10 s and 10x), and comes back or never does',
  formats: '*',
  create: () => stageRun(analyse),
  samples: {
    hit: [
      // a line every 500 ms for 2 min, then 25 s of silence, then on again
      { 'host-a/logs/zookeeper.log': [
        ...Array.from({ length: 240 }, (_, i) => beat(i * 500, i)),
        ...Array.from({ length: 60 }, (_, i) => beat(145_000 + i * 500, 240 + i)),
      ].join('\n') + '\n' },
    ],
    miss: [
      // a nightly batch job: a burst every night at 02:00, silent all day in between
      { 'host-a/logs/batch.log': [0, 1, 2].flatMap((day) => Array.from({ length: 50 }, (_, i) => {
        const ms = i * 200;
        return `2026-05-1${day} 02:00:${String(Math.floor(ms / 1000)).padStart(2, '0')},${String(ms % 1000).padStart(3, '0')} INFO  [main] export - exported chunk ${i} of 50`;
      })).join('\n') + '\n' },
    ],
  },
});
