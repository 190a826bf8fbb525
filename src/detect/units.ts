/** Size and duration helpers for detectors' facts (the unit goes in the fact's name). */
export const KIB = 1024;

export function kibToBytes(kb: string | number | undefined): number | null {
  if (kb === undefined || kb === '') return null;
  const n = Number(kb);
  return Number.isFinite(n) ? n * KIB : null;
}

/** Pages (4 KiB on x86-64, as the kernel's OOM task table counts rss) to bytes. */
export function pagesToBytes(pages: string | number | undefined, pageBytes = 4096): number | null {
  if (pages === undefined || pages === '') return null;
  const n = Number(pages);
  return Number.isFinite(n) ? n * pageBytes : null;
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '?';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v >= 100 || u === 0 ? v.toFixed(0) : v.toFixed(1)} ${units[u]}`;
}
