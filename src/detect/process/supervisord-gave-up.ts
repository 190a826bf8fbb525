import { signature } from '../define.js';

/**
 * supervisord stops restarting a program that keeps dying before `startsecs`: "gave up: NAME entered
 * FATAL state, too many start retries too quickly". The program is now down for good.
 */
export const supervisordGaveUp = signature({
  name: 'supervisord-gave-up',
  category: 'crash-loop',
  software: 'supervisord',
  description: 'supervisord gave up restarting a program that kept dying at start (FATAL state)',
  formats: '*',
  prefilter: 'entered FATAL state',
  match: /entered FATAL state, too many start retries too quickly/,
  severity: 'critical',
  hit(_m, e) {
    // "gave up:" may have been read as a logger name: the record's text has it
    const m = /gave up: (\S{1,128}) entered FATAL state/.exec(e.text.length > 1000 ? e.text.slice(0, 1000) : e.text);
    if (!m) return undefined;
    const program = m[1]!;
    return {
      facts: { program, state: 'FATAL', supervisor: 'supervisord' },
      process: program,
      pid: null,
      key: program,
      title: `supervisord gave up on ${program}: it kept dying at start and is now down (FATAL)`,
    };
  },
  samples: {
    hit: ['2026-11-22 04:30:29,478 INFO gave up: migrator entered FATAL state, too many start retries too quickly'],
    miss: ['2026-11-22 04:30:27,319 INFO success: billing-worker entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)'],
  },
});
