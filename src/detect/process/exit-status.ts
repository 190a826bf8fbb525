/** Linux signal numbers (x86-64, arm64): what an exit status above 128 or a "status=9/KILL" means. */
const SIGNALS = [
  '', 'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGKILL', 'SIGUSR1', 'SIGSEGV',
  'SIGUSR2', 'SIGPIPE', 'SIGALRM', 'SIGTERM', 'SIGSTKFLT', 'SIGCHLD', 'SIGCONT', 'SIGSTOP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU',
  'SIGURG', 'SIGXCPU', 'SIGXFSZ', 'SIGVTALRM', 'SIGPROF', 'SIGWINCH', 'SIGIO', 'SIGPWR', 'SIGSYS',
] as const;

export function signalName(n: number): string | null {
  return Number.isInteger(n) && n > 0 && n < SIGNALS.length ? SIGNALS[n]! : null;
}

/** "SIGKILL", "KILL" or "9" → 9. */
export function signalNumber(name: string): number | null {
  if (/^\d{1,2}$/.test(name)) return signalName(Number(name)) ? Number(name) : null;
  const n = SIGNALS.indexOf((name.startsWith('SIG') ? name : `SIG${name}`) as (typeof SIGNALS)[number]);
  return n > 0 ? n : null;
}

export interface ExitCause {
  /** as a shell or container runtime reports it: the code, or 128 + the signal */
  exitStatus: number;
  signal: string | null;
}

/** A shell-style exit status: 137 = 128 + 9 = SIGKILL, 139 SIGSEGV, 143 SIGTERM, 134 SIGABRT. */
export function decodeExitStatus(exitStatus: number): ExitCause {
  return { exitStatus, signal: exitStatus > 128 && exitStatus < 128 + SIGNALS.length ? signalName(exitStatus - 128) : null };
}

/** A death by signal, as the exit status a shell would report for it. */
export function killedBy(signal: string): ExitCause {
  const n = signalNumber(signal);
  return { exitStatus: n === null ? 128 : 128 + n, signal: n === null ? signal : signalName(n) };
}

/** The finding severity of a death: a kill (SIGKILL: OOM killer, supervisor timeout) is the worst. */
export function deathSeverity(c: ExitCause): 'critical' | 'error' {
  return c.signal === 'SIGKILL' ? 'critical' : 'error';
}

/** "exit status 3", "SIGKILL (exit status 137)". */
export function describeExit(c: ExitCause): string {
  return c.signal ? `${c.signal} (exit status ${c.exitStatus})` : `exit status ${c.exitStatus}`;
}
