import { closeSync, constants, openSync, readSync } from 'node:fs';
import { redactText } from './redact.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DMESG_T_TIME = /^\[(?:\w{3}) (\w{3}) +(\d{1,2}) (\d\d):(\d\d):(\d\d) (\d{4})\]/;

/** Time of a `dmesg -T` line (its bracket is local time), or null for lines without one. */
export function dmesgTLineMs(line: string): number | null {
  const m = DMESG_T_TIME.exec(line);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]!);
  if (month < 0) return null;
  return new Date(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])).getTime();
}

/**
 * Keeps the `dmesg -T` lines at or after `sinceMs` (portable: older dmesg has no --since). A line
 * without a time follows the decision for the line before it.
 */
export function filterDmesgTSince(text: string, sinceMs: number): string {
  const out: string[] = [];
  let keep = false;
  for (const line of text.split('\n')) {
    const t = dmesgTLineMs(line);
    if (t !== null) keep = t >= sinceMs - 1000; // the printed time is truncated to the second
    if (keep && line !== '') out.push(line);
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

/** One record of /dev/kmsg: `prio,seq,usec,flags;message` (continuation lines start with a space). */
export function kmsgRecordToDmesg(record: string): { usec: number; line: string } | null {
  const semi = record.indexOf(';');
  if (semi < 0) return null;
  const head = record.slice(0, semi).split(',');
  const usec = Number(head[2]);
  if (!Number.isFinite(usec)) return null;
  const message = record.slice(semi + 1).split('\n')[0]!;
  const sec = Math.floor(usec / 1e6);
  const frac = String(usec % 1e6).padStart(6, '0');
  // raw `dmesg` prints the seconds right-aligned in 5 columns
  return { usec, line: `[${String(sec).padStart(5)}.${frac}] ${message}` };
}

/**
 * Reads the kernel ring buffer straight from /dev/kmsg when dmesg is missing or failed: opened
 * non-blocking, so the read ends at the newest record instead of waiting for more. Returns raw
 * `dmesg` text (times are seconds since boot; cmd/uptime-s.txt places them) or the errno.
 */
export function readKmsg(sinceUptimeSec: number, maxBytes: number, path = '/dev/kmsg'): { text: string; truncated: boolean } | { error: string } {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return { error: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
  const lines: string[] = [];
  let bytes = 0;
  let truncated = false;
  const buf = Buffer.alloc(16 * 1024);
  try {
    for (let i = 0; i < 1_000_000; i++) {
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') continue; // records overwritten while reading: go on with the next
        break; // EAGAIN: no more records
      }
      if (n <= 0) break;
      const rec = kmsgRecordToDmesg(buf.toString('utf8', 0, n));
      if (!rec || rec.usec / 1e6 < sinceUptimeSec) continue;
      const line = redactText(rec.line);
      bytes += line.length + 1;
      // keep the newest: drop the oldest lines once over the cap
      lines.push(line);
      while (bytes > maxBytes && lines.length > 1) {
        bytes -= lines.shift()!.length + 1;
        truncated = true;
      }
    }
  } finally {
    closeSync(fd);
  }
  return { text: lines.length > 0 ? `${lines.join('\n')}\n` : '', truncated };
}
