import { promises as fs, readFileSync } from 'node:fs';
import type { BundleWriter } from './bundle-writer.js';
import type { CollectOptions } from './capture.js';
import type { ToolCommand } from './commands.js';
import { withTimeout, type Deadline } from './deadline.js';
import { readKmsg } from './kernel-log.js';
import type { CollectNotes } from './notes.js';
import { readBounded, READ_TIMEOUT_MS, type HangGuard } from './read-bounded.js';
import { mountsForDf, renderDfH, type FsUsage } from './render-df.js';
import { renderFreeM } from './render-free.js';
import type { RoundResult } from './round.js';
import { renderSsTanp } from './ss-table.js';

export interface FallbackContext {
  o: CollectOptions;
  procRoot: string;
  round: RoundResult;
  bundle: BundleWriter;
  notes: CollectNotes;
  cmd: (file: string) => string;
  deadline: Deadline;
  guard: HangGuard;
}

/** Writes, from /proc and /sys, what a missing or failed command would have printed. */
export async function writeFallback(c: ToolCommand, f: FallbackContext): Promise<void> {
  switch (c.fallback) {
    case 'kmsg': {
      let uptimeSec = 0;
      try {
        uptimeSec = Number(readFileSync(`${f.procRoot}/uptime`, 'utf8').split(' ')[0]);
      } catch {
        // keep the whole buffer
      }
      const r = readKmsg(Math.max(0, uptimeSec - f.o.sinceSec), c.maxBytes);
      if ('error' in r) f.notes.add('kernel-log-unreadable', `dmesg and /dev/kmsg: ${r.error} (dmesg_restrict needs CAP_SYSLOG)`);
      else {
        if (r.truncated) f.notes.add('kernel-log-truncated', 'oldest kernel lines dropped past the byte cap');
        f.bundle.add(f.cmd('dmesg.txt'), r.text);
      }
      return;
    }
    case 'ss-from-proc':
      f.bundle.add(f.cmd(c.file), renderSsTanp(f.round.sockets, f.round.owners));
      f.notes.add('ss-from-proc', 'ss-tanp.txt rendered from /proc/net/tcp{,6}: LISTEN Send-Q (the backlog) is not in /proc and shows 0');
      return;
    case 'free-from-meminfo': {
      const r = await readBounded(`${f.procRoot}/meminfo`, { timeoutMs: READ_TIMEOUT_MS, maxBytes: 64 * 1024, guard: f.guard });
      const text = r.error ? null : renderFreeM(r.text);
      if (text) f.bundle.add(f.cmd(c.file), text);
      return;
    }
    case 'df-from-statfs': {
      const mounts = await readBounded(`${f.procRoot}/self/mounts`, { timeoutMs: READ_TIMEOUT_MS, maxBytes: 1024 * 1024, guard: f.guard });
      const rows: FsUsage[] = [];
      for (const m of mountsForDf(mounts.text)) {
        if (f.deadline.passed) {
          f.notes.add('df-deadline', 'time budget spent before every filesystem was measured');
          break;
        }
        const st = await withTimeout(fs.statfs(m.mountPoint).catch(() => null), f.deadline.cap(READ_TIMEOUT_MS), null);
        // df leaves out filesystems without blocks (proc, sysfs, cgroup...)
        if (!st || st.blocks === 0) continue;
        const size = st.blocks * st.bsize;
        rows.push({ source: m.source, mountPoint: m.mountPoint, sizeBytes: size, usedBytes: (st.blocks - st.bfree) * st.bsize, availBytes: st.bavail * st.bsize });
      }
      f.bundle.add(f.cmd(c.file), renderDfH(rows));
      return;
    }
    default:
      return;
  }
}
