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

interface Entry {
  def: DetectorDef;
  /** set for stream detectors */
  run: StreamRun | null;
  /** detectors with words run only when the scan found one; the others see every event */
  gated: boolean;
}

/**
 * Runs every detector over the event stream. One Aho-Corasick scan of each message over all the
 * detectors' words (signature prefilters and stream prefilters) tells which detectors to run, so a
 * line that mentions none of them costs one pass over its characters. Detectors whose words are not
 * ASCII fall back to `includes` checks.
 */
export class DetectorRunner {
  private readonly entries: Entry[];
  private readonly matcher: LiteralMatcher | null;
  /** pattern id → detector indexes */
  private readonly owners: number[][] = [];
  private readonly marked: Uint8Array;
  private readonly markedList: number[] = [];
  /** per format: indexes of ungated detectors, and whether each detector reads this format */
  private readonly byFormat = new Map<string, { always: number[]; reads: Uint8Array }>();
  private readonly open = new Map<string, OpenGroup>();
  private readonly closed: Omit<Finding, 'id'>[] = [];

  constructor(detectors: readonly DetectorDef[]) {
    this.entries = detectors.map((d) => ({ def: d, run: d.kind === 'stream' ? d.create() : null, gated: wordsOf(d).length > 0 }));
    const ids = new Map<string, number>();
    const patterns: string[] = [];
    this.entries.forEach((en, index) => {
      for (const w of wordsOf(en.def)) {
        const key = w.toLowerCase();
        let id = ids.get(key);
        if (id === undefined) {
          id = patterns.length;
          ids.set(key, id);
          patterns.push(w);
          this.owners.push([]);
        }
        this.owners[id]!.push(index);
      }
    });
    this.matcher = patterns.length ? new LiteralMatcher(patterns) : null;
    this.marked = new Uint8Array(this.entries.length);
  }

  accept(e: LogEvent): void {
    const plan = this.planFor(e.format);
    for (const i of plan.always) this.runOne(i, e);
    if (!this.matcher) return;
    this.matcher.scan(e.message, this.mark, GATE_SCAN_CHARS);
    // joined continuation lines (a Java exception under its log line) carry the decisive words too
    const cont = continuationOf(e);
    if (cont !== null) this.matcher.scan(cont, this.mark, GATE_SCAN_CHARS);
    if (this.markedList.length === 0) return;
    // run in registry order, so findings do not depend on which word was seen first
    this.markedList.sort((a, b) => a - b);
    for (const i of this.markedList) {
      this.marked[i] = 0;
      if (plan.reads[i]) this.runOne(i, e);
    }
    this.markedList.length = 0;
  }

  private readonly mark = (id: number): void => {
    for (const i of this.owners[id]!) {
      if (this.marked[i]) continue;
      this.marked[i] = 1;
      this.markedList.push(i);
    }
  };

  private planFor(format: string): { always: number[]; reads: Uint8Array } {
    let plan = this.byFormat.get(format);
    if (!plan) {
      const reads = new Uint8Array(this.entries.length);
      const always: number[] = [];
      this.entries.forEach((en, i) => {
        if (!applies(en.def, format)) return;
        reads[i] = 1;
        if (!en.gated) always.push(i);
      });
      this.byFormat.set(format, (plan = { always, reads }));
    }
    return plan;
  }

  private runOne(i: number, e: LogEvent): void {
    const en = this.entries[i]!;
    if (en.run) {
      en.run.accept(e);
      return;
    }
    const d = en.def as SignatureDetector;
    let m = d.match.exec(e.message);
    if (!m) {
      const cont = continuationOf(e);
      if (cont !== null) m = d.match.exec(cont);
    }
    if (!m) return;
    const h = d.hit(m, e);
    if (h) this.fold(d, { ...h, event: e });
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
  return words.every((w) => /^[\x20-\x7e]+$/.test(w)) ? words : [];
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
