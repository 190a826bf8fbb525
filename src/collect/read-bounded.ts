import { closeSync, openSync, promises as fs, readSync } from 'node:fs';

/** Default timeout of one /proc or /sys read. */
export const READ_TIMEOUT_MS = 300;

export interface BoundedRead {
  text: string;
  /** Stopped at maxBytes: the file has more. */
  truncated: boolean;
  /** The read did not finish in time: `text` holds what arrived (often nothing). */
  timedOut: boolean;
  /** errno code (ENOENT, EACCES, ESRCH...) when it could not be read. */
  error?: string;
}

/**
 * Tracks reads abandoned after their timeout. Their libuv thread stays blocked in the kernel (a
 * /proc/PID/cmdline read waits on the process's mm lock), so after a few, further risky reads
 * are skipped instead of starving the thread pool the rest of the capture needs.
 */
export class HangGuard {
  hung = 0;
  constructor(readonly maxHung = 2) {}
  get exhausted(): boolean {
    return this.hung >= this.maxHung;
  }
}

/**
 * Reads at most `maxBytes` of a file, giving up after `timeoutMs`. /proc and /sys files report
 * size 0, so it reads in chunks until EOF instead of trusting stat.
 */
export async function readBounded(path: string, o: { timeoutMs: number; maxBytes: number; guard?: HangGuard }): Promise<BoundedRead> {
  const chunks: Buffer[] = [];
  let total = 0;
  let truncated = false;
  let settled = false;
  const work = (async (): Promise<BoundedRead> => {
    const fh = await fs.open(path, 'r');
    try {
      const chunkBytes = Math.min(64 * 1024, o.maxBytes + 1);
      while (total < o.maxBytes) {
        const buf = Buffer.allocUnsafe(Math.min(chunkBytes, o.maxBytes + 1 - total));
        const { bytesRead } = await fh.read(buf, 0, buf.length, null);
        if (bytesRead === 0) break;
        chunks.push(buf.subarray(0, bytesRead));
        total += bytesRead;
        if (settled) break;
      }
      if (total > o.maxBytes) {
        truncated = true;
        const all = Buffer.concat(chunks).subarray(0, o.maxBytes);
        chunks.length = 0;
        chunks.push(all);
        total = o.maxBytes;
      }
    } finally {
      await fh.close().catch(() => undefined);
    }
    return { text: Buffer.concat(chunks).toString('utf8'), truncated, timedOut: false };
  })().catch((err: NodeJS.ErrnoException): BoundedRead => ({ text: '', truncated: false, timedOut: false, error: err.code ?? err.message }));

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<BoundedRead>((resolve) => {
    timer = setTimeout(() => {
      if (o.guard) {
        const guard = o.guard;
        guard.hung++;
        // the thread is free again once the kernel lets the read finish
        void work.then(() => guard.hung--);
      }
      resolve({ text: Buffer.concat(chunks).toString('utf8'), truncated: true, timedOut: true });
    }, o.timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    settled = true;
    clearTimeout(timer);
  }
}

/**
 * Reads at most `maxBytes` synchronously: for the /proc files that take no lock of the target
 * process (stat, status, limits, cgroup, fd links), where a thread-pool round trip per file
 * would cost more than the read itself (3000 processes: 1136 read in 2.5 s async).
 */
export function readSyncBounded(path: string, maxBytes: number): { text: string; truncated: boolean } | { error: string } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    return { error: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
  try {
    const buf = Buffer.allocUnsafe(Math.min(maxBytes + 1, 64 * 1024));
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= maxBytes) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, maxBytes + 1 - total), null);
      if (n === 0) break;
      chunks.push(Buffer.from(buf.subarray(0, n)));
      total += n;
    }
    const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    return { text: all.toString('utf8', 0, Math.min(total, maxBytes)), truncated: total > maxBytes };
  } catch (err) {
    return { error: (err as NodeJS.ErrnoException).code ?? String(err) };
  } finally {
    closeSync(fd);
  }
}
