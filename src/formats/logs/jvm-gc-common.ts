/** Size tokens of JVM GC logs ("24M", "306688K", "204.0M", "0.0B") to bytes; shared by both GC log formats. */
export function gcSizeToBytes(value: string, unit: string): number {
  const v = Number(value);
  switch (unit) {
    case 'B': return Math.round(v);
    case 'K': return Math.round(v * 1024);
    case 'M': return Math.round(v * 1048576);
    case 'G': return Math.round(v * 1073741824);
    case 'T': return Math.round(v * 1099511627776);
    default: return Number.NaN;
  }
}

/**
 * The collector a cause or pause type names, when it names one. Unified logging prints the
 * collector only once at start-up ("Using G1"), so single pause lines are read by their wording.
 */
export function collectorFromCause(cause: string | null | undefined): string | null {
  if (!cause) return null;
  if (cause.startsWith('G1 ')) return 'G1';
  return null;
}

/** "Using G1", "Using Parallel", "Using The Z Garbage Collector" (unified start-up line) to a short name. */
export function collectorFromUsing(name: string): string {
  switch (name) {
    case 'The Z Garbage Collector': return 'ZGC';
    case 'Concurrent Mark Sweep': return 'CMS';
    default: return name;
  }
}

// JDK 8 -XX:+PrintGCApplicationStoppedTime, and unified [safepoint] in JDK 9-16.
const STOPPED = /^Total time for which application threads were stopped: (\d+(?:\.\d+)?) seconds(?:, Stopping threads took: (\d+(?:\.\d+)?) seconds)?/;

/** "Total time for which application threads were stopped: 1.234 seconds, Stopping threads took: ..." */
export function stoppedTimeFields(message: string): { kind: 'safepoint'; stoppedMs: number; reachMs: number | null } | undefined {
  if (message.charCodeAt(0) !== 84) return undefined; // T
  const m = STOPPED.exec(message);
  if (!m) return undefined;
  return { kind: 'safepoint', stoppedMs: secToMs(m[1]!), reachMs: m[2] === undefined ? null : secToMs(m[2]) };
}

/** Seconds as printed ("0.0458123") to ms, keeping microseconds. */
export function secToMs(sec: string): number {
  return Math.round(Number(sec) * 1e6) / 1e3;
}
