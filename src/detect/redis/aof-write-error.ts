import { signature } from '../define.js';

/**
 * Redis could not append to its AOF (aof.c flushAppendOnlyFile, 6.x-7.x wordings): "Error writing to the
 * AOF file: <strerror>" (write returned -1) or "Short write while writing to the AOF file: (nwritten=N,
 * expected=M)" (the filesystem took part of it: full, or over quota). Redis then refuses writes with
 * "-MISCONF Errors writing to the AOF file". A short write says nothing of the reason, so only an
 * ENOSPC/EDQUOT wording, or a short write, counts as a full disk; other errors (EIO) are not this.
 */
export const redisAofWriteError = signature({
  name: 'redis-aof-write-error',
  category: 'disk-full',
  software: 'redis',
  description: 'Redis failed to write its append-only file (ENOSPC / short write): it stops accepting writes (MISCONF)',
  formats: ['redis-server'],
  prefilter: ['writing to the AOF file'],
  match: /^(?:Error writing to the AOF file: (No space left on device|Disk quota exceeded)|Short write while writing to the AOF file: \(nwritten=(-?\d{1,19}), expected=(\d{1,19})\))/,
  severity: 'error',
  hit(m) {
    const short = m[2] !== undefined;
    return {
      facts: {
        error: short ? 'short write' : m[1]!,
        writtenBytes: short ? Number(m[2]) : null,
        expectedBytes: short ? Number(m[3]) : null,
      },
      process: 'redis-server',
      key: 'aof',
      title: short ? `redis-server short write to its AOF (${m[2]} of ${m[3]} bytes): the filesystem is full` : `redis-server could not write its AOF: ${m[1]}`,
    };
  },
  samples: {
    hit: [
      // recorded: lab disk-full-spool (Redis 7.0.15, AOF on a full tmpfs)
      '1235:M 22 Nov 2026 05:31:49.203 # Short write while writing to the AOF file: (nwritten=224, expected=581)',
      // the same call when write() returned -1 (format string in redis-server 7.0, strerror(ENOSPC))
      '1235:M 22 Nov 2026 05:31:50.204 # Error writing to the AOF file: No space left on device',
    ],
    miss: [
      '1235:M 22 Nov 2026 05:32:01.118 * AOF write error looks solved, Redis can write again.',
      '1235:M 22 Nov 2026 05:31:50.204 # Error writing to the AOF file: Input/output error',
    ],
  },
});
