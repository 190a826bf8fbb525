import type { LogEvent } from '../../events/event.js';

/** One silence of a source: the last line before it and the first after. */
export interface Gap {
  gapMs: number;
  before: LogEvent;
  after: LogEvent;
}

/** Octave bins of gaps in ms: bin b holds gaps in [2^(b-1), 2^b); bin 0 holds 0. */
const BINS = 33;

/**
 * The spacing of one source's lines in O(1) memory: a histogram of gaps by octave (its usual
 * spacing) and the two longest gaps with their neighbouring lines (a stall's evidence).
 */
export class GapStats {
  readonly bins = new Uint32Array(BINS);
  /** total ms of the gaps in each bin */
  readonly sums = new Float64Array(BINS);
  gaps = 0;
  first: LogEvent | null = null;
  last: LogEvent | null = null;
  lastMs: number | null = null;
  firstMs: number | null = null;
  longest: Gap | null = null;
  second: Gap | null = null;

  accept(e: LogEvent, t: number): void {
    if (this.lastMs === null) {
      this.first = e;
      this.firstMs = t;
    } else {
      const gap = t - this.lastMs;
      if (gap < 0) return; // out of order: ignored, the source's clock went back or files interleave
      const bin = gap === 0 ? 0 : Math.min(BINS - 1, 32 - Math.clz32(gap));
      this.bins[bin]!++;
      this.sums[bin]! += gap;
      this.gaps++;
      if (this.second === null || gap > this.second.gapMs) {
        const g = { gapMs: gap, before: this.last!, after: e };
        if (this.longest === null || gap > this.longest.gapMs) {
          this.second = this.longest;
          this.longest = g;
        } else this.second = g;
      }
    }
    this.last = e;
    this.lastMs = t;
  }

  /** Upper bound (ms) of the gap below which `share` of the gaps fall. */
  quantileMs(share: number): number {
    const want = Math.ceil(share * this.gaps);
    let n = 0;
    for (let b = 0; b < BINS; b++) {
      n += this.bins[b]!;
      if (n >= want) return b === 0 ? 0 : 2 ** b;
    }
    return 2 ** (BINS - 1);
  }

  /**
   * The usual spacing weighted by time: the smallest octave edge such that gaps up to it cover
   * `share` of the source's time between lines, leaving out one gap (the silence being judged).
   * Unlike a quantile over lines, a burst of thousands of lines does not make a source look busy.
   */
  timeQuantileMs(share: number, excludeMs: number): number {
    const exBin = excludeMs <= 0 ? -1 : Math.min(BINS - 1, 32 - Math.clz32(excludeMs));
    let total = 0;
    for (let b = 0; b < BINS; b++) total += this.sums[b]! - (b === exBin ? excludeMs : 0);
    if (total <= 0) return 0;
    let n = 0;
    for (let b = 0; b < BINS; b++) {
      n += this.sums[b]! - (b === exBin ? excludeMs : 0);
      if (n >= share * total) return b === 0 ? 0 : 2 ** b;
    }
    return 2 ** (BINS - 1);
  }

  /** Total ms of the gaps of at least minMs (octave resolution, as countAtLeast). */
  sumAtLeast(minMs: number): number {
    const from = minMs <= 0 ? 0 : Math.min(BINS - 1, 32 - Math.clz32(minMs));
    let n = 0;
    for (let b = from; b < BINS; b++) n += this.sums[b]!;
    return n;
  }

  /** Gaps of at least minMs (octave resolution: counts the whole bin minMs falls in). */
  countAtLeast(minMs: number): number {
    const from = minMs <= 0 ? 0 : Math.min(BINS - 1, 32 - Math.clz32(minMs));
    let n = 0;
    for (let b = from; b < BINS; b++) n += this.bins[b]!;
    return n;
  }
}
