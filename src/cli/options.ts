import { isValidZone, wallToUtcMs } from '../events/time.js';
import { parseIsoLike } from '../formats/timestamps.js';
import { UsageError } from './exit.js';

/** --since/--until: ISO-8601, or 'YYYY-MM-DD HH:MM[:SS]' read in `zone`. */
export function parseTimeOption(flag: string, text: string, zone: string): number {
  const withSeconds = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d$/.test(text) ? `${text}:00` : /^\d{4}-\d\d-\d\d$/.test(text) ? `${text} 00:00:00` : text;
  const t = parseIsoLike(withSeconds);
  if (!t || t.length !== withSeconds.length) {
    throw new UsageError(`${flag} '${text}': not a time (use ISO-8601 or 'YYYY-MM-DD HH:MM[:SS]')`);
  }
  return t.offsetMin !== undefined ? t.wallMs - t.offsetMin * 60_000 : wallToUtcMs(t.wallMs, zone);
}

export function parseZoneOption(zone: string): string {
  if (!isValidZone(zone)) throw new UsageError(`--tz '${zone}': unknown time zone (use an IANA name such as Asia/Shanghai or UTC)`);
  return zone;
}

export function parseYearOption(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new UsageError(`--year '${text}': expected four digits, e.g. 2024`);
  return Number(text);
}
