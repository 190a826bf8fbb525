import type { LogEvent } from '../../events/event.js';
import { evidenceOf, stream } from '../define.js';
import type { Finding } from '../finding.js';

/** Verbs that end a unit of work, as services log them. */
const STOP_VERB = /\b(?:stop(?:ped|ping|s)?|delet(?:e|ed|es|ing)|remov(?:e|ed|es|ing)|cancel(?:l?ed|l?ing|s)?|kill(?:ed|ing|s)?|terminat(?:e|ed|es|ing)|shut(?:ting)? down|drop(?:ped|ping|s)?|unassign(?:ed|ing)?|evict(?:ed|ing)?)\b/i;
/** "stopping all tasks", "removing all workers": the decision that precedes the burst. */
const STOP_ALL = /\b(?:stop|delet|remov|cancel|kill|terminat|drop|unassign)\w* all\b/i;

/** At least this many units of one shape... */
const MIN_UNITS = 20;
/** ...each within this gap of the previous one. */
const MAX_GAP_MS = 10_000;
/** Shapes tracked per source, oldest dropped beyond it: memory stays bounded on any input. */
const MAX_SHAPES_PER_SOURCE = 256;

interface Run {
  first: LogEvent;
  last: LogEvent;
  count: number;
  lastMs: number | null;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** A word that is an id: hex digits with at least one decimal digit, "0x" allowed in front. */
function isIdWord(s: string, from: number, to: number): boolean {
  if (to - from > 2 && s.charCodeAt(from) === 48 && (s.charCodeAt(from + 1) | 32) === 120) from += 2;
  let digit = false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (!isHex(c)) return false;
    if (c <= 57) digit = true;
  }
  return digit;
}

/**
 * A unit's identifier varies line to line: masking digits and hex leaves the sentence shape. Each
 * word (a run of [A-Za-z0-9_]) that is an id becomes '#' (what /\b(?:0x)?[0-9a-f]*\d[0-9a-f]*\b/gi
 * replaces, without its backtracking); the message itself comes back when nothing is masked.
 */
export function shapeOf(message: string): string {
  let out = '';
  let copied = 0;
  const n = message.length;
  for (let i = 0; i < n; ) {
    if (!isWordChar(message.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < n && isWordChar(message.charCodeAt(end))) end++;
    if (isIdWord(message, i, end)) {
      out += message.slice(copied, i) + '#';
      copied = end;
    }
    i = end;
  }
  return copied === 0 ? message : out + message.slice(copied);
}

/**
 * Many units of work (tasks, jobs, consumers, things) stopped or deleted at once by one source: the
 * same sentence with a different id, at least MIN_UNITS times, close together. A service that stops
 * everything it runs because a dependency blinked shows exactly this.
 */
export const massTaskStop = stream({
  name: 'generic-mass-task-stop',
  category: 'mass-task-stop',
  software: 'any',
  description: 'A service stopped or deleted many units of work at once (one sentence, many ids, within seconds)',
  formats: '*',
  prefilter: ['stop', 'delet', 'remov', 'cancel', 'kill', 'terminat', 'shut', 'drop', 'unassign', 'evict'],
  create() {
    const sources = new Map<string, { runs: Map<string, Run>; stopAll: LogEvent | null }>();
    const out: Omit<Finding, 'id'>[] = [];
    const close = (run: Run, stopAll: LogEvent | null, shape: string) => {
      if (run.count < MIN_UNITS) return;
      const f = run.first;
      const durationMs = f.timeMs !== null && run.last.timeMs !== null ? run.last.timeMs - f.timeMs : null;
      const decided = stopAll && stopAll.timeMs !== null && f.timeMs !== null && f.timeMs - stopAll.timeMs <= MAX_GAP_MS && f.timeMs >= stopAll.timeMs;
      out.push({
        category: 'mass-task-stop', severity: 'error', detector: 'generic-mass-task-stop',
        title: `${run.count} units of work stopped within ${durationMs === null ? '?' : (durationMs / 1000).toFixed(0)} s: "${shape.slice(0, 80)}"`,
        timeMs: decided ? stopAll.timeMs : f.timeMs, endMs: run.last.timeMs, host: f.host, process: f.process, pid: f.pid,
        facts: { units: run.count, durationMs, shape: shape.slice(0, 200), decision: decided ? stopAll.message.slice(0, 200) : null },
        evidence: [...(decided ? [evidenceOf(stopAll)] : []), evidenceOf(f), evidenceOf(run.last)],
      });
    };
    return {
      accept(e: LogEvent) {
        const msg = e.message;
        if (!STOP_VERB.test(msg)) return;
        let s = sources.get(e.path);
        if (!s) sources.set(e.path, (s = { runs: new Map(), stopAll: null }));
        if (STOP_ALL.test(msg)) {
          s.stopAll = e;
          return;
        }
        const shape = shapeOf(msg);
        if (shape === msg) return; // no id: not a unit
        const run = s.runs.get(shape);
        if (run && (e.timeMs === null || run.lastMs === null || e.timeMs - run.lastMs <= MAX_GAP_MS)) {
          run.count++;
          run.last = e;
          if (e.timeMs !== null) run.lastMs = e.timeMs;
          return;
        }
        if (run) {
          close(run, s.stopAll, shape);
          s.runs.delete(shape);
        }
        if (s.runs.size >= MAX_SHAPES_PER_SOURCE) {
          const [oldestShape, oldest] = s.runs.entries().next().value as [string, Run];
          close(oldest, s.stopAll, oldestShape);
          s.runs.delete(oldestShape);
        }
        s.runs.set(shape, { first: e, last: e, count: 1, lastMs: e.timeMs });
      },
      finish() {
        for (const s of sources.values()) for (const [shape, run] of s.runs) close(run, s.stopAll, shape);
        sources.clear();
        return out;
      },
    };
  },
  samples: {
    hit: [{
      'worker-4/logs/scheduler.log': [
        '2026-01-12T03:00:00.100Z level=warn msg="lease lost, releasing all jobs"',
        ...Array.from({ length: 40 }, (_, i) => `2026-01-12T03:00:0${Math.floor(i / 10)}.${String(100 + i).slice(-3)}Z level=info msg="job j-${7000 + i} cancelled"`),
      ].join('\n') + '\n',
    }],
    miss: [{
      // a steady trickle of completed-and-removed jobs over hours is ordinary work
      'worker-4/logs/scheduler.log': Array.from({ length: 40 }, (_, i) =>
        `2026-01-12T${String(3 + Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}:00.000Z level=info msg="job j-${7000 + i} removed after completion"`).join('\n') + '\n',
    }, {
      // many stops, but of one thing with no id
      'worker-4/logs/scheduler.log': Array.from({ length: 40 }, () => '2026-01-12T03:00:00.000Z level=info msg="heartbeat stopped, retrying"').join('\n') + '\n',
    }],
  },
});
