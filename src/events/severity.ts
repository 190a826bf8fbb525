/** One severity scale for every format, lowest first (syslog's eight levels folded with log4j's). */
export const SEVERITIES = ['trace', 'debug', 'info', 'notice', 'warn', 'error', 'critical', 'fatal'] as const;
export type Severity = (typeof SEVERITIES)[number];

const RANK: Record<Severity, number> = { trace: 0, debug: 1, info: 2, notice: 3, warn: 4, error: 5, critical: 6, fatal: 7 };

export function severityRank(s: Severity | null | undefined): number {
  return s ? RANK[s] : -1;
}

export function isAtLeast(s: Severity | null | undefined, floor: Severity): boolean {
  return severityRank(s) >= RANK[floor];
}

const WORDS: Record<string, Severity> = {
  trace: 'trace', finest: 'trace', finer: 'trace',
  debug: 'debug', dbug: 'debug', dbg: 'debug', fine: 'debug', verbose: 'debug', d: 'debug', v: 'debug',
  info: 'info', information: 'info', informational: 'info', i: 'info', log: 'info', config: 'info',
  notice: 'notice', n: 'notice', statement: 'info', detail: 'info', hint: 'info', context: 'info',
  warn: 'warn', warning: 'warn', w: 'warn',
  err: 'error', error: 'error', e: 'error', severe: 'error', eror: 'error',
  crit: 'critical', critical: 'critical', alert: 'critical', c: 'critical',
  fatal: 'fatal', emerg: 'fatal', emergency: 'fatal', panic: 'fatal', f: 'fatal', dpanic: 'critical',
};

// the same words upper-cased and capitalised, so the hot path needs no toLowerCase()
const WORD_MAP = new Map<string, Severity>();
for (const [w, s] of Object.entries(WORDS)) {
  WORD_MAP.set(w, s);
  WORD_MAP.set(w.toUpperCase(), s);
  WORD_MAP.set(w[0]!.toUpperCase() + w.slice(1), s);
}

/** Maps a level word as software prints it (WARN, Warning, E, err, panic...) to the one scale. */
export function severityFromWord(word: string | undefined): Severity | null {
  if (!word) return null;
  // lines of one log mostly share their level word: comparing with the last one skips the hashing
  if (word === lastWord) return lastSeverity;
  const s = WORD_MAP.get(word) ?? WORD_MAP.get(word.toLowerCase()) ?? null;
  lastWord = word;
  lastSeverity = s;
  return s;
}

let lastWord = '';
let lastSeverity: Severity | null = null;

/** syslog priority number 0..7 (emerg..debug) */
export function severityFromSyslog(n: number): Severity {
  return (['fatal', 'critical', 'critical', 'error', 'warn', 'notice', 'info', 'debug'] as const)[n & 7]!;
}
