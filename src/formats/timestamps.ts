import { fractionToMs, monthIndex, offsetMinutes } from '../events/time.js';
import type { ParseContext } from './define.js';

/** Time fields shared by many formats: wall time encoded as Date.UTC, and the offset if printed. */
export interface WallTime {
  wallMs: number;
  offsetMin?: number;
}

const ISO_LIKE =
  /^(\d{4})[-/](\d\d)[-/](\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d{1,9}))?(?: ?(Z|[+-]\d\d:?\d\d|[+-]\d\d(?!\d)|UTC|GMT))?/;

/**
 * '2024-03-02 11:04:05,210', '2024-03-02T11:04:05.123456+08:00', '2024/03/02 11:04:05' (with or
 * without fraction and offset), anchored at the start of `text`.
 */
export function parseIsoLike(text: string): (WallTime & { length: number }) | undefined {
  const m = ISO_LIKE.exec(text);
  if (!m) return undefined;
  const wallMs = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, fractionToMs(m[7]));
  if (Number.isNaN(wallMs)) return undefined;
  const offsetMin = offsetMinutes(m[8]);
  return offsetMin === undefined ? { wallMs, length: m[0].length } : { wallMs, offsetMin, length: m[0].length };
}

// Lines of one second share their stamp: the last one's value is kept (with the context it was
// read in, since the year comes from it), so most lines skip Date.UTC and the month lookup.
let lastStamp = { ctx: null as ParseContext | null, mon: '', day: '', hms: '', ms: 0 };

/** 'Mar  2 11:04:05' (+ optional fraction), year from the context. */
export function parseSyslogStamp(mon: string, day: string, hms: string, frac: string | undefined, ctx: ParseContext): number | undefined {
  const fracMs = frac === undefined ? 0 : fractionToMs(frac);
  const l = lastStamp;
  if (l.ctx === ctx && l.hms === hms && l.day === day && l.mon === mon) return l.ms + fracMs;
  const mi = monthIndex(mon);
  if (mi < 0) return undefined;
  const h = +hms.slice(0, 2), mm = +hms.slice(3, 5), s = +hms.slice(6, 8);
  const ms = Date.UTC(ctx.yearFor(mi), mi, +day, h, mm, s);
  lastStamp = { ctx, mon, day, hms, ms };
  return ms + fracMs;
}

/** Epoch seconds or milliseconds (by magnitude) to UTC ms. */
export function epochToMs(v: number): number {
  if (v > 1e17) return Math.floor(v / 1e6); // ns
  if (v > 1e14) return Math.floor(v / 1e3); // us
  if (v > 1e11) return v; // ms
  return Math.round(v * 1000);
}
