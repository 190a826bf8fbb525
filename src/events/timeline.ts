import type { LogEvent } from './event.js';
import { isAtLeast } from './severity.js';
import { isStateChange } from './state-change.js';

/** Notable events kept per source: the first and the last this many. */
const KEEP_PER_SOURCE = 200;

export interface TimelineEntry {
  event: LogEvent;
  /** why it is in the timeline */
  reason: 'first' | 'last' | 'severity' | 'state-change';
  /** how many lines of the same shape followed it in its source, folded into this entry */
  repeats: number;
  /** the last folded line */
  lastEvent: LogEvent | null;
}

interface Kept {
  event: LogEvent;
  repeats: number;
  lastEvent: LogEvent | null;
}

interface SourceState {
  first: LogEvent | null;
  last: LogEvent | null;
  head: Kept[];
  tail: Kept[];
  tailStart: number;
  omitted: number;
  /** the entry most recently kept, which a following line of the same shape folds into */
  previous: Kept | null;
}

/**
 * Words (any case) of which a state change's message holds one: each wording isStateChange knows
 * contains one of them. The detectors' scan looks for them (DetectorRunner's watched words), so the
 * regex runs only on the few lines that have one.
 */
export const STATE_CHANGE_WORDS: readonly string[] = [
  'started', 'stopped', 'stopping', 'shutting down', 'shutdown complete', 'restarted', 'restarting', 'exited', 'killed',
  'terminated', 'state change', 'changed state', 'transition', 'looking', 'following', 'leading', 'observing',
  'elected leader', 'elected as leader', 'became leader', 'new leader', 'lost leadership', 'leader election',
  'connected to', 'disconnected from', 'reconnect',
];

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Whether two messages have one shape: equal once every digit run is read as '#', so "task 7
 * stopped" and "task 8 stopped" fold together. Compared in place: no masked copies per line.
 */
export function sameShape(a: string, b: string): boolean {
  const n = a.length;
  const m = b.length;
  let i = 0;
  let j = 0;
  for (;;) {
    if (i >= n || j >= m) return i >= n && j >= m;
    let ca = a.charCodeAt(i++);
    if (isDigit(ca)) {
      ca = 35;
      while (i < n && isDigit(a.charCodeAt(i))) i++;
    }
    let cb = b.charCodeAt(j++);
    if (isDigit(cb)) {
      cb = 35;
      while (j < m && isDigit(b.charCodeAt(j))) j++;
    }
    if (ca !== cb) return false;
  }
}

/**
 * Chooses what the merged timeline shows without keeping every event: per source its first and
 * last line, its state changes, and its warnings and above (the first and the last KEEP_PER_SOURCE of them, the rest
 * counted); a run of lines of one shape (same severity, same message but for digits) folds into its
 * first line with a count. The kept entries are merged by time at the end.
 */
export class TimelineSelector {
  private readonly sources = new Map<string, SourceState>();
  private lastPath = '';
  private lastSource: SourceState | null = null;

  /**
   * `mayChangeState`: false when the caller knows the message holds none of STATE_CHANGE_WORDS
   * (the detectors' scan saw none), which spares the state-change regex.
   */
  accept(e: LogEvent, mayChangeState = true): void {
    let s: SourceState | undefined;
    if (e.path === this.lastPath && this.lastSource !== null) {
      s = this.lastSource;
      s.last = e;
    } else {
      s = this.sources.get(e.path);
      if (!s) this.sources.set(e.path, (s = { first: e, last: null, head: [], tail: [], tailStart: 0, omitted: 0, previous: null }));
      else s.last = e;
      this.lastPath = e.path;
      this.lastSource = s;
    }
    if (e === s.first || !(isAtLeast(e.severity, 'warn') || (mayChangeState && isStateChange(e.message)))) return;
    const p = s.previous;
    if (p !== null && p.event.severity === e.severity && sameShape(p.event.message, e.message)) {
      p.repeats++;
      p.lastEvent = e;
      return;
    }
    const kept: Kept = { event: e, repeats: 0, lastEvent: null };
    s.previous = kept;
    if (s.head.length < KEEP_PER_SOURCE) {
      s.head.push(kept);
      return;
    }
    // ring of the newest KEEP_PER_SOURCE
    if (s.tail.length < KEEP_PER_SOURCE) s.tail.push(kept);
    else {
      s.omitted += 1 + s.tail[s.tailStart]!.repeats;
      s.tail[s.tailStart] = kept;
      s.tailStart = (s.tailStart + 1) % KEEP_PER_SOURCE;
    }
  }

  /** Entries in time order (events without a time stay after their predecessor in the same source). */
  entries(): { entries: TimelineEntry[]; omitted: number } {
    const out: { entry: TimelineEntry; key: number; seq: number }[] = [];
    let omitted = 0;
    let seq = 0;
    for (const s of this.sources.values()) {
      omitted += s.omitted;
      const tail = [...s.tail.slice(s.tailStart), ...s.tail.slice(0, s.tailStart)];
      const list: TimelineEntry[] = [];
      if (s.first) list.push({ event: s.first, reason: 'first', repeats: 0, lastEvent: null });
      for (const k of [...s.head, ...tail]) list.push({ event: k.event, reason: reasonOf(k.event), repeats: k.repeats, lastEvent: k.lastEvent });
      const end = list[list.length - 1];
      if (s.last && s.last !== end?.event && s.last !== end?.lastEvent) list.push({ event: s.last, reason: 'last', repeats: 0, lastEvent: null });
      let lastKey = -Infinity;
      for (const entry of list) {
        if (entry.event.timeMs !== null) lastKey = entry.event.timeMs;
        out.push({ entry, key: lastKey, seq: seq++ });
      }
    }
    out.sort((a, b) => a.key - b.key || a.seq - b.seq);
    return { entries: out.map((o) => o.entry), omitted };
  }
}

function reasonOf(e: LogEvent): TimelineEntry['reason'] {
  return isAtLeast(e.severity, 'warn') ? 'severity' : 'state-change';
}
