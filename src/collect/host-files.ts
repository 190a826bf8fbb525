/**
 * Host-wide /proc files copied as they are (cmd/<name>.txt), so a reader sees the kernel's own
 * text: memory, load, vm counters, pressure stall info, system-wide file handles, boot time.
 */
export const HOST_PROC_FILES: readonly { file: string; path: string }[] = [
  { file: 'proc-meminfo.txt', path: 'meminfo' },
  { file: 'proc-loadavg.txt', path: 'loadavg' },
  { file: 'proc-vmstat.txt', path: 'vmstat' },
  { file: 'proc-stat.txt', path: 'stat' },
  { file: 'proc-uptime.txt', path: 'uptime' },
  { file: 'proc-pressure-cpu.txt', path: 'pressure/cpu' },
  { file: 'proc-pressure-memory.txt', path: 'pressure/memory' },
  { file: 'proc-pressure-io.txt', path: 'pressure/io' },
  { file: 'proc-sys-fs-file-nr.txt', path: 'sys/fs/file-nr' },
  // ListenOverflows/ListenDrops: accept queues that overflowed
  { file: 'proc-net-netstat.txt', path: 'net/netstat' },
  { file: 'proc-net-snmp.txt', path: 'net/snmp' },
];

/** `btime` of /proc/stat: the boot time in seconds since the epoch. */
export function bootTimeMsFromStat(statText: string): number | null {
  const m = /^btime (\d+)$/m.exec(statText);
  return m ? Number(m[1]) * 1000 : null;
}

/**
 * The boot time as `uptime -s` computes it: now minus /proc/uptime (btime in /proc/stat is
 * truncated to the second and is the fallback).
 */
export function bootTimeMs(uptimeText: string | undefined, statText: string | undefined, nowMs: number): number | null {
  const up = Number.parseFloat(uptimeText ?? '');
  if (Number.isFinite(up) && up >= 0) return nowMs - up * 1000;
  return bootTimeMsFromStat(statText ?? '');
}

/** What `uptime -s` prints: the boot time as 'YYYY-MM-DD HH:MM:SS' in the local zone. */
export function uptimeSinceText(bootMs: number): string {
  const d = new Date(Math.round(bootMs / 1000) * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}\n`;
}
