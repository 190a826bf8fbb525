import { type Cluster, countConstants, covers, distance, generalize, newCluster, type Variant, variantKey } from './cluster.js';
import { type Header, learnHeader } from './header-learner.js';
import { WILDCARD } from './mask.js';
import { DEFAULT_MINER_OPTIONS, type MinerOptions } from './options.js';
import { splitTemplates, type TemplateSnapshot } from './split.js';
import { SHAPE_MISS, ShapeCache } from './shape-cache.js';
import { maskedLine, tokensOf } from './tokenize.js';

/** Handle of the overflow bucket: lines that arrive when the template cap is reached and match none. */
export const OVERFLOW_HANDLE = -1;

/** The shape cache is also cleared past this many characters of keys (long lines). */
const MAX_SHAPE_CACHE_CHARS = 32 * 1024 * 1024;

/** Lines of a source looked at to learn its header; they wait (as provisional handles) until then. */
const HELD_LINES = 64;
/** Characters of waiting lines, all sources together; past it a source learns from what it has. */
const MAX_HELD_CHARS = 8 * 1024 * 1024;
/** Sources whose header is learnt; lines of further sources are mined whole. */
const MAX_SOURCES = 10_000;
/** Provisional handles count down from here (-1 is OVERFLOW_HANDLE). */
const ALIAS_BASE = -2;
/** A provisional handle whose line is not mined yet. */
const PENDING = -0x7fffffff;

/** One source's header (null until learnt) and the lines waiting for it. */
interface SourceHeader {
  header: Header | null;
  held: string[];
  heldAliases: number[];
  /** the same waiting message shares one provisional handle (a repeated line stays one variant) */
  readonly aliasOf: Map<string, number>;
}

/** Key of a cluster's shared variant once it has too many (see MinerOptions.maxVariantsPerTemplate). */
const CROWD_KEY = '\u0002';

/**
 * Online, deterministic template miner. Each message is masked (mask.ts) and looked up as a whole
 * (the fast path: most lines repeat a masked shape already seen). A new shape joins the template
 * that covers it; else it merges into the nearest template of its length (differing in few
 * positions, which become `<*>`); else it starts a template of its own. Each cluster keeps the
 * words its lines had at merged positions, so `snapshot()` can split a cluster again where those
 * words look like constants (split.ts).
 *
 * `add` returns a handle that stays valid for the whole run; `snapshot()` maps handles to the final
 * templates. Memory is bounded by the number of templates (caps in MinerOptions), never by lines.
 */
export class TemplateMiner {
  readonly options: MinerOptions;
  private readonly variants: Variant[] = [];
  /** cluster handle → itself while live, or the cluster it merged into */
  private readonly forward = new Map<number, number>();
  private readonly clusters = new Map<number, Cluster>();
  private readonly byLength = new Map<number, Cluster[]>();
  private readonly shapes = new Map<string, number>();
  /** raw message shape → handle, looked up before any masking (shape-cache.ts) */
  private readonly raw: ShapeCache;
  private overflowCount = 0;
  private shapeChars = 0;
  /** per source: its learnt header, or the lines waiting for it */
  private readonly sources = new Map<string, SourceHeader>();
  private lastSource: SourceHeader | null = null;
  private lastSourceKey = '';
  /** provisional handle (ALIAS_BASE - index) → the handle its line got once its source's header was learnt */
  private readonly aliases: number[] = [];
  private heldChars = 0;

  constructor(options: Partial<MinerOptions> = {}) {
    this.options = { ...DEFAULT_MINER_OPTIONS, ...options };
    this.raw = new ShapeCache(this.options.maxShapeCache, this.options.maxMessageChars);
  }

  /**
   * Mines one message; returns the handle of the line's variant (or OVERFLOW_HANDLE). With a
   * source (a file path: lines that share a layout), the header its lines carry before the text
   * is learnt from its first lines and left out (header-learner.ts); until it is learnt, the
   * source's lines wait and get provisional handles that snapshot() resolves.
   */
  add(message: string, source?: string): number {
    if (source === undefined) return this.addBody(message);
    let s = this.lastSource;
    if (s === null || source !== this.lastSourceKey) {
      s = this.sourceOf(source);
      if (s === null) return this.addBody(message);
    }
    if (s.header !== null) return this.addBody(s.header.strip(message));
    return this.hold(s, message);
  }

  private sourceOf(key: string): SourceHeader | null {
    let s = this.sources.get(key);
    if (s === undefined) {
      if (this.sources.size >= MAX_SOURCES) return null;
      s = { header: null, held: [], heldAliases: [], aliasOf: new Map() };
      this.sources.set(key, s);
    }
    this.lastSource = s;
    this.lastSourceKey = key;
    return s;
  }

  /** A line of a source whose header is not learnt yet: kept until it is (bounded, see HELD_LINES). */
  private hold(s: SourceHeader, message: string): number {
    let alias = s.aliasOf.get(message);
    if (alias === undefined) {
      alias = this.aliases.length;
      this.aliases.push(PENDING);
      s.aliasOf.set(message, alias);
    }
    s.held.push(message);
    s.heldAliases.push(alias);
    this.heldChars += message.length;
    if (s.held.length >= HELD_LINES || this.heldChars > MAX_HELD_CHARS) this.settle(s);
    return ALIAS_BASE - alias;
  }

  /** Learns the source's header from its held lines and mines them. */
  private settle(s: SourceHeader): void {
    s.header = learnHeader(s.held, this.options.maxMessageChars);
    for (let i = 0; i < s.held.length; i++) {
      const m = s.held[i]!;
      this.heldChars -= m.length;
      this.aliases[s.heldAliases[i]!] = this.addBody(s.header.strip(m));
    }
    s.held = [];
    s.heldAliases = [];
    s.aliasOf.clear();
  }

  /**
   * The handle a provisional handle stands for once its source's header is learnt (itself before,
   * and for any other handle): a caller that compares handles (a run of one line) can follow it.
   */
  settled(handle: number): number {
    if (handle > ALIAS_BASE) return handle;
    const h = this.aliases[ALIAS_BASE - handle]!;
    return h === PENDING ? handle : h;
  }

  private addBody(message: string): number {
    let handle = this.raw.get(message);
    if (handle === SHAPE_MISS) {
      handle = this.masked(message);
      if (!this.raw.set(handle)) {
        this.raw.clear();
        this.raw.set(handle);
      }
    }
    if (handle === OVERFLOW_HANDLE) this.overflowCount++;
    else this.variants[handle]!.count++;
    return handle;
  }

  /** The handle of a masked shape, found or placed. */
  private masked(message: string): number {
    const o = this.options;
    const key = maskedLine(message, o.maxMessageChars, o.maxTokens);
    let handle = this.shapes.get(key);
    if (handle === undefined) {
      handle = this.place(tokensOf(key));
      if (this.shapes.size >= o.maxShapeCache || this.shapeChars > MAX_SHAPE_CACHE_CHARS) {
        this.shapes.clear();
        this.shapeChars = 0;
      }
      this.shapes.set(key, handle);
      this.shapeChars += key.length;
    }
    return handle;
  }

  /** Live clusters (templates before the final split). */
  get clusterCount(): number {
    return this.clusters.size;
  }

  /** The final templates with stable ids, most frequent first, and each handle's template. */
  snapshot(): TemplateSnapshot {
    for (const s of this.sources.values()) if (s.header === null) this.settle(s);
    const snap = splitTemplates(this.variants, (h) => this.clusters.get(this.resolve(h))!, this.overflowCount, this.options);
    const aliases = this.aliases;
    const real = (h: number) => (h <= ALIAS_BASE ? aliases[ALIAS_BASE - h]! : h);
    return { templates: snap.templates, idOf: (h) => snap.idOf(real(h)), templateOf: (h) => snap.templateOf(real(h)) };
  }

  private resolve(clusterHandle: number): number {
    let h = clusterHandle;
    for (let next = this.forward.get(h)!; next !== h; next = this.forward.get(h)!) h = next;
    if (h !== clusterHandle) this.forward.set(clusterHandle, h);
    return h;
  }

  /** A shape not seen before (or forgotten by the cache): find or make its template. */
  private place(tokens: string[]): number {
    const same = this.byLength.get(tokens.length) ?? [];
    const cover = bestCover(same, tokens, this.variants);
    if (cover) return this.variantOf(cover, tokens);
    if (this.clusters.size >= this.options.maxTemplates) return OVERFLOW_HANDLE;
    const near = this.nearest(same, tokens);
    if (near) {
      near.tokens = generalize(near.tokens, tokens);
      near.constants = countConstants(near.tokens);
      this.absorbCovered(near, same);
      return this.variantOf(near, tokens);
    }
    const c = newCluster(this.variants.length, tokens);
    this.variants.push({ tokens, cluster: c.handle, count: 0 });
    c.variants.set('', c.handle);
    this.clusters.set(c.handle, c);
    this.forward.set(c.handle, c.handle);
    same.push(c);
    if (same.length === 1) this.byLength.set(tokens.length, same);
    // a line with a number where older lines had words ("user 0" after "user admin") covers them;
    // a line of variables only ("sda1 sda2 sda3") says nothing about the wording of others
    if (c.constants > 0) this.absorbCovered(c, same);
    return c.handle;
  }

  /** The cluster differing from the tokens in fewest positions, within maxDiffRatio; oldest on a tie. */
  private nearest(same: readonly Cluster[], tokens: readonly string[]): Cluster | undefined {
    const o = this.options;
    const maxDiff = Math.max(1, Math.min(o.maxDiffTokens, Math.floor(o.maxDiffRatio * countConstants(tokens))));
    let best: Cluster | undefined;
    let bestDiff = maxDiff + 1;
    for (const c of same) {
      const d = distance(c.tokens, tokens, bestDiff - 1, this.variants[c.handle]!.tokens);
      if (d < bestDiff && countConstants(generalize(c.tokens, tokens)) > 0) {
        best = c;
        bestDiff = d;
      }
    }
    return best;
  }

  /** Clusters the widened template now covers merge into it (their variants follow). */
  private absorbCovered(into: Cluster, same: Cluster[]): void {
    let w = 0;
    for (const x of same) {
      if (x !== into && covers(into.tokens, x.tokens) && !marksWhereNumbers(into, x.tokens, this.variants[into.handle]!.tokens)) {
        this.forward.set(x.handle, into.handle);
        this.clusters.delete(x.handle);
        for (const [k, v] of x.variants) if (!into.variants.has(k)) into.variants.set(k, v);
        continue;
      }
      same[w++] = x;
    }
    same.length = w;
  }

  private variantOf(c: Cluster, tokens: string[]): number {
    const key = variantKey(c.tokens, tokens);
    const known = c.variants.get(key);
    if (known !== undefined) return known;
    const crowded = c.variants.size >= this.options.maxVariantsPerTemplate;
    if (crowded) {
      const crowd = c.variants.get(CROWD_KEY);
      if (crowd !== undefined) return crowd;
    }
    const h = this.variants.length;
    this.variants.push({ tokens: crowded ? [...c.tokens] : tokens, cluster: c.handle, count: 0 });
    c.variants.set(crowded ? CROWD_KEY : key, h);
    return h;
  }
}

/** The covering cluster with the most constant tokens (first created on a tie). */
function bestCover(candidates: readonly Cluster[], tokens: readonly string[], variants: readonly Variant[]): Cluster | undefined {
  let best: Cluster | undefined;
  let allVariables: boolean | undefined;
  for (const c of candidates) {
    if ((!best || c.constants > best.constants) && covers(c.tokens, tokens)) {
      // a template of variables only covers only lines of variables only
      if (c.constants === 0 && !(allVariables ??= countConstants(tokens) === 0)) continue;
      if (marksWhereNumbers(c, tokens, variants[c.handle]!.tokens)) continue;
      best = c;
    }
  }
  return best;
}

export { WILDCARD };

/**
 * True when the tokens hold a mark of symbols only (`****`, `--`) where `into` had a number from its first
 * line, beside other numbers: a sensor that failed to read is another event than its readings
 * ("( 3552 **** 3515 )").
 * Words are still absorbed ("user admin" by "user 0").
 */
function marksWhereNumbers(into: Cluster, tokens: readonly string[], intoFirst: readonly string[]): boolean {
  for (let i = 0; i < into.tokens.length; i++) {
    if (into.tokens[i] !== WILDCARD || intoFirst[i] !== WILDCARD) continue;
    const t = tokens[i]!;
    // among other numbers (a row of readings), not a word's place ("user ----")
    const amongNumbers = intoFirst[i - 1] === WILDCARD || intoFirst[i + 1] === WILDCARD;
    if (amongNumbers && t.length >= 2 && !t.includes(WILDCARD) && isSymbols(t)) return true;
  }
  return false;
}

function isSymbols(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i) | 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127) return false;
  }
  return true;
}
