import { signature, type Hit } from '../define.js';

// 5.x+ block layer: "<status> error, dev sda, sector 123 op 0x1:(WRITE) flags 0x0 phys_seg 1 prio class 2";
// 4.x: "blk_update_request: I/O error, dev sda, sector 123"; statuses that mean the device failed
const BLOCK = /(I\/O|critical medium|critical target|critical nexus|recoverable transport|timeout|protection|DMA|critical space allocation) error, dev ([\w.!/-]{1,32}), sector (\d+)(?: op 0x[0-9a-f]+:\((\w+)\))?/;
// fs/buffer.c: "Buffer I/O error on dev sda1, logical block 260, lost async page write" (older: "on device")
const BUFFER = /Buffer I\/O error on dev(?:ice)? ([\w.!/-]{1,32}), logical block (\d+)(, lost (?:async )?page write)?/;

/**
 * A block device failed requests: the block layer's per-request error and the page cache's "Buffer I/O
 * error" (lost writes). The contract has no storage-fault category; disk-full is for a full filesystem
 * (ENOSPC), which an operator would chase with df, so these are filed as process-stall: the processes
 * using the device wait on retries (D state, hung tasks) and then fail. "critical space allocation
 * error" (a thin pool or a loop file that cannot grow) is the one status that means full, and is left
 * to kernel-block-no-space. A category such as `disk-io-error` would fit better (see the report).
 */
export const kernelBlockIoError = signature({
  name: 'kernel-block-io-error',
  category: 'process-stall',
  software: 'linux-kernel',
  description: 'A block device failed I/O requests (device, sector, operation; buffer writes lost)',
  formats: '*',
  prefilter: [' error, dev ', 'Buffer I/O error on dev'],
  match: /error, dev |Buffer I\/O error on dev/,
  severity: 'error',
  hit(_m, e): Omit<Hit, 'event'> | undefined {
    const b = BLOCK.exec(e.message);
    if (b) {
      if (b[1] === 'critical space allocation') return undefined;
      const device = b[2]!;
      const op = b[4] ?? null;
      return {
        facts: { device, status: `${b[1]} error`, sector: Number(b[3]), op },
        process: 'kernel',
        pid: null,
        key: device,
        title: `${b[1]} errors on block device ${device}${op ? ` (${op})` : ''}, first at sector ${b[3]}`,
      };
    }
    const u = BUFFER.exec(e.message);
    if (!u) return undefined;
    const device = u[1]!;
    return {
      facts: { device, status: 'Buffer I/O error', logicalBlock: Number(u[2]), lostWrite: u[3] !== undefined },
      process: 'kernel',
      pid: null,
      key: device,
      title: `I/O errors on block device ${device}${u[3] ? ': page writes lost' : ''}, logical block ${u[2]}`,
    };
  },
  samples: {
    hit: [
      'May 10 15:47:41 db-1 kernel: [8812466.010203] blk_update_request: I/O error, dev sdb, sector 2048 op 0x0:(READ) flags 0x0 phys_seg 1 prio class 0',
      '[Sun May 10 15:47:41 2026] I/O error, dev nvme0n1, sector 1953520 op 0x1:(WRITE) flags 0x800 phys_seg 4 prio class 2',
      // recorded (scripts/record/kernel-faults.sh)
      '[Sun Nov 22 04:27:15 2026] Buffer I/O error on dev loop0, logical block 260, lost async page write',
    ],
    miss: [
      // mkfs asks a loop device for WRITE_ZEROES it cannot do: harmless, recorded on this machine
      '[Sun Nov 22 04:27:15 2026] operation not supported error, dev loop0, sector 130944 op 0x9:(WRITE_ZEROES) flags 0x20000800 phys_seg 0 prio class 2',
      '2024-03-02 11:04:05,210 [main] INFO  app.Disk - no I/O error, dev sdb looks healthy',
    ],
  },
});
