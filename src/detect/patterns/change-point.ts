/** A rise found in a series of counts per bucket. */
export interface Rise {
  /** first bucket of the later segment */
  at: number;
  beforeMean: number;
  afterMean: number;
  /** sum of the later segment */
  afterSum: number;
  /** share of the later buckets above the midpoint of the two means */
  sustained: number;
}

/**
 * The one split of a count series where its level rises most clearly. Method: every split leaving
 * at least minSegment buckets on each side is scored by the difference of the two means times
 * sqrt(k·(n−k)/n) (the statistic of binary segmentation for one change of mean: a long, clear
 * shift beats a short one of the same size); the best-scoring upward split wins. Means alone are
 * dragged by a single burst, so the caller also gets the share of later buckets above the midpoint
 * of the two means: a level that stays up has most of them there, a spike has few. O(n).
 */
export function bestRise(counts: readonly number[], minSegment: number): Rise | null {
  const n = counts.length;
  if (n < 2 * minSegment) return null;
  let total = 0;
  for (const c of counts) total += c;
  let best: { k: number; score: number } | null = null;
  let left = 0;
  for (let k = 1; k < n; k++) {
    left += counts[k - 1]!;
    if (k < minSegment || n - k < minSegment) continue;
    const diff = (total - left) / (n - k) - left / k;
    if (diff <= 0) continue;
    const score = diff * Math.sqrt((k * (n - k)) / n);
    if (best === null || score > best.score) best = { k, score };
  }
  if (best === null) return null;
  const k = best.k;
  let before = 0;
  for (let i = 0; i < k; i++) before += counts[i]!;
  const beforeMean = before / k;
  const afterMean = (total - before) / (n - k);
  const mid = (beforeMean + afterMean) / 2;
  let above = 0;
  for (let i = k; i < n; i++) if (counts[i]! > mid) above++;
  return { at: k, beforeMean, afterMean, afterSum: total - before, sustained: above / (n - k) };
}
