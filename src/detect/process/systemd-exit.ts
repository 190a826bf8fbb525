import { signature } from '../define.js';
import { deathSeverity, describeExit, killedBy } from './exit-status.js';

/**
 * systemd's note when a unit's process ends badly (src/core/service.c, "%s: %s exited, code=%s,
 * status=%i/%s"): "app.service: Main process exited, code=killed, status=9/KILL",
 * "code=exited, status=1/FAILURE", "code=dumped, status=11/SEGV". code=exited with status 0 is success.
 */
export const systemdExit = signature({
  name: 'systemd-exit',
  category: 'process-crash',
  software: 'systemd',
  description: 'A systemd unit\'s main or control process exited with failure or on a signal (status decoded)',
  formats: '*',
  prefilter: ' exited, code=',
  match: /^(?:\S+\[\d+\]: )?(\S{1,256}?): (Main|Control) process exited, code=(exited|killed|dumped), status=(\d{1,3})(?:\/(\w{1,16}))?/,
  severity: 'error',
  hit(m, e) {
    const unit = m[1]!;
    const code = m[3]!;
    const status = Number(m[4]);
    if (code === 'exited' && status === 0) return undefined;
    const cause = code === 'exited' ? { exitStatus: status, signal: null } : killedBy(String(status));
    return {
      facts: { unit, role: m[2]!.toLowerCase(), code, status, statusName: m[5] ?? null, exitStatus: cause.exitStatus, signal: cause.signal, coreDumped: code === 'dumped', supervisor: 'systemd' },
      process: unit.replace(/\.service$/, ''),
      pid: e.process === 'systemd' ? null : e.pid,
      key: unit,
      severity: deathSeverity(cause),
      title: `systemd: ${unit} ${m[2]!.toLowerCase()} process ${code === 'exited' ? `exited with ${describeExit(cause)}` : `killed by ${describeExit(cause)}${code === 'dumped' ? ', core dumped' : ''}`}`,
    };
  },
  samples: {
    hit: [
      'Nov 22 04:30:27 app-1 systemd[1]: billing.service: Main process exited, code=killed, status=9/KILL',
      '2026-11-22T04:30:27+0000 app-1 systemd[1]: indexer.service: Main process exited, code=dumped, status=11/SEGV',
      'Nov 22 04:30:27 app-1 systemd[1]: billing.service: Main process exited, code=exited, status=1/FAILURE',
    ],
    miss: ['Nov 22 04:30:27 app-1 systemd[1]: backup.service: Main process exited, code=exited, status=0/SUCCESS'],
  },
});
