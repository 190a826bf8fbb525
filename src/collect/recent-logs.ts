import { promises as fs, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import type { BundleWriter } from './bundle-writer.js';
import type { CollectOptions } from './capture.js';
import { withTimeout, type Deadline } from './deadline.js';
import { readBounded, READ_TIMEOUT_MS, type HangGuard } from './read-bounded.js';
import { redactText } from './redact.js';
import type { CollectNotes } from './notes.js';

export const LOG_LIMITS = {
  /** Files taken at most. */
  maxFiles: 40,
  /** The tail of each file kept. */
  maxBytesPerFile: 4 * 1024 * 1024,
  /** All log files together. */
  maxTotalBytes: 32 * 1024 * 1024,
  maxDepth: 4,
};

export interface RecentLog {
  /** Relative to the log root: written as <host>/logs/<rel>. */
  rel: string;
  path: string;
  mtimeMs: number;
  sizeBytes: number;
}

/** Text logs under `root` modified since `sinceMs`, newest first, bounded in count and depth. */
export async function findRecentLogs(root: string, sinceMs: number, notes: CollectNotes): Promise<RecentLog[]> {
  const found: RecentLog[] = [];
  const walk = async (dir: string, depth: number) => {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (depth === 0) notes.add('logs-unreadable', `${dir}: ${(err as NodeJS.ErrnoException).code}`);
      return;
    }
    for (const e of entries) {
      const full = join(dir, e.name);
      if (e.isDirectory()) {
        // the binary journal is read through journalctl instead
        if (depth < LOG_LIMITS.maxDepth && e.name !== 'journal') await walk(full, depth + 1);
        continue;
      }
      if (!e.isFile() || !isTextLogName(e.name)) continue;
      try {
        const st = await fs.stat(full);
        if (st.mtimeMs >= sinceMs && st.size > 0) found.push({ rel: relative(root, full), path: full, mtimeMs: st.mtimeMs, sizeBytes: st.size });
      } catch {
        // gone or unreadable
      }
    }
  };
  await walk(root, 0);
  found.sort((a, b) => b.mtimeMs - a.mtimeMs);
  if (found.length > LOG_LIMITS.maxFiles) notes.add('logs-skipped', `${found.length - LOG_LIMITS.maxFiles} older log files left out`);
  return found.slice(0, LOG_LIMITS.maxFiles);
}

/** Plain-text log names: *.log, *.out, *.err, syslog, messages, kern.log... (not rotated .gz, not binary). */
export function isTextLogName(name: string): boolean {
  if (/\.(?:gz|xz|bz2|zst|journal|journal~)$/.test(name) || /^(?:lastlog|wtmp|btmp|faillog)$/.test(name)) return false;
  return /\.(?:log|out|err|txt)(?:\.\d+)?$/.test(name) || /^(?:syslog|messages|kern\.log|daemon\.log|auth\.log|secure|dmesg)(?:\.\d+)?$/.test(name);
}

/** The last `maxBytes` of a log, starting at a whole line. */
export async function readLogTail(path: string, sizeBytes: number, maxBytes: number, guard: HangGuard, timeoutMs: number): Promise<{ text: string; truncated: boolean } | null> {
  if (sizeBytes <= maxBytes) {
    const r = await readBounded(path, { timeoutMs, maxBytes, guard });
    return r.error || r.timedOut ? null : { text: r.text, truncated: r.truncated };
  }
  let fh: fs.FileHandle | undefined;
  try {
    fh = await fs.open(path, 'r');
    const buf = Buffer.alloc(maxBytes);
    const { bytesRead } = await fh.read(buf, 0, maxBytes, sizeBytes - maxBytes);
    const text = buf.toString('utf8', 0, bytesRead);
    const nl = text.indexOf('\n');
    return { text: nl >= 0 ? text.slice(nl + 1) : text, truncated: true };
  } catch {
    return null;
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** Adds the tails of recent log files as <host>/logs/<path below the log root>, redacted. */
export async function addRecentLogs(o: CollectOptions, bundle: BundleWriter, notes: CollectNotes, guard: HangGuard, deadline: Deadline): Promise<void> {
  const root = o.logRoot ?? '/var/log';
  const logs = await withTimeout(findRecentLogs(root, Date.now() - o.sinceSec * 1000, notes), deadline.cap(1000), []);
  let total = 0;
  for (const log of logs) {
    if (deadline.passed) {
      notes.add('logs-deadline', `${log.path} and older logs left out: time budget spent`);
      break;
    }
    const room = Math.min(LOG_LIMITS.maxBytesPerFile, LOG_LIMITS.maxTotalBytes - total);
    if (room <= 0) {
      notes.add('logs-skipped', `${log.path}: log byte budget spent`);
      continue;
    }
    const r = await withTimeout(readLogTail(log.path, log.sizeBytes, room, guard, deadline.cap(READ_TIMEOUT_MS * 3)), deadline.cap(1000), null);
    if (!r) {
      notes.add('log-unreadable', log.path);
      continue;
    }
    if (r.truncated) notes.add('log-tail-only', `${log.path}: last ${room} bytes of ${log.sizeBytes}`);
    total += r.text.length;
    bundle.add(`${o.host}/logs/${log.rel}`, redactText(r.text));
  }
}
