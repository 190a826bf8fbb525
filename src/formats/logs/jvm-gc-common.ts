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

const JVM_TIME_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22, 24, 25, 26, 27];

/**
 * The JVM's own time stamp, "2024-03-02T11:04:05.123+0800" (unified `time` decoration and JDK 8
 * -XX:+PrintGCDateStamps), read by hand at `from`: it starts every line of these logs. Undefined
 * when the text is not exactly that layout (callers fall back to the general ISO reader).
 */
export function jvmTimeAt(s: string, from: number): { wallMs: number; offsetMin: number } | undefined {
  if (s.length < from + 28) return undefined;
  const d = (i: number) => s.charCodeAt(from + i) - 48;
  for (const i of JVM_TIME_DIGITS) {
    const v = d(i);
    if (v < 0 || v > 9) return undefined;
  }
  if (s.charCodeAt(from + 4) !== 45 || s.charCodeAt(from + 7) !== 45 || s.charCodeAt(from + 10) !== 84 || s.charCodeAt(from + 13) !== 58
    || s.charCodeAt(from + 16) !== 58 || s.charCodeAt(from + 19) !== 46) return undefined;
  const sign = s.charCodeAt(from + 23);
  if (sign !== 43 && sign !== 45) return undefined;
  const two = (i: number) => d(i) * 10 + d(i + 1);
  const wallMs = Date.UTC(two(0) * 100 + two(2), two(5) - 1, two(8), two(11), two(14), two(17), d(20) * 100 + two(21));
  if (Number.isNaN(wallMs)) return undefined;
  const off = two(24) * 60 + two(26);
  return { wallMs, offsetMin: sign === 45 ? -off : off };
}

/** End of the run of ASCII digits starting at `from`. */
export function digitsEnd(s: string, from: number): number {
  let i = from;
  for (let c = s.charCodeAt(i); c >= 48 && c <= 57; c = s.charCodeAt(++i));
  return i;
}
