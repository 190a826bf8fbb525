import { signature } from '../define.js';
import { deathSeverity, describeExit, killedBy } from './exit-status.js';

/**
 * strace's last word on a traced process that a signal killed: "+++ killed by SIGKILL +++"
 * ("(core dumped)" for SIGSEGV/SIGABRT with cores on). The strace format gives kind 'killed',
 * signal and coreDumped; the line carries the pid (-f) but no command name.
 */
export const straceKilled = signature({
  name: 'strace-killed',
  category: 'process-crash',
  software: 'strace',
  description: 'A traced process was killed by a signal (strace "+++ killed by SIG... +++"; signal and exit status)',
  formats: ['strace'],
  prefilter: '+++ killed by ',
  match: /^\+\+\+ killed by (SIG[A-Z0-9]+)( \(core dumped\))? \+\+\+$/,
  severity: 'error',
  hit(m, e) {
    const cause = killedBy(m[1]!);
    const pid = e.pid;
    return {
      facts: { signal: cause.signal, exitStatus: cause.exitStatus, coreDumped: m[2] !== undefined, tracedPid: pid },
      process: e.process,
      pid,
      key: String(pid),
      severity: deathSeverity(cause),
      title: `traced process${pid !== null ? ` ${pid}` : ''} killed by ${describeExit(cause)} (strace)`,
    };
  },
  samples: {
    hit: ['10436 1795320578.305894 +++ killed by SIGKILL +++'],
    miss: ['[pid 10431] 04:09:38.076046 +++ exited with 0 +++'],
  },
});
