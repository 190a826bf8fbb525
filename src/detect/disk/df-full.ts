import { signature, type Hit } from '../define.js';
import { formatBytes } from '../units.js';

/** At or above this use%, a filesystem is about to fill; at 100 % writes fail. */
const WARN_PERCENT = 95;
/** Read-only images (snap packages, ISOs) are always full by design. */
const IMAGE_TYPES = new Set(['squashfs', 'iso9660', 'udf', 'erofs', 'cramfs']);

/**
 * A `df` snapshot (df-h format: usePercent or inodesUsePercent, sizes in bytes, mountedOn) with a
 * filesystem at or above 95 % of its blocks or inodes: warning, and critical at 100 %.
 */
export const dfFull = signature({
  name: 'df-full',
  category: 'disk-full',
  software: 'coreutils',
  description: 'A filesystem at >= 95 % (warning) or 100 % (critical) of its space or inodes in a `df` snapshot',
  formats: ['df-h'],
  prefilter: '% used',
  match: /(?:^|: |inodes )(\d{1,3})% used/,
  severity: 'warning',
  hit(_m, e): Omit<Hit, 'event'> | undefined {
    const f = e.fields;
    if (!f) return undefined;
    const inodes = typeof f.inodesUsePercent === 'number';
    const usePercent = inodes ? (f.inodesUsePercent as number) : typeof f.usePercent === 'number' ? f.usePercent : null;
    if (usePercent === null || usePercent < WARN_PERCENT) return undefined;
    const mount = typeof f.mountedOn === 'string' ? f.mountedOn : '?';
    if ((typeof f.type === 'string' && IMAGE_TYPES.has(f.type)) || mount.startsWith('/snap/')) return undefined;
    const num = (v: unknown) => (typeof v === 'number' ? v : null);
    const facts: Hit['facts'] = inodes
      ? { mount, filesystem: f.filesystem ?? null, inodesUsePercent: usePercent, inodes: num(f.inodes), inodesFree: num(f.inodesFree) }
      : { mount, filesystem: f.filesystem ?? null, usePercent, sizeBytes: num(f.sizeBytes), usedBytes: num(f.usedBytes), availBytes: num(f.availBytes) };
    const what = inodes ? `inodes ${usePercent}% used (${f.inodesFree ?? '?'} free)` : `${usePercent}% used, ${formatBytes(num(f.availBytes))} of ${formatBytes(num(f.sizeBytes))} left`;
    return {
      facts,
      process: null,
      pid: null,
      key: `${inodes ? 'inodes' : 'blocks'}:${mount}`,
      severity: usePercent >= 100 ? 'critical' : 'warning',
      title: `filesystem ${mount} ${usePercent >= 100 ? 'full' : 'nearly full'}: ${what}`,
    };
  },
  samples: {
    hit: [
      // recorded (scripts/record/kernel-faults.sh)
      'Filesystem      Size  Used Avail Use% Mounted on\ntmpfs           4.0M  4.0M     0 100% /var/spool/app\n/dev/vda        252G   25G   77G  25% /',
      'Filesystem      Inodes IUsed   IFree IUse% Mounted on\n/dev/sda1      6553600  6553600      0  100% /var',
    ],
    miss: [
      'Filesystem      Size  Used Avail Use% Mounted on\ntmpfs            16M   14M  2.0M  88% /data',
      'Filesystem     Type      Size  Used Avail Use% Mounted on\n/dev/loop3     squashfs   64M   64M     0 100% /snap/core20/2105',
    ],
  },
});
