import { signature } from '../define.js';
import { formatBytes } from '../units.js';

// mmap(addr, length, ...), mmap2 likewise, mremap(old, old_size, new_size, ...), brk(new_break)
const ARGS = /^(?:(mmap2?)\([^,]{1,40}, (\d{1,20}),|(mremap)\([^,]{1,40}, \d{1,20}, (\d{1,20}),|(brk)\((0x[0-9a-f]{1,16}|NULL)\))/;

/**
 * A memory request refused by the kernel in an strace: mmap/mmap2/mremap/brk "= -1 ENOMEM". With the
 * size asked (mmap's length, mremap's new size) as a fact: the process asked for more than its
 * RLIMIT_AS, its cgroup or the host's overcommit policy would give. The strace format gives syscall
 * and errno.
 */
export const straceEnomem = signature({
  name: 'strace-enomem',
  category: 'memory-pressure',
  software: 'strace',
  description: 'A traced process\'s memory request (mmap, brk, mremap) failed with ENOMEM (size asked as a fact)',
  formats: ['strace'],
  prefilter: 'ENOMEM',
  match: /^(?:mmap2?|mremap|brk)\(/,
  severity: 'warning',
  hit(_m, e) {
    const f = e.fields;
    if (!f || f.errno !== 'ENOMEM' || typeof f.syscall !== 'string') return undefined;
    const a = ARGS.exec(e.message);
    const requestBytes = a ? (a[2] !== undefined ? Number(a[2]) : a[4] !== undefined ? Number(a[4]) : null) : null;
    const pid = e.pid;
    return {
      facts: { syscall: f.syscall, errno: 'ENOMEM', requestBytes, brkAddress: a?.[6] ?? null, tracedPid: pid },
      process: e.process,
      pid,
      key: String(pid),
      title: `${f.syscall}${requestBytes !== null ? ` of ${formatBytes(requestBytes)}` : ''} refused with ENOMEM${pid !== null ? ` for pid ${pid}` : ''} (strace)`,
    };
  },
  samples: {
    hit: ['[pid 10431] 04:09:38.075593 mmap(NULL, 1073741824, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = -1 ENOMEM (Cannot allocate memory) <0.000019>'],
    miss: [
      '[pid 10431] 04:09:38.075593 mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f3c1e2a4000 <0.000019>',
      '[pid 10431] 04:09:38.075601 openat(AT_FDCWD, "/tmp/ENOMEM", O_RDONLY) = -1 ENOENT (No such file or directory) <0.000011>',
    ],
  },
});
