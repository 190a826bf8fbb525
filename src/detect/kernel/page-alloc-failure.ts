import { signature } from '../define.js';

/**
 * The kernel could not find `2^order` contiguous free pages for an allocation (mm/page_alloc.c
 * warn_alloc): "java: page allocation failure: order:4, mode:0x40dc0(GFP_KERNEL|__GFP_COMP|__GFP_ZERO),
 * nodemask=(null),cpuset=/,mems_allowed=0". High orders fail on fragmented memory even with free RAM;
 * order 0 failing means the host is truly out of memory. GFP_ATOMIC failures come in bursts from drivers.
 */
export const kernelPageAllocFailure = signature({
  name: 'kernel-page-alloc-failure',
  category: 'memory-pressure',
  software: 'linux-kernel',
  description: 'The kernel failed a page allocation (order, GFP mode and the allocating task as facts)',
  formats: '*',
  prefilter: 'page allocation failure: order:',
  match: /^(?:\[[^\]]{1,40}\] )?(\S.{0,63}?): page allocation failure: order:(\d+), mode:(0x[0-9a-f]+)(?:\(([^)]*)\))?/,
  severity: 'warning',
  hit(m) {
    const process = m[1]!;
    const order = Number(m[2]);
    const gfpFlags = m[4] ?? null;
    return {
      facts: { order, requestBytes: 4096 * 2 ** Math.min(order, 20), gfpMask: m[3]!, gfpFlags, atomic: gfpFlags !== null && gfpFlags.includes('GFP_ATOMIC') },
      process,
      key: `order${order}`,
      // order 0 failing leaves nothing to reclaim: the host is out of memory, not just fragmented
      severity: order === 0 ? 'error' : 'warning',
      title: `kernel page allocation failure for ${process}: order ${order} (${4 * 2 ** Math.min(order, 20)} KiB contiguous)${gfpFlags ? `, ${gfpFlags}` : ''}`,
    };
  },
  samples: {
    hit: [
      '[Sun May 10 15:45:40 2026] java: page allocation failure: order:4, mode:0x40dc0(GFP_KERNEL|__GFP_COMP|__GFP_ZERO), nodemask=(null),cpuset=/,mems_allowed=0',
      'May 10 15:45:40 db-1 kernel: [8812345.123456] kworker/u8:2: page allocation failure: order:0, mode:0xa20(GFP_ATOMIC), nodemask=(null)',
    ],
    miss: [
      // the Mem-Info dump that follows a failure carries no "page allocation failure: order:" text
      '[Sun May 10 15:45:40 2026] Node 0 Normal free:11784kB boost:0kB min:11788kB low:14732kB high:17676kB',
      '2024-03-02 11:04:05,210 [main] INFO  app.Cache - page allocation failure counters reset',
    ],
  },
});
