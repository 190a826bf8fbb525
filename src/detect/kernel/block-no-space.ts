import { signature } from '../define.js';

/**
 * BLK_STS_NOSPC: the storage under a block device has no room left to allocate (a thin-provisioned
 * LVM pool or SAN volume, a loop device whose backing file cannot grow):
 * "critical space allocation error, dev loop0, sector 18434 op 0x1:(WRITE) ...". The filesystem on
 * top may look half empty in `df` while its writes are lost.
 */
export const kernelBlockNoSpace = signature({
  name: 'kernel-block-no-space',
  category: 'disk-full',
  software: 'linux-kernel',
  description: 'The storage under a block device is out of space (thin pool, loop file): writes fail below the filesystem',
  formats: '*',
  prefilter: 'critical space allocation error, dev ',
  match: /critical space allocation error, dev ([\w.!/-]{1,32}), sector (\d+)(?: op 0x[0-9a-f]+:\((\w+)\))?/,
  severity: 'critical',
  hit(m) {
    const device = m[1]!;
    return {
      facts: { device, sector: Number(m[2]), op: m[3] ?? null },
      process: 'kernel',
      pid: null,
      key: device,
      title: `storage under block device ${device} is out of space: ${m[3] ?? 'I/O'} requests fail`,
    };
  },
  samples: {
    hit: ['[Sun Nov 22 04:27:15 2026] critical space allocation error, dev loop0, sector 18434 op 0x1:(WRITE) flags 0x0 phys_seg 16 prio class 2'],
    miss: ['[Sun Nov 22 04:27:15 2026] operation not supported error, dev loop0, sector 130944 op 0x9:(WRITE_ZEROES) flags 0x20000800 phys_seg 0 prio class 2'],
  },
});
