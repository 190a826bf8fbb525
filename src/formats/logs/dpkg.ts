import { defineFormat, type LineFormat } from '../define.js';

// "2025-06-24 14:36:25 upgrade libsystemd0:amd64 252.36-1~deb12u1 252.38-1~deb12u1" (dpkg's log,
// /var/log/dpkg.log): local time, then an action and its words
const LINE = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d) (startup|status|install|upgrade|remove|purge|configure|trigproc|conffile) (.{1,4096})$/;
// "<package>:<arch> <version> <version>" (install, upgrade, remove, purge, configure, trigproc)
const PACKAGE_ACTION = /^([a-z0-9][a-z0-9+.-]{0,127})(?::([a-z0-9-]{1,32}))? (\S{1,128}) (\S{1,128})$/;
// "status <state> <package>:<arch> <version>"
const STATUS = /^(\S{1,32}) ([a-z0-9][a-z0-9+.-]{0,127})(?::([a-z0-9-]{1,32}))? (\S{1,128})$/;

/**
 * dpkg's own log (/var/log/dpkg.log): what was installed, upgraded, removed or configured, and
 * when (local time). Fields: action, package, arch, and fromVersion/toVersion or state/version.
 * A package change just before an incident is a candidate cause.
 */
export const dpkg = defineFormat<LineFormat>({
  name: 'dpkg',
  description: "dpkg's log: packages installed, upgraded, removed and their status changes",
  producer: 'dpkg',
  shape: 'lines',
  pathHint: /(?:^|\/)dpkg\.log(?:\.\d+)?$/,
  parse(line) {
    if (line.charCodeAt(0) !== 50 /* 2 */ && line.charCodeAt(0) !== 49 /* 1 */) return undefined;
    const m = LINE.exec(line);
    if (!m) return undefined;
    const wallMs = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
    if (Number.isNaN(wallMs)) return undefined;
    const action = m[7]!, rest = m[8]!;
    let fields: Record<string, string | null> = { action };
    if (action === 'status') {
      const s = STATUS.exec(rest);
      if (s) fields = { action, state: s[1]!, package: s[2]!, arch: s[3] ?? null, version: s[4]! };
    } else if (action !== 'startup' && action !== 'conffile') {
      const p = PACKAGE_ACTION.exec(rest);
      // "<none>" is dpkg's word for no version (a fresh install, a removal)
      if (p) fields = { action, package: p[1]!, arch: p[2] ?? null, fromVersion: p[3] === '<none>' ? null : p[3]!, toVersion: p[4] === '<none>' ? null : p[4]! };
    }
    return { wallMs, timeText: line.slice(0, 19), severity: 'info', process: 'dpkg', message: `${action} ${rest}`, fields };
  },
  samples: [
    {
      text: '2025-06-24 14:36:25 upgrade libsystemd0:amd64 252.36-1~deb12u1 252.38-1~deb12u1',
      expect: {
        wallMs: Date.UTC(2025, 5, 24, 14, 36, 25), process: 'dpkg', message: 'upgrade libsystemd0:amd64 252.36-1~deb12u1 252.38-1~deb12u1',
        fields: { action: 'upgrade', package: 'libsystemd0', arch: 'amd64', fromVersion: '252.36-1~deb12u1', toVersion: '252.38-1~deb12u1' },
      },
    },
    {
      text: '2025-06-24 14:36:25 status half-configured libsystemd0:amd64 252.36-1~deb12u1',
      expect: { fields: { action: 'status', state: 'half-configured', package: 'libsystemd0', arch: 'amd64', version: '252.36-1~deb12u1' } },
    },
    { text: '2025-06-24 14:36:25 startup archives unpack', expect: { message: 'startup archives unpack', fields: { action: 'startup' } } },
  ],
});
