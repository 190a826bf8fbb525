import { linearFit, maxDrawdown, type Fit } from './series.js';

export interface Growth {
  fit: Fit;
  /** index where the rise starts (the series may sit flat before it) */
  onset: number;
  startValue: number;
  endValue: number;
  peakValue: number;
  /** the fitted rise over the growing stretch */
  rise: number;
  durationSec: number;
}

export interface GrowthRules {
  minPoints: number;
  minR2: number;
  /** the last half of the stretch must still climb at least this share of the first half's rate */
  minLateShare: number;
  /** the largest fall from a running peak may be at most this share of the rise (no saw-tooth) */
  maxDrawdownShare: number;
}

export const DEFAULT_GROWTH: GrowthRules = { minPoints: 8, minR2: 0.8, minLateShare: 0.5, maxDrawdownShare: 0.25 };

/**
 * Steady growth of a series: least squares over the stretch from its onset (the first point 5 % of
 * the range above the start) to the end. Rejected: too few points, a poor fit (R² below minR2), a
 * levelling-off curve (a runtime warming up to its working size grows fast, then slows) and a
 * saw-tooth (a collected heap falls back after each rise). What is left rises like a leak.
 */
export function steadyGrowth(t: readonly number[], v: readonly number[], rules: GrowthRules = DEFAULT_GROWTH): Growth | null {
  if (t.length < rules.minPoints) return null;
  let lo = Infinity, hi = -Infinity;
  for (const x of v) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (!(hi > lo)) return null;
  const threshold = v[0]! + 0.05 * (hi - v[0]!);
  let onset = 0;
  while (onset < v.length && v[onset]! <= threshold) onset++;
  onset = Math.max(0, onset - 1);
  const tt = t.slice(onset), vv = v.slice(onset);
  if (tt.length < rules.minPoints) return null;
  const fit = linearFit(tt, vv);
  if (!fit || fit.slopePerSec <= 0 || fit.r2 < rules.minR2) return null;
  const half = tt.length >> 1;
  const early = linearFit(tt.slice(0, half + 1), vv.slice(0, half + 1));
  const late = linearFit(tt.slice(half), vv.slice(half));
  if (early && late && early.slopePerSec > 0 && late.slopePerSec < rules.minLateShare * early.slopePerSec) return null;
  const durationSec = (tt[tt.length - 1]! - tt[0]!) / 1000;
  const rise = fit.slopePerSec * durationSec;
  if (maxDrawdown(vv) > rules.maxDrawdownShare * rise) return null;
  return { fit, onset, startValue: vv[0]!, endValue: vv[vv.length - 1]!, peakValue: hi, rise, durationSec };
}
