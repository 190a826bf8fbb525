import { fractionToMs, monthIndex } from '../events/time.js';
import type { ParseContext } from './define.js';

/** Time fields shared by many formats: wall time encoded as Date.UTC, and the offset if printed. */
export interface WallTime {
  wallMs: number;
  offsetMin?: number;
}

/**
 * The last ISO-like stamp read by scanIsoLike: one object reused for every line (no allocation on
 * the hot path). Read it right after the call; the next call overwrites it.
 */
export const isoStamp = { wallMs: 0, offsetMin: undefined as number | undefined };

// Lines of one day share the day: Date.UTC runs once per day, the time of day is added to it.
let isoDayKey = -1;
let isoDayMs = 0;

/**
 * '2024-03-02 11:04:05,210', '2024-03-02T11:04:05.123456+08:00', '2024/03/02 11:04:05' (with or
 * without a fraction of 1-9 digits and an offset: Z, UTC, GMT, +08:00, +0800, +08) starting at
 * `at` in `text`. Returns where the stamp ends, or -1; the time is left in `isoStamp`. A character
 * scan, not a regex: this runs on most lines of most logs.
 */
export function scanIsoLike(text: string, at: number): number {
  const n = text.length;
  if (n - at < 19) return -1;
  const y = digits4(text, at);
  const s1 = text.charCodeAt(at + 4);
  const s2 = text.charCodeAt(at + 7);
  const tc = text.charCodeAt(at + 10);
  if (y < 0 || (s1 !== 45 && s1 !== 47) || (s2 !== 45 && s2 !== 47) || (tc !== 84 && tc !== 32)) return -1;
  const mo = digits2(text, at + 5);
  const d = digits2(text, at + 8);
  const h = digits2(text, at + 11);
  const mi = digits2(text, at + 14);
  const sec = digits2(text, at + 17);
  if (mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0 || text.charCodeAt(at + 13) !== 58 || text.charCodeAt(at + 16) !== 58) return -1;
  let end = at + 19;
  let fracMs = 0;
  const fc = text.charCodeAt(end);
  if ((fc === 46 || fc === 44) && isDigitAt(text, end + 1)) {
    let k = end + 1;
    const fracEnd = Math.min(n, k + 9);
    let v = 0;
    let len = 0;
    while (k < fracEnd && isDigitAt(text, k)) {
      if (len < 3) v = v * 10 + text.charCodeAt(k) - 48;
      len++;
      k++;
    }
    fracMs = len === 1 ? v * 100 : len === 2 ? v * 10 : v;
    end = k;
  }
  const key = y * 10000 + mo * 100 + d;
  if (key !== isoDayKey) {
    isoDayMs = Date.UTC(y, mo - 1, d);
    isoDayKey = key;
  }
  isoStamp.wallMs = isoDayMs + h * 3_600_000 + mi * 60_000 + sec * 1000 + fracMs;
  isoStamp.offsetMin = undefined;
  // the offset, after an optional space
  let o = end;
  if (text.charCodeAt(o) === 32) o++;
  const oc = text.charCodeAt(o);
  if (oc === 43 || oc === 45) {
    const oh = digits2(text, o + 1);
    if (oh >= 0) {
      const colon = text.charCodeAt(o + 3) === 58 ? 1 : 0;
      const om = digits2(text, o + 3 + colon);
      if (om >= 0) {
        isoStamp.offsetMin = (oc === 45 ? -1 : 1) * (oh * 60 + om);
        return o + 5 + colon;
      }
      if (!isDigitAt(text, o + 3)) {
        isoStamp.offsetMin = (oc === 45 ? -1 : 1) * oh * 60;
        return o + 3;
      }
    }
  } else if (oc === 90 /* Z */) {
    isoStamp.offsetMin = 0;
    return o + 1;
  } else if ((oc === 85 || oc === 71) && (text.startsWith('UTC', o) || text.startsWith('GMT', o))) {
    isoStamp.offsetMin = 0;
    return o + 3;
  }
  return end;
}

/**
 * The same, anchored at the start of `text`, as a fresh object: for formats off the hot path.
 */
export function parseIsoLike(text: string): (WallTime & { length: number }) | undefined {
  const end = scanIsoLike(text, 0);
  if (end < 0 || Number.isNaN(isoStamp.wallMs)) return undefined;
  const { wallMs, offsetMin } = isoStamp;
  return offsetMin === undefined ? { wallMs, length: end } : { wallMs, offsetMin, length: end };
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/** Two decimal digits at i, or -1. */
export function digits2(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Four decimal digits at i, or -1. */
export function digits4(text: string, i: number): number {
  const a = digits2(text, i);
  const b = digits2(text, i + 2);
  return a >= 0 && b >= 0 ? a * 100 + b : -1;
}

// Lines of one day share the day's start (with the context it was read in, since the year comes
// from it): most lines skip Date.UTC, the month lookup and the year inference.
let syslogDay = { ctx: null as ParseContext | null, key: -1, ms: 0 };

/** The last syslog stamp read by scanSyslogStamp (reused object: read it right after the call). */
export const syslogStamp = { wallMs: 0 };

/**
 * 'Mar  2 11:04:05' or 'Mar 02 11:04:05', plus an optional '.fraction' (any number of digits),
 * starting at `at`; the year comes from the context. Returns where the stamp ends, or -1; the time
 * is left in `syslogStamp`.
 */
export function scanSyslogStamp(line: string, at: number, ctx: ParseContext): number {
  if (line.length - at < 15) return -1;
  const m0 = line.charCodeAt(at);
  const m1 = line.charCodeAt(at + 1);
  const m2 = line.charCodeAt(at + 2);
  if (m0 < 65 || m0 > 90 || m1 < 97 || m1 > 122 || m2 < 97 || m2 > 122) return -1;
  if (line.charCodeAt(at + 3) !== 32 || line.charCodeAt(at + 6) !== 32 || line.charCodeAt(at + 9) !== 58 || line.charCodeAt(at + 12) !== 58) return -1;
  const d0 = line.charCodeAt(at + 4);
  const d1 = line.charCodeAt(at + 5) - 48;
  if (d1 < 0 || d1 > 9 || (d0 !== 32 && (d0 < 48 || d0 > 57))) return -1;
  const day = (d0 === 32 ? 0 : (d0 - 48) * 10) + d1;
  const h = digits2(line, at + 7);
  const mi = digits2(line, at + 10);
  const sec = digits2(line, at + 13);
  if (h < 0 || mi < 0 || sec < 0) return -1;
  let end = at + 15;
  let fracMs = 0;
  if (line.charCodeAt(end) === 46 && isDigitAt(line, end + 1)) {
    let k = end + 1;
    let v = 0;
    let len = 0;
    while (isDigitAt(line, k)) {
      if (len < 3) v = v * 10 + line.charCodeAt(k) - 48;
      len++;
      k++;
    }
    fracMs = len === 1 ? v * 100 : len === 2 ? v * 10 : v;
    end = k;
  }
  const key = ((m0 * 128 + m1) * 128 + m2) * 100 + day;
  const cached = syslogDay;
  let dayMs: number;
  if (cached.ctx === ctx && cached.key === key) dayMs = cached.ms;
  else {
    const mIdx = monthIndex(line.slice(at, at + 3));
    if (mIdx < 0) return -1;
    dayMs = Date.UTC(ctx.yearFor(mIdx), mIdx, day);
    syslogDay = { ctx, key, ms: dayMs };
  }
  syslogStamp.wallMs = dayMs + h * 3_600_000 + mi * 60_000 + sec * 1000 + fracMs;
  return end;
}

/** 'Mar  2 11:04:05' (+ optional fraction), year from the context. */
export function parseSyslogStamp(mon: string, day: string, hms: string, frac: string | undefined, ctx: ParseContext): number | undefined {
  const mi = monthIndex(mon);
  if (mi < 0) return undefined;
  const h = +hms.slice(0, 2), mm = +hms.slice(3, 5), s = +hms.slice(6, 8);
  return Date.UTC(ctx.yearFor(mi), mi, +day, h, mm, s) + (frac === undefined ? 0 : fractionToMs(frac));
}

/** Epoch seconds or milliseconds (by magnitude) to UTC ms. */
export function epochToMs(v: number): number {
  if (v > 1e17) return Math.floor(v / 1e6); // ns
  if (v > 1e14) return Math.floor(v / 1e3); // us
  if (v > 1e11) return v; // ms
  return Math.round(v * 1000);
}
