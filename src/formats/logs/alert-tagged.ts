import { digitsAt } from './stamp-digits.js';

/**
 * The prefix of HPC system logs archived with an alert tag (Blue Gene/L RAS logs, the syslog of
 * Sandia's clusters): "<tag> <epoch s> <yyyy.mm.dd> <node> <original record>". The tag is "-" for a
 * line that raised no alert, else the alert's category (KERNDTLB, APPREAD...).
 */
const MAX_TAG = 32;
const MAX_NODE = 128;

export interface AlertPrefix {
  /** null for "-" */
  alert: string | null;
  epochMs: number;
  year: number;
  node: string;
  /** Where the original record starts. */
  bodyStart: number;
}

export function parseAlertPrefix(line: string): AlertPrefix | undefined {
  // "-" or an upper-case tag [A-Z][A-Z0-9_]*
  const c = line.charCodeAt(0);
  let i: number;
  if (c === 45) i = 1;
  else {
    if (c < 65 || c > 90) return undefined;
    i = 1;
    for (; i <= MAX_TAG; i++) {
      const t = line.charCodeAt(i);
      if (!((t >= 65 && t <= 90) || (t >= 48 && t <= 57) || t === 95)) break;
    }
  }
  if (line.charCodeAt(i) !== 32) return undefined;
  // epoch seconds: 9 to 11 digits
  const e0 = i + 1;
  let e = e0;
  let epoch = 0;
  for (; e < e0 + 11; e++) {
    const d = line.charCodeAt(e) - 48;
    if (!(d >= 0 && d <= 9)) break;
    epoch = epoch * 10 + d;
  }
  if (e - e0 < 9 || line.charCodeAt(e) !== 32) return undefined;
  // "yyyy.mm.dd "
  const y = digitsAt(line, e + 1, 4);
  if (y < 0 || line.charCodeAt(e + 5) !== 46 || line.charCodeAt(e + 8) !== 46 || line.charCodeAt(e + 11) !== 32) return undefined;
  if (digitsAt(line, e + 6, 2) < 0 || digitsAt(line, e + 9, 2) < 0) return undefined;
  const n0 = e + 12;
  const sp = line.indexOf(' ', n0);
  if (sp <= n0 || sp - n0 > MAX_NODE) return undefined;
  return { alert: c === 45 ? null : line.slice(0, i), epochMs: epoch * 1000, year: y, node: line.slice(n0, sp), bodyStart: sp + 1 };
}

const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_OFFSET_MS = 14 * 3_600_000;

/**
 * The record's zone offset (minutes east of UTC), from its local wall time and the prefix's epoch
 * seconds: their difference rounded to a quarter hour. Undefined when the two do not agree that
 * closely (the record's own clock or the archive's was off): the wall time alone is kept then.
 */
export function offsetFromEpoch(wallMs: number, epochMs: number): number | undefined {
  const diff = wallMs - epochMs;
  const q = Math.round(diff / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  if (Math.abs(q) > MAX_OFFSET_MS || Math.abs(diff - q) > 60_000) return undefined;
  return q / 60_000 + 0; // + 0 turns -0 into 0
}
