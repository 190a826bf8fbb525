/**
 * Reading fixed-width timestamps by character codes: no regex groups, substrings or Date.UTC per
 * line on the hot path of the formats that use it.
 */

/** The n decimal digits at i as a number, or -1 if any is not a digit. */
export function digitsAt(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) {
    const d = s.charCodeAt(k) - 48;
    if (!(d >= 0 && d <= 9)) return -1; // NaN past the end fails too
    v = v * 10 + d;
  }
  return v;
}

// lines of one day share its start: Date.UTC once per day, not per line
let lastDayKey = -1;
let lastDayMs = 0;

/** Date.UTC(year, month0, day) for a valid month (0-11) and day (1-31), memoised for the last day asked. */
export function utcDayMs(year: number, month0: number, day: number): number {
  const key = (year * 16 + month0) * 32 + day;
  if (key !== lastDayKey) {
    lastDayMs = Date.UTC(year, month0, day);
    lastDayKey = key;
  }
  return lastDayMs;
}

/** Date.UTC-encoded wall time from its parts, or undefined when a part is out of range. */
export function wallFromParts(year: number, month: number, day: number, h: number, mi: number, s: number, ms: number): number | undefined {
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60 || ms < 0) return undefined;
  return utcDayMs(year, month - 1, day) + h * 3_600_000 + mi * 60_000 + s * 1000 + ms;
}
