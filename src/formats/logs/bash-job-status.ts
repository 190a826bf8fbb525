import { defineFormat, type LineFormat } from '../define.js';

/** bash's words for a death by signal (strsignal, as bash prints job status) and the signal. */
const SIGNALS: Record<string, string> = {
  Killed: 'SIGKILL', 'Segmentation fault': 'SIGSEGV', Aborted: 'SIGABRT', 'Bus error': 'SIGBUS', 'Floating point exception': 'SIGFPE',
  'Illegal instruction': 'SIGILL', Terminated: 'SIGTERM', Hangup: 'SIGHUP', Quit: 'SIGQUIT', 'Trace/breakpoint trap': 'SIGTRAP',
  'User defined signal 1': 'SIGUSR1', 'User defined signal 2': 'SIGUSR2', 'Alarm clock': 'SIGALRM', 'CPU time limit exceeded': 'SIGXCPU',
  'File size limit exceeded': 'SIGXFSZ', 'Bad system call': 'SIGSYS',
};
// "./run.sh: line 14: 21590 Killed                  "$@"": the status is padded to 24 columns, and a
// status that fills them ("Floating point exception") runs into the command; "(core dumped) " follows
// the padding
const LINE = new RegExp(`^(\\S{1,4096}): line (\\d{1,9}): +(\\d{1,10}) (${Object.keys(SIGNALS).map((s) => s.replace(/[/]/g, '\\/')).join('|')}) *(\\(core dumped\\) ?)?(.{0,4096})$`);

/**
 * bash's note on stderr when a foreground command of a script dies on a signal: script, script
 * line, pid, signal (fields.signal as SIGKILL...), core dumped, command. No time: such lines take
 * the file's time only through the other inputs.
 */
export const bashJobStatus = defineFormat<LineFormat>({
  name: 'bash-job-status',
  description: 'bash\'s note that a command of a script died on a signal ("run.sh: line 14: 21590 Killed  cmd")',
  producer: 'bash',
  shape: 'lines',
  parse(line) {
    if (line.indexOf(': line ') < 0) return undefined;
    const m = LINE.exec(line);
    if (!m) return undefined;
    const signal = SIGNALS[m[4]!]!;
    const command = m[6]!.trim();
    return {
      severity: signal === 'SIGTERM' || signal === 'SIGHUP' ? 'warn' : 'error',
      pid: Number(m[3]),
      message: `${command || 'a command'} (pid ${m[3]}) died on ${signal}${m[5] ? ', core dumped' : ''} (${m[1]} line ${m[2]})`,
      fields: { script: m[1]!, scriptLine: Number(m[2]), signal, coreDumped: m[5] !== undefined, command },
    };
  },
  samples: [
    {
      text: '/opt/etl/run-forever.sh: line 14: 21590 Killed                  "$@"',
      expect: {
        severity: 'error', pid: 21590, message: '"$@" (pid 21590) died on SIGKILL (/opt/etl/run-forever.sh line 14)',
        fields: { script: '/opt/etl/run-forever.sh', scriptLine: 14, signal: 'SIGKILL', coreDumped: false, command: '"$@"' },
      },
    },
    {
      text: './run-worker.sh: line 2: 29530 Floating point exceptionsh -c "kill -$sig \\$\\$"',
      expect: { fields: { script: './run-worker.sh', scriptLine: 2, signal: 'SIGFPE', coreDumped: false, command: 'sh -c "kill -$sig \\$\\$"' } },
    },
    { text: 't.sh: line 2: 30056 Segmentation fault      (core dumped) sh -c "kill -SEGV \\$\\$"', expect: { fields: { script: 't.sh', scriptLine: 2, signal: 'SIGSEGV', coreDumped: true, command: 'sh -c "kill -SEGV \\$\\$"' } } },
  ],
});
