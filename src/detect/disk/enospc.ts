import { signature } from '../define.js';

// the file the write was for, where the message names one: dd "error writing '/x': ...", Go "write /x: ...",
// Java "(No space left on device)" after a path, PostgreSQL 'could not extend file "base/16384/16385": ...'
const PATH = /(?:'(\/[^']{1,300})'|"([^"]{1,300})"|(?:write|open|mkdir|create|rename) (\/\S{1,300}?)|(\/[^\s:'"]{1,300}))(?::| \()[^:]{0,40}[Nn]o space left on device/;

/**
 * ENOSPC in any log: "No space left on device" (strerror, glibc), "no space left on device" (Go's
 * syscall.Errno text), also strace's "= -1 ENOSPC (No space left on device)". A write failed because
 * the filesystem (or its inodes, or a quota's EDQUOT look-alike) is exhausted.
 */
export const diskEnospc = signature({
  name: 'disk-enospc',
  category: 'disk-full',
  software: 'any',
  description: 'A write failed with ENOSPC: "No space left on device" (the file, where named, as a fact)',
  formats: '*',
  prefilter: ['No space left on device', 'no space left on device'],
  match: /[Nn]o space left on device/,
  severity: 'error',
  hit(_m, e) {
    const msg = e.message.length > 2000 ? e.message.slice(0, 2000) : e.message;
    const p = PATH.exec(msg);
    const file = p ? (p[1] ?? p[2] ?? p[3] ?? p[4])! : null;
    const who = e.process ?? 'a process';
    return {
      facts: { errno: 'ENOSPC', file },
      title: `${who} could not write${file ? ` ${file}` : ''}: no space left on device`,
    };
  },
  samples: {
    hit: [
      // recorded (scripts/record/kernel-faults.sh): dd filling a 4 MiB tmpfs
      "dd: error writing '/var/spool/app/fill.bin': No space left on device",
      '2026-11-22 04:30:27,798 ERROR [writer-1] app.Spool - write failed: java.io.IOException: No space left on device',
      '2026-11-22 04:30:27.798 UTC [4242] ERROR:  could not extend file "base/16384/16385": No space left on device',
    ],
    miss: ['2026-11-22 04:30:27,798 INFO  [main] app.Spool - free space check ok: space left on device /data is 40 GiB'],
  },
});
