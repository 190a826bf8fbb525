import type { LogEvent } from '../events/event.js';
import { LiteralMatcher } from '../lib/aho-corasick.js';
import { evidenceOf, type DetectorDef, type Hit, type SignatureDetector, type StreamRun } from './define.js';
import type { Evidence, Finding } from './finding.js';

/** Evidence lines kept per finding: the first ones and the last one of a run of hits. */
const MAX_EVIDENCE = 5;
const DEFAULT_MERGE_GAP_MS = 60_000;
/** The same fact reported by two sources (dmesg and journalctl) within this time is one finding. */
const SAME_FACT_WINDOW_MS = 5_000;

interface OpenGroup {
  finding: Omit<Finding, 'id'>;
  lastMs: number | null;
  lastEvidence: Evidence | null;
  count: number;
  key: string;
  paths: Set<string>;
}

/** Characters of a message scanned for detector words: the trigger words of real signatures come early. */
const GATE_SCAN_CHARS = 8192;

/** Hint groups of one detector, or watched groups of the caller, at most this many (bits of a mask). */
const MAX_GROUPS = 31;

interface Entry {
  def: DetectorDef;
  /** set for stream detectors */
  run: StreamRun | null;
  /** detectors with words run only when the scan found one; the others see every event */
  gated: boolean;
  /** the hint mask for this event (bits of its hint groups seen) */
  hints: number;
  /** all of its hint bits: what an event too long to be scanned whole gets */
  allHints: number;
  /** bits of hint groups the scan cannot see (non-ASCII words): always set */
  fixedHints: number;
  /** a stream that said it needs no more events */
  retired: boolean;
}

/** What a word found by the scan means: run detector `index`, or set `bit` in its hints or in the watched mask. */
interface Slot {
  kind: 'gate' | 'hint' | 'watch';
  index: number;
  bit: number;
}

/** Per format: the ungated detectors that read it, and whether each detector reads it. */
interface Plan {
  always: number[];
  reads: Uint8Array;
}

/**
 * Runs every detector over the event stream. One Aho-Corasick scan of each message (and of its
 * joined continuation lines) over all the detectors' words (signature prefilters, stream prefilters
 * and hints) and the caller's watched words tells which detectors to run, so a line that mentions
 * none of them costs one pass over its characters. Detectors whose words are not ASCII are not gated.
 */
export class DetectorRunner {
  private readonly entries: Entry[];
  private readonly matcher: LiteralMatcher | null;
  /** pattern id → slots */
  private readonly owners: number[][] = [];
  private readonly slots: Slot[] = [];
  private readonly seen: Uint8Array;
  private readonly seenList: number[] = [];
  /** detectors to run for this event (gated ones whose words were seen) */
  private readonly runList: number[] = [];
  private readonly byFormat = new Map<string, Plan>();
  private lastFormat = '';
  private lastPlan: Plan | null = null;
  private watchedMask = 0;
  /** entries whose hint mask was set by this event's scan */
  private readonly hintedList: number[] = [];
  /** streams that asked for no more events during this one */
  private readonly retiring: number[] = [];
  /** this event's message was too long to scan whole */
  private overlong = false;
  private readonly allWatched: number;
  private readonly open = new Map<string, OpenGroup>();
  private readonly closed: Omit<Finding, 'id'>[] = [];

  /**
   * `watch`: groups of words (ASCII, any case) other stages want to know about; after `accept(e)`,
   * `watched(k)` says whether e may hold a word of group k (true also for a message too long to scan whole).
   */
  constructor(detectors: readonly DetectorDef[], watch: readonly (readonly string[])[] = []) {
    if (watch.length > MAX_GROUPS) throw new Error(`DetectorRunner: at most ${MAX_GROUPS} watched groups`);
    this.entries = detectors.map((d) => {
      const hints = d.kind === 'stream' ? d.hints ?? [] : [];
      if (hints.length > MAX_GROUPS) throw new Error(`detector \`${d.name}\`: at most ${MAX_GROUPS} hint groups`);
      return { def: d, run: d.kind === 'stream' ? d.create() : null, gated: wordsOf(d).length > 0, hints: 0, allHints: (2 ** hints.length - 1) | 0, fixedHints: 0, retired: false };
    });
    this.allWatched = (2 ** watch.length - 1) | 0;
    const ids = new Map<string, number>();
    const patterns: string[] = [];
    const own = (w: string, slot: number) => {
      const key = w.toLowerCase();
      let id = ids.get(key);
      if (id === undefined) {
        id = patterns.length;
        ids.set(key, id);
        patterns.push(w);
        this.owners.push([]);
      }
      if (!this.owners[id]!.includes(slot)) this.owners[id]!.push(slot);
    };
    this.entries.forEach((en, index) => {
      const words = wordsOf(en.def);
      if (words.length) {
        const slot = this.slots.push({ kind: 'gate', index, bit: 0 }) - 1;
        for (const w of words) own(w, slot);
      }
      const hints = en.def.kind === 'stream' ? en.def.hints ?? [] : [];
      hints.forEach((group, k) => {
        if (!group.every(isAsciiWord)) {
          // a word the scan cannot see: the bit is always set
          en.fixedHints |= 1 << k;
          return;
        }
        const slot = this.slots.push({ kind: 'hint', index, bit: 1 << k }) - 1;
        for (const w of group) own(w, slot);
      });
    });
    watch.forEach((group, k) => {
      if (!group.every(isAsciiWord)) throw new Error('DetectorRunner: watched words must be ASCII');
      const slot = this.slots.push({ kind: 'watch', index: -1, bit: 1 << k }) - 1;
      for (const w of group) own(w, slot);
    });
    this.matcher = patterns.length ? new LiteralMatcher(patterns) : null;
    this.seen = new Uint8Array(this.slots.length);
  }

  accept(e: LogEvent): void {
    const plan = e.format === this.lastFormat && this.lastPlan !== null ? this.lastPlan : this.planFor(e.format);
    this.watchedMask = 0;
    const entries = this.entries;
    if (this.matcher !== null) {
      const msg = e.message;
      this.matcher.scan(msg, this.mark, GATE_SCAN_CHARS);
      // joined continuation lines (a Java exception under its log line) carry the decisive words too
      const text = e.text;
      const nl = text.indexOf('\n');
      if (nl >= 0) this.matcher.scan(text, this.mark, GATE_SCAN_CHARS, nl + 1);
      const seenList = this.seenList;
      for (let j = 0; j < seenList.length; j++) {
        const slotIndex = seenList[j]!;
        this.seen[slotIndex] = 0;
        const slot = this.slots[slotIndex]!;
        if (slot.kind === 'gate') {
          if (plan.reads[slot.index] === 1) this.runList.push(slot.index);
        } else if (slot.kind === 'hint') {
          const en = entries[slot.index]!;
          if (en.hints === 0) this.hintedList.push(slot.index);
          en.hints |= slot.bit;
        } else this.watchedMask |= slot.bit;
      }
      if (seenList.length > 0) seenList.length = 0;
    }
    // too long to scan whole: any hint or watched word may be further on
    this.overlong = e.message.length > GATE_SCAN_CHARS;
    if (this.overlong) this.watchedMask = this.allWatched;
    const always = plan.always;
    for (let j = 0; j < always.length; j++) if (this.runOne(entries[always[j]!]!, e)) this.retiring.push(always[j]!);
    const runList = this.runList;
    if (runList.length > 0) {
      // run in registry order, so findings do not depend on which word was seen first
      if (runList.length > 1) runList.sort((a, b) => a - b);
      for (let j = 0; j < runList.length; j++) if (this.runOne(entries[runList[j]!]!, e)) this.retiring.push(runList[j]!);
      runList.length = 0;
    }
    // after the loops: retiring changes the lists they walk
    if (this.retiring.length > 0) {
      for (const i of this.retiring) this.retire(i);
      this.retiring.length = 0;
    }
    const hinted = this.hintedList;
    if (hinted.length > 0) {
      for (let j = 0; j < hinted.length; j++) entries[hinted[j]!]!.hints = 0;
      hinted.length = 0;
    }
  }

  /** After `accept(e)`: whether e may hold a word of watched group k. */
  watched(k: number): boolean {
    return (this.watchedMask & (1 << k)) !== 0;
  }

  private readonly mark = (id: number): void => {
    const owners = this.owners[id]!;
    for (let j = 0; j < owners.length; j++) {
      const slot = owners[j]!;
      if (this.seen[slot] === 1) continue;
      this.seen[slot] = 1;
      this.seenList.push(slot);
    }
  };

  private planFor(format: string): Plan {
    let plan = this.byFormat.get(format);
    if (!plan) {
      const reads = new Uint8Array(this.entries.length);
      const always: number[] = [];
      this.entries.forEach((en, i) => {
        if (en.retired || !applies(en.def, format)) return;
        reads[i] = 1;
        if (!en.gated) always.push(i);
      });
      this.byFormat.set(format, (plan = { always, reads }));
    }
    this.lastFormat = format;
    this.lastPlan = plan;
    return plan;
  }

  /** Runs one detector on the event; true when it is a stream that wants no further events. */
  private runOne(en: Entry, e: LogEvent): boolean {
    if (en.run) return en.run.accept(e, this.overlong ? en.allHints : en.hints | en.fixedHints) === true;
    const d = en.def as SignatureDetector;
    let m = d.match.exec(e.message);
    if (!m) {
      const cont = continuationOf(e);
      if (cont !== null) m = d.match.exec(cont);
    }
    if (!m) return false;
    const h = d.hit(m, e);
    if (h) this.fold(d, { ...h, event: e });
    return false;
  }

  /** A stream that has seen all it needs leaves the dispatch (its finish() still runs). */
  private retire(i: number): void {
    const en = this.entries[i]!;
    if (en.retired) return;
    en.retired = true;
    for (const plan of this.byFormat.values()) {
      plan.reads[i] = 0;
      const at = plan.always.indexOf(i);
      if (at >= 0) plan.always.splice(at, 1);
    }
  }

  finish(): Finding[] {
    for (const g of this.open.values()) this.closed.push(close(g));
    this.open.clear();
    for (const en of this.entries) if (en.run) this.closed.push(...en.run.finish());
    const merged = mergeSameFacts(this.closed);
    merged.sort((a, b) => (a.timeMs ?? Infinity) - (b.timeMs ?? Infinity) || a.detector.localeCompare(b.detector) || (a.host ?? '').localeCompare(b.host ?? ''));
    return merged.map((f, i) => ({ id: `f${i + 1}`, ...f }));
  }

  private fold(d: SignatureDetector, h: Hit): void {
    const e = h.event;
    const key = `${d.name}\u0000${e.host ?? ''}\u0000${h.key ?? h.process ?? e.process ?? ''}`;
    const g = this.open.get(key);
    const gap = d.mergeGapMs ?? DEFAULT_MERGE_GAP_MS;
    if (g && (e.timeMs === null || g.lastMs === null || e.timeMs - g.lastMs <= gap)) {
      g.count++;
      if (e.timeMs !== null) {
        g.lastMs = e.timeMs;
        g.finding.endMs = e.timeMs;
      }
      if (g.finding.evidence.length < MAX_EVIDENCE - 1) g.finding.evidence.push(evidenceOf(e));
      else g.lastEvidence = evidenceOf(e);
      g.paths.add(e.path);
      return;
    }
    if (g) this.closed.push(close(g));
    this.open.set(key, {
      finding: {
        category: d.category, severity: h.severity ?? d.severity, title: h.title, timeMs: e.timeMs, endMs: null,
        host: e.host, process: h.process ?? e.process, pid: h.pid ?? e.pid, detector: d.name, facts: { ...h.facts },
        evidence: [evidenceOf(e)],
      },
      lastMs: e.timeMs,
      lastEvidence: null,
      count: 1,
      key: h.key ?? '',
      paths: new Set([e.path]),
    });
  }
}

function applies(d: DetectorDef, format: string): boolean {
  return d.formats === '*' || d.formats.includes(format);
}

/** The record's continuation lines (after its first line), bounded, or null for one-line records. */
function continuationOf(e: LogEvent): string | null {
  const nl = e.text.indexOf('\n');
  return nl < 0 ? null : e.text.slice(nl + 1, nl + 1 + GATE_SCAN_CHARS);
}

/** A detector's words for the gate; non-ASCII words cannot be matched by it, so such a detector is not gated. */
function wordsOf(d: DetectorDef): readonly string[] {
  const words = d.kind === 'signature' ? (typeof d.prefilter === 'string' ? [d.prefilter] : d.prefilter) : (d.prefilter ?? []);
  return words.every(isAsciiWord) ? words : [];
}

function isAsciiWord(w: string): boolean {
  return /^[\x20-\x7e]+$/.test(w);
}

function close(g: OpenGroup): Omit<Finding, 'id'> {
  const f = g.finding;
  if (g.lastEvidence) f.evidence.push(g.lastEvidence);
  if (g.count > 1) {
    f.facts.count = g.count;
    f.title = `${f.title} (${g.count} times)`;
  }
  if (g.key) f.mergeKey = g.key;
  return f;
}

/** dmesg, journalctl -k and syslog can all carry one OOM kill: keep one finding, all evidence. */
function mergeSameFacts(findings: Omit<Finding, 'id'>[]): Omit<Finding, 'id'>[] {
  const out: Omit<Finding, 'id'>[] = [];
  for (const f of findings) {
    const twin = f.mergeKey ? out.find((o) =>
      o.mergeKey === f.mergeKey && o.detector === f.detector && o.host === f.host &&
      o.timeMs !== null && f.timeMs !== null && Math.abs(o.timeMs - f.timeMs) <= SAME_FACT_WINDOW_MS &&
      o.evidence[0]?.path !== f.evidence[0]?.path) : undefined;
    if (!twin) {
      out.push(f);
      continue;
    }
    for (const ev of f.evidence) if (twin.evidence.length < MAX_EVIDENCE * 2) twin.evidence.push(ev);
    for (const [k, v] of Object.entries(f.facts)) if (twin.facts[k] === null || twin.facts[k] === undefined) twin.facts[k] = v;
  }
  for (const o of out) delete o.mergeKey;
  return out;
}
