import type { LogEvent } from '../events/event.js';
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

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Runs every detector over the event stream. Signature detectors are gated by one combined regex
 * of all their prefilters, so a line that mentions none of them costs one scan.
 */
export class DetectorRunner {
  private readonly signatures: SignatureDetector[];
  private readonly gate: RegExp | null;
  private readonly streams: { def: DetectorDef; run: StreamRun }[];
  private readonly open = new Map<string, OpenGroup>();
  private readonly closed: Omit<Finding, 'id'>[] = [];

  constructor(detectors: readonly DetectorDef[]) {
    this.signatures = detectors.filter((d): d is SignatureDetector => d.kind === 'signature');
    const words = this.signatures.flatMap((d) => (typeof d.prefilter === 'string' ? [d.prefilter] : d.prefilter));
    this.gate = words.length ? new RegExp([...new Set(words)].map(escapeRegExp).join('|')) : null;
    this.streams = detectors.flatMap((d) => (d.kind === 'stream' ? [{ def: d, run: d.create() }] : []));
  }

  accept(e: LogEvent): void {
    for (const s of this.streams) if (applies(s.def, e.format)) s.run.accept(e);
    if (!this.gate || !this.gate.test(e.message)) return;
    for (const d of this.signatures) {
      if (!applies(d, e.format) || !hasPrefilter(d, e.message)) continue;
      const m = d.match.exec(e.message);
      if (!m) continue;
      const h = d.hit(m, e);
      if (h) this.fold(d, { ...h, event: e });
    }
  }

  finish(): Finding[] {
    for (const g of this.open.values()) this.closed.push(close(g));
    this.open.clear();
    for (const s of this.streams) this.closed.push(...s.run.finish());
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

function hasPrefilter(d: SignatureDetector, message: string): boolean {
  return typeof d.prefilter === 'string' ? message.includes(d.prefilter) : d.prefilter.some((p) => message.includes(p));
}

function close(g: OpenGroup): Omit<Finding, 'id'> {
  const f = g.finding;
  if (g.lastEvidence) f.evidence.push(g.lastEvidence);
  if (g.count > 1) {
    f.facts.count = g.count;
    f.title = `${f.title} (${g.count} times)`;
  }
  (f as Omit<Finding, 'id'> & { mergeKey?: string }).mergeKey = g.key;
  return f;
}

/** dmesg, journalctl -k and syslog can all carry one OOM kill: keep one finding, all evidence. */
function mergeSameFacts(findings: Omit<Finding, 'id'>[]): Omit<Finding, 'id'>[] {
  const out: (Omit<Finding, 'id'> & { mergeKey?: string })[] = [];
  for (const f of findings as (Omit<Finding, 'id'> & { mergeKey?: string })[]) {
    const twin = out.find((o) =>
      o.detector === f.detector && o.host === f.host && (o.mergeKey ?? '') === (f.mergeKey ?? '') && o.mergeKey !== '' &&
      o.timeMs !== null && f.timeMs !== null && Math.abs(o.timeMs - f.timeMs) <= SAME_FACT_WINDOW_MS &&
      o.evidence[0]?.path !== f.evidence[0]?.path);
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
