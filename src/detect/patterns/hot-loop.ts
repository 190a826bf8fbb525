import { evidenceOf, stream } from '../define.js';
import type { Finding } from '../finding.js';
import { perSecText, round2, shortTemplate, sourceName, stageRun } from './stage-run.js';
import type { TemplateStage } from './template-stage.js';

/** A spin writes at least this many lines of one template in a row (sustained)... */
const MIN_RUN_LINES = 10_000;
/** ...at this rate or more (lines/s over the run)... */
const MIN_PER_SEC = 2000;
/** ...identical: this share of them equal to the line before (a busy service carries new ids, paths, sizes)... */
const MIN_REPEAT_SHARE = 0.9;
/** ...and nothing else in between: other lines at most this share of the run (no progress). */
const MAX_OTHER_SHARE = 0.02;

/**
 * A process spinning: one template (the same line, only its time changing) written again and
 * again, fast and for long, with hardly another line in between. The stage keeps each source's
 * longest such run; a busy healthy service differs by what its lines carry (lengths vary with
 * paths, sizes, ids) and by the other lines it writes meanwhile.
 */
function analyse(stage: TemplateStage): Omit<Finding, 'id'>[] {
  const out: Omit<Finding, 'id'>[] = [];
  const snap = stage.snapshot();
  for (const { source: s } of stage.view()) {
    s.closeRun();
    const r = s.bestRun;
    if (r === null || r.count < MIN_RUN_LINES) continue;
    const t0 = r.first.timeMs;
    const t1 = r.last.timeMs;
    if (t0 === null || t1 === null) continue;
    const durationMs = t1 - t0;
    const perSec = (r.count * 1000) / Math.max(durationMs, 1);
    const repeatShare = r.repeats / (r.count - 1);
    const otherShare = r.others / (r.count + r.others);
    if (perSec < MIN_PER_SEC || repeatShare < MIN_REPEAT_SHARE || otherShare > MAX_OTHER_SHARE) continue;
    const template = snap.templateOf(r.handle);
    out.push({
      category: 'hot-loop', severity: 'error', detector: 'pattern-hot-loop',
      title: `${sourceName(s)}${s.host ? ` on ${s.host}` : ''} spins: "${shortTemplate(template)}" ${r.count} times in ${(durationMs / 1000).toFixed(1)} s (${perSecText(perSec)}/s), nothing else logged`,
      timeMs: t0, endMs: t1, host: s.host, process: s.process, pid: s.pid,
      facts: {
        lines: r.count, durationMs, linesPerSec: round2(perSec), repeatShare: round2(repeatShare), otherLines: r.others,
        templateId: snap.idOf(r.handle), template: template.slice(0, 300), source: s.path,
      },
      evidence: [evidenceOf(r.first), evidenceOf(r.last)],
    });
  }
  return out;
}

const at = (ms: number) => `2026-05-10T07:${String(Math.floor(ms / 60_000) % 60).padStart(2, '0')}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;

export const patternHotLoop = stream({
  name: 'pattern-hot-loop',
  category: 'hot-loop',
  software: 'any',
  description: 'A process writes one near-identical line again and again (identical, >= 10000 in a row, >= 2000/s) with nothing else in between: a spin',
  formats: '*',
  create: () => stageRun(analyse),
  samples: {
    hit: [
      // a watch loop reading a closed channel: the same warning 12000 times in 3 s
      { 'host-a/logs/announcer.log': [
        `${at(0)} INFO  [main] watcher - watching member /services/gw/members/a (version 0)`,
        ...Array.from({ length: 12_000 }, (_, i) => `${at(5000 + Math.floor(i / 4))} WARN  [main] watcher - unexpected zk event Unknown state=StateDisconnected for member /services/gw/members/a`),
      ].join('\n') + '\n' },
    ],
    miss: [
      // a busy access log: as fast, but every line its own path, size and time
      { 'host-a/logs/access.log': Array.from({ length: 12_000 }, (_, i) => `${at(Math.floor(i / 4))} INFO  [http-exec-${i % 16}] access - GET /api/items/${(i * 7919) % 100_003} 200 ${(i * 31) % 99_991} bytes ${i % 250} ms`).join('\n') + '\n' },
    ],
  },
});
