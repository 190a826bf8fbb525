import { defineFormat, type DocumentFormat } from '../define.js';
import { record } from './table.js';

// "4234.65 2892.93": seconds since boot, and idle seconds summed over all CPUs
const UPTIME = /^(\d{1,12}\.\d\d) (\d{1,14}\.\d\d)\s*$/;

/** /proc/uptime: one host record with uptimeSeconds and idleSeconds (summed over CPUs). */
export const procUptime = defineFormat<DocumentFormat>({
  name: 'proc-uptime',
  description: '/proc/uptime: seconds since boot and idle CPU seconds',
  producer: 'kernel',
  shape: 'document',
  pathHint: /(?:^|\/)proc-uptime(?:\.txt)?$/,
  recognize: (head) => (UPTIME.test(head) ? 0.9 : 0),
  parse(text) {
    const m = UPTIME.exec(text);
    if (!m) return { records: [], warnings: ['not /proc/uptime (one "UPTIME IDLE" line)'] };
    const uptimeSeconds = +m[1]!;
    const days = Math.floor(uptimeSeconds / 86400);
    const hours = Math.floor((uptimeSeconds % 86400) / 3600);
    const minutes = Math.floor((uptimeSeconds % 3600) / 60);
    const up = days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
    return { records: [record(1, m[0].trimEnd(), `up ${up}`, { uptimeSeconds, idleSeconds: +m[2]! })] };
  },
  samples: [{ text: '4234.65 2892.93\n', expect: { fields: { uptimeSeconds: 4234.65, idleSeconds: 2892.93 } } }],
});
