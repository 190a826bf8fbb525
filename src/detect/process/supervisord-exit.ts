import { signature } from '../define.js';
import { deathSeverity, describeExit, killedBy, decodeExitStatus } from './exit-status.js';

export const SUPERVISORD_EXIT = /(?:^|\s)exited: (\S{1,128}) \((?:exit status (\d{1,3})|terminated by (SIG[A-Z0-9]{2,8}|\d{1,2})( \(core dumped\))?); not expected\)/;

/**
 * supervisord's note when a program it runs dies (supervisor/process.py): "exited: NAME (exit status 3;
 * not expected)", "exited: NAME (terminated by SIGKILL; not expected)". An exit the program's
 * `exitcodes` lists ends in "; expected" and is not a crash.
 */
export const supervisordExit = signature({
  name: 'supervisord-exit',
  category: 'process-crash',
  software: 'supervisord',
  description: 'A program run by supervisord died unexpectedly (exit status or signal decoded)',
  formats: '*',
  // formats that read "WARN exited: NAME (...)" as level, logger and message leave "exited:" out of
  // the message: the gate looks at the message's end, the record's text gives the program
  prefilter: '; not expected)',
  match: /; not expected\)/,
  severity: 'error',
  hit(_m, e) {
    const m = SUPERVISORD_EXIT.exec(e.text.length > 1000 ? e.text.slice(0, 1000) : e.text);
    if (!m) return undefined;
    const program = m[1]!;
    const cause = m[2] !== undefined ? decodeExitStatus(Number(m[2])) : killedBy(m[3]!);
    return {
      facts: { program, exitStatus: cause.exitStatus, signal: cause.signal, coreDumped: m[4] !== undefined, supervisor: 'supervisord' },
      process: program,
      pid: null,
      key: program,
      severity: deathSeverity(cause),
      title: `supervisord: ${program} died unexpectedly, ${describeExit(cause)}`,
    };
  },
  samples: {
    hit: [
      // recorded (scripts/record/supervisord.sh)
      '2026-11-22 04:30:27,798 WARN exited: billing-worker (exit status 3; not expected)',
      '2026-11-22 04:30:27,870 WARN exited: thumbnailer (terminated by SIGKILL; not expected)',
    ],
    miss: ['2026-11-22 04:30:27,518 INFO exited: report-once (exit status 0; expected)'],
  },
});
