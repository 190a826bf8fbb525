import { defineFormat, type Parsed } from '../define.js';
import { finishKernelRecord, parseKernelPrefix } from './kernel-text.js';

// "[ 1234.567890] msg", also with dmesg -d's delta "[ 1234.567890 <    0.000123>]"
const STAMP = /^\[ *(\d{1,10}\.\d{1,9})(?: <[ \d.]{1,20}>)?\](?: |$)/;

/**
 * The raw kernel ring buffer as `dmesg` prints it: seconds since boot. Such times are placed on
 * the clock with the host's boot time (uptime -s, /proc/stat btime, or syslog copies of kernel lines).
 */
export const dmesg = defineFormat({
  name: 'dmesg',
  description: 'kernel ring buffer as raw `dmesg` prints it (also -r, -x, -d): "[ 1234.567890] msg", seconds since boot',
  producer: 'kernel',
  shape: 'lines',
  needsBootTime: true,
  // also /var/log/dmesg, dmesg.0, dmesg.1.gz as Debian and Ubuntu keep them
  pathHint: /(?:^|\/)dmesg(?:-[rxd]+)?(?:\.txt|\.log)?(?:\.\d+)?(?:\.gz)?$/,
  // a record printed over several lines continues with indented lines
  continuation: /^[ \t]+\S/,
  parse(line) {
    const prefix = parseKernelPrefix(line);
    if (!prefix) return undefined;
    const rest = prefix.length === 0 ? line : line.slice(prefix.length);
    if (rest.charCodeAt(0) !== 91) return undefined;
    const m = STAMP.exec(rest);
    if (!m) return undefined;
    const message = rest.slice(m[0].length);
    const out: Parsed = { uptimeSec: +m[1]!, timeText: m[1]!, process: 'kernel', pid: null, message };
    return finishKernelRecord(out, prefix);
  },
  samples: [
    {
      text: '[    0.328492] Run /process_api as init process',
      expect: { uptimeSec: 0.328492, process: 'kernel', message: 'Run /process_api as init process', severity: null },
    },
    {
      text: '[8812345.123456] Out of memory: Killed process 38581 (java) total-vm:74715152kB, anon-rss:46242612kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:91012kB oom_score_adj:0',
      expect: { uptimeSec: 8812345.123456, severity: 'error' },
    },
    {
      text: 'kern  :warn  : [    0.000000] [Firmware Bug]: TSC doesn\'t count with P0 frequency!',
      expect: { uptimeSec: 0, severity: 'warn', message: '[Firmware Bug]: TSC doesn\'t count with P0 frequency!' },
    },
    { text: '<5>[    0.000000] Linux version 6.18.44-fc-v769', expect: { severity: 'notice', process: 'kernel' } },
    {
      text: 'daemon:info  : [   12.345678] systemd[1]: Started Journal Service.',
      expect: { process: 'systemd', pid: 1, severity: 'info', message: 'Started Journal Service.' },
    },
  ],
});
