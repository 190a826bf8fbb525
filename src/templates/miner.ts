import { type Cluster, countConstants, covers, distance, generalize, newCluster, type Variant, variantKey } from './cluster.js';
import { WILDCARD } from './mask.js';
import { DEFAULT_MINER_OPTIONS, type MinerOptions } from './options.js';
import { splitTemplates, type TemplateSnapshot } from './split.js';
import { SHAPE_MISS, ShapeCache } from './shape-cache.js';
import { maskedLine, tokensOf } from './tokenize.js';

/** Handle of the overflow bucket: lines that arrive when the template cap is reached and match none. */
export const OVERFLOW_HANDLE = -1;

/** The shape cache is also cleared past this many characters of keys (long lines). */
const MAX_SHAPE_CACHE_CHARS = 32 * 1024 * 1024;

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

  constructor(options: Partial<MinerOptions> = {}) {
    this.options = { ...DEFAULT_MINER_OPTIONS, ...options };
    this.raw = new ShapeCache(this.options.maxShapeCache, this.options.maxMessageChars);
  }

  /** Mines one message; returns the handle of the line's variant (or OVERFLOW_HANDLE). */
  add(message: string): number {
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
    return splitTemplates(this.variants, (h) => this.clusters.get(this.resolve(h))!, this.overflowCount, this.options);
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
    const cover = bestCover(same, tokens);
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
    // a line with a number where older lines had words ("user 0" after "user admin") covers them
    this.absorbCovered(c, same);
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
      if (x !== into && covers(into.tokens, x.tokens)) {
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
function bestCover(candidates: readonly Cluster[], tokens: readonly string[]): Cluster | undefined {
  let best: Cluster | undefined;
  for (const c of candidates) {
    if ((!best || c.constants > best.constants) && covers(c.tokens, tokens)) best = c;
  }
  return best;
}

export { WILDCARD };
