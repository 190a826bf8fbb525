import { signature } from '../define.js';

/**
 * The whole host ran out of file handles (fs/file_table.c): "VFS: file-max limit 65536 reached".
 * Every process's open()/socket()/accept() then fails with ENFILE, whatever its own RLIMIT_NOFILE.
 */
export const kernelFileMax = signature({
  name: 'kernel-file-max',
  category: 'fd-exhaustion',
  software: 'linux-kernel',
  description: 'The host reached fs.file-max: every new open fails with ENFILE (the limit as a fact)',
  formats: '*',
  prefilter: 'file-max limit',
  match: /VFS: file-max limit (\d+) reached/,
  severity: 'critical',
  hit(m) {
    const fileMax = Number(m[1]);
    return {
      facts: { fileMax },
      process: 'kernel',
      pid: null,
      key: 'file-max',
      title: `host reached its file-max limit of ${fileMax} open files (ENFILE for every process)`,
    };
  },
  // printk_ratelimited: a long exhaustion shows as a series of these
  mergeGapMs: 5 * 60_000,
  samples: {
    hit: ['[Sun May 10 15:47:41 2026] VFS: file-max limit 65536 reached'],
    miss: ['2024-03-02 11:04:05,210 [main] INFO  app.Boot - file-max limit is 9223372036854775807, fine'],
  },
});
