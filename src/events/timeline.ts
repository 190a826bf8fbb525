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
  shape: string;
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

/** A message's shape: digit runs masked, so "task 7 stopped" and "task 8 stopped" fold together. */
function shapeOf(e: LogEvent): string {
  return `${e.severity ?? ''}|${e.message.replace(/\d+/g, '#')}`;
}

/**
 * Chooses what the merged timeline shows without keeping every event: per source its first and
 * last line, its state changes, and its warnings and above (the first and the last KEEP_PER_SOURCE of them, the rest
 * counted); a run of lines of one shape folds into its first line with a count. The kept entries are merged by time at the end.
 */
export class TimelineSelector {
  private readonly sources = new Map<string, SourceState>();

  accept(e: LogEvent): void {
    const key = e.path;
    let s = this.sources.get(key);
    if (!s) this.sources.set(key, (s = { first: e, last: null, head: [], tail: [], tailStart: 0, omitted: 0, previous: null }));
    else s.last = e;
    if (e === s.first || !(isAtLeast(e.severity, 'warn') || isStateChange(e.message))) return;
    const shape = shapeOf(e);
    if (s.previous && s.previous.shape === shape) {
      s.previous.repeats++;
      s.previous.lastEvent = e;
      return;
    }
    const kept: Kept = { event: e, shape, repeats: 0, lastEvent: null };
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
