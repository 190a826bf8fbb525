/** Renders /proc/meminfo as `free -m` prints it (procps-ng 4: used = total - available). */
export function renderFreeM(meminfo: string): string | null {
  const kb = (key: string): number | null => {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB$`, 'm').exec(meminfo);
    return m ? Number(m[1]) : null;
  };
  const total = kb('MemTotal');
  const free = kb('MemFree');
  if (total === null || free === null) return null;
  const available = kb('MemAvailable') ?? free;
  const buffCache = (kb('Buffers') ?? 0) + (kb('Cached') ?? 0) + (kb('SReclaimable') ?? 0);
  const swapTotal = kb('SwapTotal') ?? 0;
  const swapFree = kb('SwapFree') ?? 0;
  const mib = (v: number) => String(Math.floor(v / 1024)).padStart(11);
  const row = (label: string, cells: number[]) => `${label.padEnd(8)}${cells.map((c) => ` ${mib(c)}`).join('')}`;
  return [
    `${''.padEnd(8)}${['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((h) => ` ${h.padStart(11)}`).join('')}`,
    row('Mem:', [total, total - available, free, kb('Shmem') ?? 0, buffCache, available]),
    row('Swap:', [swapTotal, swapTotal - swapFree, swapFree]),
    '',
  ].join('\n');
}
