import type { LogEvent } from '../../events/event.js';
import type { StreamRun } from '../define.js';
import type { Finding } from '../finding.js';
import { type SourceStats, stageOf, type TemplateStage } from './template-stage.js';

/**
 * A stream detector's run over the templates stage: it only notes the stage (from the first log
 * event, then it asks for no more events) and reads the stage's counts when the input ends.
 */
export function stageRun(analyse: (stage: TemplateStage) => Omit<Finding, 'id'>[]): StreamRun {
  let stage: TemplateStage | null = null;
  return {
    accept(e: LogEvent) {
      if (stage === null) stage = stageOf(e);
      return stage !== null;
    },
    finish() {
      return stage === null ? [] : analyse(stage);
    },
  };
}

/** How a source is named in titles: its process, else its file. */
export function sourceName(s: SourceStats): string {
  if (s.process) return s.process;
  const slash = s.path.lastIndexOf('/');
  const file = slash >= 0 ? s.path.slice(slash + 1) : s.path;
  return file.replace(/\.(?:log|out|txt)$/, '');
}

/** A rate for titles: 4229, 12.3k, 1.2M. */
export function perSecText(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return n >= 10 ? n.toFixed(0) : n.toFixed(1);
}

/** A template cut for a title. */
export function shortTemplate(t: string, max = 80): string {
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

export const round2 = (x: number): number => Math.round(x * 100) / 100;
