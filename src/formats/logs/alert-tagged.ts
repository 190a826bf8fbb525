/**
 * The prefix of HPC system logs archived with an alert tag (Sandia's and LLNL's Blue Gene/L,
 * Thunderbird, Liberty, Spirit archives): "<tag> <epoch s> <yyyy.mm.dd> <node> <original record>".
 * The tag is "-" for a line that raised no alert, else the alert's category (KERNDTLB, APPREAD...).
 */
const PREFIX = /^(-|[A-Z][A-Z0-9_]{0,31}) (\d{9,11}) (\d{4})\.(\d\d)\.(\d\d) (\S+) /;

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
  const c = line.charCodeAt(0);
  // "-" or an upper-case tag, then a space; the epoch's first digit follows the first space
  if (c !== 45 && (c < 65 || c > 90)) return undefined;
  const m = PREFIX.exec(line);
  if (!m) return undefined;
  return { alert: m[1] === '-' ? null : m[1]!, epochMs: +m[2]! * 1000, year: +m[3]!, node: m[6]!, bodyStart: m[0].length };
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
