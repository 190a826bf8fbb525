import { signature } from '../define.js';
import { formatBytes, kibToBytes } from '../units.js';

/**
 * The kernel's verdict line after an OOM kill, global or in a memory cgroup:
 *   "Out of memory: Killed process 38581 (java) total-vm:..kB, anon-rss:..kB, file-rss:..kB, shmem-rss:..kB, UID:.. pgtables:..kB oom_score_adj:0"
 *   "Memory cgroup out of memory: Killed process 4242 (python3) total-vm:..."
 *   older kernels: "Out of memory: Kill process 1234 (java) score 900 or sacrifice child" + "Killed process 1234 (java) total-vm:..."
 */
export const kernelOomKill = signature({
  name: 'kernel-oom-kill',
  category: 'oom-kill',
  software: 'linux-kernel',
  description: 'The kernel OOM killer (global or memory cgroup) killed a process; victim, sizes and constraint as facts',
  formats: '*',
  prefilter: 'Killed process',
  match: /(?:(Memory cgroup out of memory)|Out of memory(?: \(oom_kill_allocating_task\))?)?:? ?Killed process (\d+) \(([^)]*)\)(?: total-vm:(\d+)kB, anon-rss:(\d+)kB, file-rss:(\d+)kB, shmem-rss:(\d+)kB)?(?:.*?oom_score_adj:(-?\d+))?/,
  severity: 'critical',
  hit(m, e) {
    const pid = Number(m[2]);
    const process = m[3]!;
    const anonRssBytes = kibToBytes(m[5]);
    const facts = {
      victimPid: pid,
      victim: process,
      scope: m[1] ? 'cgroup' : 'global',
      totalVmBytes: kibToBytes(m[4]),
      anonRssBytes,
      fileRssBytes: kibToBytes(m[6]),
      shmemRssBytes: kibToBytes(m[7]),
      oomScoreAdj: m[8] !== undefined ? Number(m[8]) : null,
    };
    const size = anonRssBytes !== null ? `, anon-rss ${formatBytes(anonRssBytes)}` : '';
    return {
      facts,
      process,
      pid,
      key: String(pid),
      title: `kernel OOM killer killed ${process} (pid ${pid})${size}${m[1] ? ' in a memory cgroup' : ''}`,
    };
  },
  mergeGapMs: 10_000,
  samples: {
    hit: [
      '[Sun May 10 15:45:40 2026] Out of memory: Killed process 38581 (batch-sim) total-vm:72960108kB, anon-rss:46240644kB, file-rss:0kB, shmem-rss:0kB, UID:1001 pgtables:91260kB oom_score_adj:0',
      'May 10 15:45:40 db-1 kernel: [8812345.123456] Memory cgroup out of memory: Killed process 4242 (python3) total-vm:1048576kB, anon-rss:524288kB, file-rss:1024kB, shmem-rss:0kB, UID:0 pgtables:1100kB oom_score_adj:0',
    ],
    miss: [
      '[Sun May 10 15:45:40 2026] batch-sim invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0',
      '2024-03-02 11:04:05,210 [main] INFO  app.Reaper - Killed processes are restarted by the supervisor',
    ],
  },
});
