import type { LogEvent } from '../../events/event.js';
import { severityRank } from '../../events/severity.js';
import { listFormats } from '../../formats/registry.js';
import { TemplateMiner } from '../../templates/miner.js';
import type { TemplateSnapshot } from '../../templates/split.js';
import { BucketSeries } from './bucket-series.js';
import { GapStats } from './gap-stats.js';

/** Bounds of the stage: memory follows these and the miner's template caps, never the lines. */
export interface TemplateStageOptions {
  /** Width of a time bucket at the start; doubled whenever the cells exceed maxCells. */
  readonly bucketMs: number;
  /** Bucket cells (one per non-empty bucket of a series) kept in all. */
  readonly maxCells: number;
  /** Sources (host + path + process) tracked; later sources are mined but not counted. */
  readonly maxSources: number;
  /** Template variants counted per source; past it, lines count only in the source's totals. */
  readonly maxSeriesPerSource: number;
}

export const DEFAULT_STAGE_OPTIONS: TemplateStageOptions = { bucketMs: 1000, maxCells: 2_000_000, maxSources: 10_000, maxSeriesPerSource: 4096 };

const ERROR_RANK = severityRank('error');

/** One template variant (a miner handle) in one source. */
interface VariantStats {
  handle: number;
  series: BucketSeries;
  count: number;
  /** lines equal to the previous line of this variant */
  repeats: number;
  lastMessage: string;
  maxSeverity: number;
  first: LogEvent;
  last: LogEvent;
  curBucket: number;
  curCount: number;
  curFirst: LogEvent;
  peakCount: number;
  peakFirst: LogEvent;
}

/**
 * A run of one variant in a source, other lines allowed up to a small share: what a spinning
 * loop writes. Kept per source: the current one and the longest.
 */
export interface Run {
  handle: number;
  count: number;
  /** lines equal to the one before in the run (a spin repeats itself; work carries new ids) */
  repeats: number;
  others: number;
  lastMessage: string;
  first: LogEvent;
  last: LogEvent;
}

export class SourceStats {
  events = 0;
  readonly total = new BucketSeries();
  readonly errors = new BucketSeries();
  readonly variants = new Map<number, VariantStats>();
  readonly gaps = new GapStats();
  run: Run | null = null;
  bestRun: Run | null = null;
  /** the file its last line came from (rotated files of one log are one source) */
  lastPath = '';
  constructor(readonly host: string | null, readonly path: string, readonly process: string | null, public pid: number | null) {}

  closeRun(): void {
    const r = this.run;
    if (r && (!this.bestRun || r.count > this.bestRun.count)) this.bestRun = r;
    this.run = null;
  }
}

/** One final template in one source (variants folded by the miner's snapshot). */
export interface SourceTemplate {
  id: string;
  template: string;
  count: number;
  repeats: number;
  maxSeverity: number;
  series: BucketSeries;
  first: LogEvent;
  last: LogEvent;
  peakFirst: LogEvent;
}

export interface SourceView {
  source: SourceStats;
  templates: SourceTemplate[];
}

/** A row of the report's `templates`: the most used templates around the incident. */
export interface TopTemplate {
  id: string;
  template: string;
  /** lines in the window looked at */
  count: number;
  firstMs: number | null;
  lastMs: number | null;
  hosts: string[];
  /** the source with most of these lines */
  path: string;
}

let activeStage: TemplateStage | null = null;

/**
 * Formats that are documents (command output, metric matrices, k8s objects) are snapshots and
 * series, not a process talking: their rows have no rate or silence to speak of, so the stage
 * leaves them out. An unknown format name counts as a log.
 */
const DOCUMENT_FORMATS: ReadonlySet<string> = new Set(listFormats().filter((f) => f.shape !== 'lines').map((f) => f.name));

/**
 * The stage that mined this event, while it is being handed to the sinks after the stage (the
 * pipeline runs the stage first). Pattern detectors find their stage this way without a new
 * parameter in the detector contract; outside a pipeline run it is null.
 */
export function stageOf(e: LogEvent): TemplateStage | null {
  return activeStage !== null && activeStage.lastEvent === e ? activeStage : null;
}

/**
 * The templates stage: mines each log event's message, and keeps per source and per template the line
 * counts in time buckets, the spacing of lines, and runs of one template. O(1) per event beyond the
 * miner (one cached source, one map lookup by handle); memory bounded by sources × templates and
 * the cell budget (the buckets coarsen when it is reached).
 */
export class TemplateStage {
  readonly options: TemplateStageOptions;
  readonly miner = new TemplateMiner();
  bucketMs: number;
  lastEvent: LogEvent | null = null;
  lastHandle = -1;
  minMs: number | null = null;
  maxMs: number | null = null;
  /** sources by unrotated path, host and process ('' for none) */
  private readonly byPath = new Map<string, { path: string; byHost: Map<string, Map<string, SourceStats>> }>();
  /** each input path's entry of byPath (rotated files share one) */
  private readonly files = new Map<string, { path: string; byHost: Map<string, Map<string, SourceStats>> }>();
  private readonly sourceList: SourceStats[] = [];
  private cached: SourceStats | null = null;
  private lastFormat = '';
  private lastFormatIsLog = true;
  private cells = 0;
  private views: SourceView[] | null = null;
  private snap: TemplateSnapshot | null = null;

  constructor(options: Partial<TemplateStageOptions> = {}) {
    this.options = { ...DEFAULT_STAGE_OPTIONS, ...options };
    this.bucketMs = this.options.bucketMs;
  }

  accept(e: LogEvent): void {
    if (e.format !== this.lastFormat) {
      this.lastFormat = e.format;
      this.lastFormatIsLog = !DOCUMENT_FORMATS.has(e.format);
    }
    if (!this.lastFormatIsLog) return;
    const h = this.miner.add(e.message, e.path);
    this.lastEvent = e;
    this.lastHandle = h;
    activeStage = this;
    let s = this.cached;
    if (s === null || s.lastPath !== e.path || s.host !== e.host || s.process !== e.process) {
      s = this.sourceOf(e);
      if (s === null) return;
    }
    s.events++;
    if (s.pid === null && e.pid !== null) s.pid = e.pid;
    const t = e.timeMs !== null && e.fields?.timeSource !== 'mtime' ? e.timeMs : null;
    const sev = severityRank(e.severity);
    let b = 0;
    if (t !== null) {
      b = Math.floor(t / this.bucketMs);
      this.cells += s.total.add(b);
      if (sev >= ERROR_RANK) this.cells += s.errors.add(b);
      s.gaps.accept(e, t);
      if (this.minMs === null || t < this.minMs) this.minMs = t;
      if (this.maxMs === null || t > this.maxMs) this.maxMs = t;
    }
    const msg = e.message;
    let v = s.variants.get(h);
    if (v === undefined) {
      if (s.variants.size >= this.options.maxSeriesPerSource) return;
      v = {
        handle: h, series: new BucketSeries(), count: 0, repeats: 0, lastMessage: '', maxSeverity: sev, first: e, last: e,
        curBucket: Number.NaN, curCount: 0, curFirst: e, peakCount: 0, peakFirst: e,
      };
      s.variants.set(h, v);
    }
    v.count++;
    if (msg === v.lastMessage) v.repeats++;
    v.lastMessage = msg;
    v.last = e;
    if (sev > v.maxSeverity) v.maxSeverity = sev;
    if (t !== null) {
      this.cells += v.series.add(b);
      if (b !== v.curBucket) {
        v.curBucket = b;
        v.curCount = 0;
        v.curFirst = e;
      }
      if (++v.curCount > v.peakCount) {
        v.peakCount = v.curCount;
        v.peakFirst = v.curFirst;
      }
    }
    this.extendRun(s, h, msg, e);
    if (this.cells > this.options.maxCells) this.coarsen();
  }

  /** One variant after another with few others between them; a run ends when others pass 2 %. */
  private extendRun(s: SourceStats, h: number, msg: string, e: LogEvent): void {
    const r = s.run;
    // a run begun while the source's header was being learnt goes on under the settled handle
    if (r !== null && r.handle !== h && r.handle < -1 && this.miner.settled(r.handle) === h) r.handle = h;
    if (r !== null && r.handle === h) {
      r.count++;
      if (msg === r.lastMessage) r.repeats++;
      r.lastMessage = msg;
      r.last = e;
      return;
    }
    if (r !== null && ++r.others * 50 <= r.count + 500) return;
    s.closeRun();
    s.run = { handle: h, count: 1, repeats: 0, others: 0, lastMessage: msg, first: e, last: e };
  }

  private sourceOf(e: LogEvent): SourceStats | null {
    // looked up level by level (file, host, process): a log whose process changes from line to line
    // (syslog) builds no key string per line
    let file = this.files.get(e.path);
    if (file === undefined) {
      const path = unrotated(e.path);
      file = this.byPath.get(path);
      if (file === undefined) this.byPath.set(path, (file = { path, byHost: new Map() }));
      this.files.set(e.path, file);
    }
    let byProcess = file.byHost.get(e.host ?? '');
    let s = byProcess?.get(e.process ?? '');
    if (s === undefined) {
      // nothing is added once the sources are at their bound (hosts and processes come from the lines)
      if (this.sourceList.length >= this.options.maxSources) return null;
      if (byProcess === undefined) file.byHost.set(e.host ?? '', (byProcess = new Map()));
      s = new SourceStats(e.host, file.path, e.process, e.pid);
      byProcess.set(e.process ?? '', s);
      this.sourceList.push(s);
    }
    s.lastPath = e.path;
    this.cached = s;
    return s;
  }

  /** Halves the time resolution of every series until the cells fit the budget again. */
  private coarsen(): void {
    while (this.cells > this.options.maxCells / 2) {
      this.bucketMs *= 2;
      for (const s of this.sourceList) {
        this.cells -= s.total.coarsen() + s.errors.coarsen();
        for (const v of s.variants.values()) {
          this.cells -= v.series.coarsen();
          v.curBucket = Number.NaN;
        }
      }
    }
  }

  /** The miner's final templates (computed once, after the last event). */
  snapshot(): TemplateSnapshot {
    return (this.snap ??= this.miner.snapshot());
  }

  /** Every source with its templates (variants folded into final templates), most lines first. */
  view(): SourceView[] {
    if (this.views) return this.views;
    const snap = this.snapshot();
    this.views = this.sourceList.map((source) => {
      const byId = new Map<string, SourceTemplate>();
      let peakOf = new Map<string, number>();
      for (const v of source.variants.values()) {
        const id = snap.idOf(v.handle);
        let t = byId.get(id);
        if (!t) {
          t = { id, template: snap.templateOf(v.handle), count: 0, repeats: 0, maxSeverity: -1, series: new BucketSeries(), first: v.first, last: v.last, peakFirst: v.peakFirst };
          byId.set(id, t);
        }
        t.count += v.count;
        t.repeats += v.repeats;
        t.maxSeverity = Math.max(t.maxSeverity, v.maxSeverity);
        t.series.addAll(v.series);
        if (before(v.first, t.first)) t.first = v.first;
        if (before(t.last, v.last)) t.last = v.last;
        if (v.peakCount > (peakOf.get(id) ?? -1)) {
          peakOf.set(id, v.peakCount);
          t.peakFirst = v.peakFirst;
        }
      }
      peakOf = new Map();
      return { source, templates: [...byId.values()].sort((a, b) => b.count - a.count) };
    });
    return this.views;
  }

  /**
   * The n templates with most lines within radiusMs of aroundMs (all lines when aroundMs is null),
   * summed over sources.
   */
  topTemplates(n: number, aroundMs: number | null, radiusMs = 5 * 60_000): TopTemplate[] {
    const fromB = aroundMs === null ? -Infinity : Math.floor((aroundMs - radiusMs) / this.bucketMs);
    const toB = aroundMs === null ? Infinity : Math.floor((aroundMs + radiusMs) / this.bucketMs);
    const rows = new Map<string, TopTemplate & { best: number }>();
    for (const { source, templates } of this.view()) {
      for (const t of templates) {
        const count = aroundMs === null ? t.count : t.series.sumBetween(fromB, toB);
        if (count === 0) continue;
        let r = rows.get(t.id);
        if (!r) {
          r = { id: t.id, template: t.template, count: 0, firstMs: null, lastMs: null, hosts: [], path: source.path, best: 0 };
          rows.set(t.id, r);
        }
        r.count += count;
        if (count > r.best) {
          r.best = count;
          r.path = source.path;
        }
        const f = t.first.timeMs;
        const l = t.last.timeMs;
        if (f !== null && (r.firstMs === null || f < r.firstMs)) r.firstMs = f;
        if (l !== null && (r.lastMs === null || l > r.lastMs)) r.lastMs = l;
        if (source.host !== null && !r.hosts.includes(source.host)) r.hosts.push(source.host);
      }
    }
    return [...rows.values()]
      .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1))
      .slice(0, n)
      .map(({ best: _best, ...r }) => ({ ...r, hosts: r.hosts.sort() }));
  }
}

/** A rotated file is the same source as the log it rotated from: app.log.1.gz → app.log. */
function unrotated(path: string): string {
  return path.replace(/(?:\.\d{1,3})?(?:\.gz)?$/, '');
}

function before(a: LogEvent, b: LogEvent): boolean {
  if (a.timeMs !== null && b.timeMs !== null && a.timeMs !== b.timeMs) return a.timeMs < b.timeMs;
  return a.path === b.path ? a.line < b.line : false;
}
