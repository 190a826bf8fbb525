import { wallToUtcMs } from './time.js';
import type { Parsed } from '../formats/define.js';

/** Per-run knowledge that places times on the clock: zone, year, and each host's boot time. */
export class RunClock {
  private readonly bootMs = new Map<string, number>();
  /** Zones hosts said they print local times in (culprit collect's manifest); unused under --tz. */
  private readonly hostZones = new Map<string, string>();
  /** The newest time read so far: year-less inputs, read last, take their year from it. */
  latestMs: number | null = null;
  /** Bumped whenever a host's zone is set: readers that cached a host's zone look it up again. */
  zoneVersion = 0;

  constructor(
    readonly zone: string,
    /** true when --tz was given; otherwise local times are read in the machine's zone, with a warning */
    readonly zoneGiven: boolean,
    readonly year: number | null,
  ) {}

  setBootTime(host: string | null, bootMs: number): void {
    const key = host ?? '';
    if (!this.bootMs.has(key)) this.bootMs.set(key, bootMs);
  }

  /** The host's own zone for its zone-less times, unless --tz was given (which wins). */
  setHostZone(host: string | null, zone: string): void {
    if (!this.zoneGiven && !this.hostZones.has(host ?? '')) {
      this.hostZones.set(host ?? '', zone);
      this.zoneVersion++;
    }
  }

  /** The zone a host stated for its zone-less times (culprit collect's manifest), if any. */
  statedZone(host: string | null): string | undefined {
    return this.hostZones.get(host ?? '');
  }

  /** The zone a host's zone-less times are read in. */
  zoneOf(host: string | null): string {
    return this.hostZones.get(host ?? '') ?? this.zone;
  }

  bootTime(host: string | null): number | undefined {
    return this.bootMs.get(host ?? '') ?? (this.bootMs.size === 1 && host === null ? [...this.bootMs.values()][0] : undefined);
  }

  /** UTC ms for a parsed record, or null; `local` tells whether the input's zone was assumed. */
  resolve(p: Parsed, host: string | null): { ms: number | null; local: boolean; relative: boolean } {
    if (p.wallMs !== undefined) {
      if (p.offsetMin !== undefined) return { ms: p.wallMs - p.offsetMin * 60_000, local: false, relative: false };
      const hostZone = this.hostZones.get(host ?? '');
      // `local` tells the zone was assumed: not when the host stated it
      if (hostZone !== undefined) return { ms: wallToUtcMs(p.wallMs, hostZone), local: false, relative: false };
      return { ms: wallToUtcMs(p.wallMs, this.zone), local: true, relative: false };
    }
    if (p.uptimeSec !== undefined) {
      const boot = this.bootTime(host);
      return boot === undefined ? { ms: null, local: false, relative: true } : { ms: Math.round(boot + p.uptimeSec * 1000), local: false, relative: false };
    }
    return { ms: null, local: false, relative: false };
  }
}
