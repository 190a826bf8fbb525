import { defineFormat } from '../define.js';

// the whole output is one line: when the system booted, in the host's local time
const BOOTED = /^\s*(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\s*$/;

/**
 * `uptime -s` (procps): the boot time, local wall clock. Its record carries `fields.bootWallMs` so
 * the run can place the host's raw kernel times (seconds since boot) on the clock.
 */
export const uptimeS = defineFormat({
  name: 'uptime-s',
  description: '`uptime -s` (procps): the local time the host booted; anchors raw dmesg times',
  producer: 'procps',
  shape: 'document',
  pathHint: /(?:^|\/)uptime-s(?:\.txt)?$/,
  recognize: (head) => (BOOTED.test(head) ? 0.9 : 0),
  parse(text) {
    const m = BOOTED.exec(text);
    if (!m) return { records: [], warnings: ['not the output of `uptime -s` (one "YYYY-MM-DD HH:MM:SS" line)'] };
    const wallMs = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
    if (Number.isNaN(wallMs)) return { records: [] };
    const stamp = `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}`;
    const line = text.slice(0, text.indexOf(stamp)).split('\n').length;
    return {
      records: [{ line, text: stamp, wallMs, timeText: stamp, severity: 'info', message: `host booted at ${stamp} (uptime -s)`, fields: { bootWallMs: wallMs } }],
    };
  },
  samples: [
    {
      text: '2026-11-22 03:49:44\n',
      expect: { wallMs: Date.UTC(2026, 10, 22, 3, 49, 44), timeText: '2026-11-22 03:49:44', fields: { bootWallMs: Date.UTC(2026, 10, 22, 3, 49, 44) } },
    },
  ],
});
