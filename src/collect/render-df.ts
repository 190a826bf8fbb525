export interface FsUsage {
  source: string;
  mountPoint: string;
  sizeBytes: number;
  usedBytes: number;
  availBytes: number;
}

/** df -h sizes: powers of 1024, rounded up, one decimal below 10. */
export function humanSize(bytes: number): string {
  if (bytes === 0) return '0';
  const units = ['', 'K', 'M', 'G', 'T', 'P', 'E'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  if (i === 0) return String(bytes);
  if (v < 10) {
    const up = Math.ceil(v * 10) / 10;
    return up >= 10 ? `10${units[i]}` : `${up.toFixed(1)}${units[i]}`;
  }
  const up = Math.ceil(v);
  return up >= 1024 && i < units.length - 1 ? `1.0${units[i + 1]}` : `${up}${units[i]}`;
}

/** Renders filesystem usage as `df -h` prints it (coreutils layout). */
export function renderDfH(rows: readonly FsUsage[]): string {
  const cells = rows.map((r) => {
    const denom = r.usedBytes + r.availBytes;
    return [r.source, humanSize(r.sizeBytes), humanSize(r.usedBytes), humanSize(r.availBytes), denom > 0 ? `${Math.ceil((r.usedBytes * 100) / denom)}%` : '-', r.mountPoint];
  });
  const header = ['Filesystem', 'Size', 'Used', 'Avail', 'Use%', 'Mounted on'];
  // coreutils gives the size columns at least 5 characters (4 for Use%)
  const minWidths = [0, 5, 5, 5, 4, 0];
  const widths = header.map((h, i) => Math.max(h.length, minWidths[i]!, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) =>
    [c[0]!.padEnd(widths[0]!), ...c.slice(1, 5).map((x, i) => x.padStart(widths[i + 1]!)), c[5]!].join(' ');
  return `${[header, ...cells].map(line).join('\n')}\n`;
}

/** Mounts worth a statfs: real filesystems, skipping network ones whose statfs can hang. */
export function mountsForDf(mounts: string): { source: string; mountPoint: string; fsType: string }[] {
  const seen = new Map<string, { source: string; mountPoint: string; fsType: string }>();
  for (const line of mounts.split('\n')) {
    const [source, mountPoint, fsType] = line.split(' ');
    if (!source || !mountPoint || !fsType) continue;
    if (/^(?:nfs4?|cifs|smb3|ceph|glusterfs|fuse\.sshfs|9p|afs)$/.test(fsType)) continue;
    const mp = mountPoint.replace(/\\(\d{3})/g, (_, o: string) => String.fromCharCode(Number.parseInt(o, 8)));
    seen.set(mp, { source, mountPoint: mp, fsType });
  }
  return [...seen.values()];
}
