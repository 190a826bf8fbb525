import type { LogEvent } from './event.js';
import { isAtLeast } from './severity.js';

/** Notable events kept per source: the first and the last this many. */
const KEEP_PER_SOURCE = 200;

export interface TimelineEntry {
  event: LogEvent;
  /** why it is in the timeline */
  reason: 'first' | 'last' | 'severity';
}

interface SourceState {
  first: LogEvent | null;
  last: LogEvent | null;
  head: LogEvent[];
  tail: LogEvent[];
  tailStart: number;
  omitted: number;
}

/**
 * Chooses what the merged timeline shows without keeping every event: per source its first and
 * last line and its warnings and above (the first and the last KEEP_PER_SOURCE of them, the rest
 * counted). The kept entries are merged by time at the end.
 */
export class TimelineSelector {
  private readonly sources = new Map<string, SourceState>();

  accept(e: LogEvent): void {
    const key = e.path;
    let s = this.sources.get(key);
    if (!s) this.sources.set(key, (s = { first: e, last: null, head: [], tail: [], tailStart: 0, omitted: 0 }));
    else s.last = e;
    if (!isAtLeast(e.severity, 'warn') || e === s.first) return;
    if (s.head.length < KEEP_PER_SOURCE) {
      s.head.push(e);
      return;
    }
    // ring of the newest KEEP_PER_SOURCE
    if (s.tail.length < KEEP_PER_SOURCE) s.tail.push(e);
    else {
      s.tail[s.tailStart] = e;
      s.tailStart = (s.tailStart + 1) % KEEP_PER_SOURCE;
      s.omitted++;
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
      if (s.first) list.push({ event: s.first, reason: 'first' });
      for (const e of s.head) list.push({ event: e, reason: 'severity' });
      for (const e of tail) list.push({ event: e, reason: 'severity' });
      if (s.last && s.last !== list[list.length - 1]?.event) list.push({ event: s.last, reason: 'last' });
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
