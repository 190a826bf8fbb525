import { signature } from '../define.js';

/** Results whose cause the exit line does not tell (exit-code and signal repeat systemd-exit). */
const RESULTS: Record<string, string> = {
  'oom-kill': 'its processes were OOM-killed',
  'core-dump': 'it dumped core',
  watchdog: 'it stopped pinging the watchdog',
  timeout: 'it timed out',
};

/**
 * systemd's verdict on a unit that failed (src/core/service.c "%s: Failed with result '%s'."):
 * 'oom-kill' (the kernel or systemd-oomd killed a process of the unit), 'watchdog', 'core-dump',
 * 'timeout'. Filed as process-crash: the unit is down; a kernel OOM kill, when the bundle has one,
 * is its own finding and the cause of this one.
 */
export const systemdUnitFailed = signature({
  name: 'systemd-unit-failed',
  category: 'process-crash',
  software: 'systemd',
  description: 'A systemd unit failed with result oom-kill, watchdog, core-dump or timeout',
  formats: '*',
  prefilter: ': Failed with result \'',
  match: /^(?:\S+\[\d+\]: )?(\S{1,256}?): Failed with result '([a-z-]{1,32})'/,
  severity: 'error',
  hit(m) {
    const unit = m[1]!;
    const result = m[2]!;
    const why = RESULTS[result];
    if (!why) return undefined;
    return {
      facts: { unit, result, oomKilled: result === 'oom-kill', supervisor: 'systemd' },
      process: unit.replace(/\.service$/, ''),
      pid: null,
      key: unit,
      severity: result === 'oom-kill' ? 'critical' : 'error',
      title: `systemd: ${unit} failed with result '${result}' (${why})`,
    };
  },
  samples: {
    hit: ["Nov 22 04:30:27 app-1 systemd[1]: report.service: Failed with result 'oom-kill'."],
    miss: ["Nov 22 04:30:27 app-1 systemd[1]: report.service: Failed with result 'exit-code'."],
  },
});
