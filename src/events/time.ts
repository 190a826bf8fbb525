/**
 * Wall-clock times without an offset are read in a zone (--tz or the machine's). Offsets are
 * looked up with Intl once per zone and hour, then cached: the hot path does one Map lookup.
 */
const offsetCache = new Map<string, Map<number, number>>();
const formatterCache = new Map<string, Intl.DateTimeFormat>();
const HOUR_MS = 3_600_000;

export function machineZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatterCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatterCache.set(zone, f);
  }
  return f;
}

/** Offset of `zone` from UTC in ms at the UTC instant `utcMs` (positive east of Greenwich). */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 0;
  let byHour = offsetCache.get(zone);
  if (!byHour) offsetCache.set(zone, (byHour = new Map()));
  const hour = Math.floor(utcMs / HOUR_MS);
  const cached = byHour.get(hour);
  if (cached !== undefined) return cached;
  const parts = formatterFor(zone).formatToParts(new Date(hour * HOUR_MS));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const offset = asUtc - hour * HOUR_MS;
  if (byHour.size > 100_000) byHour.clear();
  byHour.set(hour, offset);
  return offset;
}

/**
 * Converts a wall-clock time, encoded as if it were UTC (Date.UTC of its fields), to the real UTC
 * instant in `zone`. Two passes settle the offset around DST changes.
 */
export function wallToUtcMs(wallMs: number, zone: string): number {
  if (zone === 'UTC' || zone === 'Etc/UTC') return wallMs;
  // lines of one wall-clock hour share their offset: the two look-ups run once per hour
  const hour = Math.floor(wallMs / HOUR_MS);
  if (hour === lastWall.hour && zone === lastWall.zone) return wallMs - lastWall.offset;
  const first = zoneOffsetMs(zone, wallMs);
  const offset = zoneOffsetMs(zone, wallMs - first);
  // a whole-hour first guess puts the whole wall hour in one UTC hour (the cache's unit): reusable
  if (first % HOUR_MS === 0) lastWall = { zone, hour, offset };
  return wallMs - offset;
}

let lastWall = { zone: '', hour: NaN, offset: 0 };

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

/** 'Jan'..'Dec' (any case, 3+ letters) to 0..11, or -1 */
// exact names as logs print them, so the common case allocates nothing
const MONTHS_EXACT = new Map<string, number>();
for (const [k, v] of Object.entries(MONTHS)) {
  MONTHS_EXACT.set(k, v);
  MONTHS_EXACT.set(k[0]!.toUpperCase() + k.slice(1), v);
  MONTHS_EXACT.set(k.toUpperCase(), v);
}

export function monthIndex(name: string): number {
  return MONTHS_EXACT.get(name) ?? MONTHS[name.slice(0, 3).toLowerCase()] ?? -1;
}

/** Milliseconds from a fraction string of any length ('5', '123', '123456789'). */
export function fractionToMs(frac: string | undefined): number {
  if (!frac) return 0;
  const n = frac.length;
  if (n === 3) return Number(frac);
  if (n < 3) return Number(frac) * (n === 1 ? 100 : 10);
  return Math.floor(Number(frac.slice(0, 3)));
}

/** Parses '+08:00', '+0800', '-05', 'Z' to minutes east of UTC, or undefined. */
export function offsetMinutes(text: string | undefined): number | undefined {
  if (!text) return undefined;
  if (text === 'Z' || text === 'z' || text === 'UTC' || text === 'GMT') return 0;
  const m = /^([+-])(\d\d):?(\d\d)?$/.exec(text);
  if (!m) return undefined;
  const v = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -v : v;
}

export function toIso(ms: number | null): string | null {
  return ms === null || !Number.isFinite(ms) ? null : new Date(ms).toISOString();
}
