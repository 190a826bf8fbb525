/**
 * Line counts in time buckets, sparse: only buckets that saw a line take memory. Bucket `b` covers
 * [b·bucketMs, (b+1)·bucketMs) of epoch time, so series of different sources line up and halving
 * the resolution (coarsen) merges buckets exactly.
 */
export class BucketSeries {
  readonly idx: number[] = [];
  readonly cnt: number[] = [];
  /** where the last out-of-order line went: the next one is looked for there first */
  private hint = 0;

  /** Counts one line in bucket b; returns 1 when it took a new cell (for the memory budget). */
  add(b: number, n = 1): number {
    const idx = this.idx;
    const last = idx.length - 1;
    if (last >= 0 && idx[last] === b) {
      this.cnt[last]! += n;
      return 0;
    }
    if (last < 0 || b > idx[last]!) {
      idx.push(b);
      this.cnt.push(n);
      return 1;
    }
    // out of order (a record older than the one before it; a log replayed or files read out of
    // their order go on forward from there): next to the last such line first, else binary search
    let lo = this.hint;
    if (lo <= last && idx[lo] === b) {
      this.cnt[lo]! += n;
      return 0;
    }
    if (lo < last && idx[lo + 1] === b) {
      this.hint = lo + 1;
      this.cnt[lo + 1]! += n;
      return 0;
    }
    lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (idx[mid]! < b) lo = mid + 1;
      else hi = mid;
    }
    this.hint = lo;
    if (idx[lo] === b) {
      this.cnt[lo]! += n;
      return 0;
    }
    idx.splice(lo, 0, b);
    this.cnt.splice(lo, 0, n);
    return 1;
  }

  get cells(): number {
    return this.idx.length;
  }

  /** Halves the resolution in place; returns the cells freed. */
  coarsen(): number {
    const before = this.idx.length;
    let w = -1;
    for (let r = 0; r < before; r++) {
      const b = Math.floor(this.idx[r]! / 2);
      if (w >= 0 && this.idx[w] === b) this.cnt[w]! += this.cnt[r]!;
      else {
        w++;
        this.idx[w] = b;
        this.cnt[w] = this.cnt[r]!;
      }
    }
    this.idx.length = w + 1;
    this.cnt.length = w + 1;
    this.hint = 0;
    return before - this.idx.length;
  }

  /** Adds another series into this one. */
  addAll(o: BucketSeries): void {
    for (let i = 0; i < o.idx.length; i++) this.add(o.idx[i]!, o.cnt[i]!);
  }

  /** Lines in buckets [fromB, toB]. */
  sumBetween(fromB: number, toB: number): number {
    let n = 0;
    for (let i = 0; i < this.idx.length; i++) {
      const b = this.idx[i]!;
      if (b >= fromB && b <= toB) n += this.cnt[i]!;
    }
    return n;
  }
}
