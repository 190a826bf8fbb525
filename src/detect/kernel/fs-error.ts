import { signature } from '../define.js';

// "EXT4-fs error (device loop0): ext4_check_bdev_write_error:227: comm dd: Error while async write back metadata"
// "EXT4-fs warning (device loop0): ext4_end_bio:368: I/O error 3 writing to inode 12 starting block 9217)"
// "EXT4-fs (sda1): Remounting filesystem read-only" / "EXT4-fs (sda1): failed to convert unwritten extents ... (inode 12, error -5)"
const EXT = /^(?:\[[^\]]{1,40}\] )?(EXT[234])-fs (?:(error|warning) \(device ([\w.!/-]{1,32})\): ([a-z_0-9]{1,64})(?::\d+)?: (.{0,200})|\(([\w.!/-]{1,32})\): (Remounting filesystem read-only|failed to convert unwritten extents.{0,120}|I\/O error while writing superblock|Delayed block allocation failed.{0,160}))/;
// "XFS (sdb1): metadata I/O error in "xfs_trans_read_buf_map" at daddr 0x1 len 1 error 5"
// "XFS (dm-0): log I/O error -5" / "XFS (sdb1): Corruption of in-memory data detected.  Shutting down filesystem"
const XFS = /^(?:\[[^\]]{1,40}\] )?XFS \(([\w.!/-]{1,32})\): (metadata I\/O error.{0,160}|log I\/O error.{0,40}|Corruption .{0,80}|.{0,60}Shutting down filesystem.{0,40}|writeback error.{0,120})/;

/**
 * A filesystem reports failed I/O or corruption (ext2/3/4 via ext4_error/ext4_warning and its own
 * messages, XFS metadata and log errors, forced shutdowns and read-only remounts). Ordinary ext4/XFS
 * notes (mounted, quota mode) are not errors. Filed as process-stall for the reason block-io-error
 * gives: the contract has no storage-fault category; a read-only remount or shutdown stops every writer.
 */
export const kernelFsError = signature({
  name: 'kernel-fs-error',
  category: 'process-stall',
  software: 'linux-kernel',
  description: 'A filesystem (ext4, XFS) reports I/O errors, corruption, a shutdown or a read-only remount',
  formats: '*',
  prefilter: ['EXT4-fs', 'EXT3-fs', 'EXT2-fs', 'XFS ('],
  match: /EXT[234]-fs|XFS \(/,
  severity: 'error',
  hit(_m, e) {
    const x = EXT.exec(e.message);
    if (x) {
      const device = x[3] ?? x[6]!;
      const what = (x[5] ?? x[7]!).replace(/\)$/, '');
      // ext4_warning is printed for noise too (e.g. dir_index full): only I/O and write-back ones count
      if (x[2] === 'warning' && !/I\/O error|error -?\d+|write back/i.test(what)) return undefined;
      const readOnly = what.startsWith('Remounting filesystem read-only');
      return {
        facts: { fs: x[1]!.toLowerCase(), device, function: x[4] ?? null, readOnly, detail: what.slice(0, 200) },
        process: 'kernel',
        pid: null,
        key: device,
        severity: readOnly ? 'critical' : 'error',
        title: `${x[1]} filesystem on ${device}: ${what.slice(0, 100)}`,
      };
    }
    const f = XFS.exec(e.message);
    if (!f) return undefined;
    const device = f[1]!;
    const shutdown = /Shutting down filesystem/.test(f[2]!);
    return {
      facts: { fs: 'xfs', device, function: null, readOnly: shutdown, detail: f[2]!.slice(0, 200) },
      process: 'kernel',
      pid: null,
      key: device,
      severity: shutdown ? 'critical' : 'error',
      title: `XFS filesystem on ${device}: ${f[2]!.slice(0, 100)}`,
    };
  },
  samples: {
    hit: [
      // recorded (scripts/record/kernel-faults.sh)
      '[Sun Nov 22 04:27:15 2026] EXT4-fs error (device loop0): ext4_check_bdev_write_error:227: comm dd: Error while async write back metadata',
      '[Sun Nov 22 04:27:15 2026] EXT4-fs warning (device loop0): ext4_end_bio:368: I/O error 3 writing to inode 12 starting block 9217)',
      'May 10 15:47:41 db-1 kernel: [8812466.010203] EXT4-fs (sda1): Remounting filesystem read-only',
      '[Sun May 10 15:47:41 2026] XFS (sdb1): metadata I/O error in "xfs_trans_read_buf_map" at daddr 0x1 len 1 error 5',
    ],
    miss: [
      '[Sun Nov 22 04:27:15 2026] EXT4-fs (loop0): mounted filesystem 98e75085-9da4-45ad-b6dc-9e98a575eb28 r/w without journal. Quota mode: none.',
      '[    0.261302] SGI XFS with ACLs, security attributes, no debug enabled',
      '[Sun May 10 15:47:41 2026] XFS (sdb1): Mounting V5 Filesystem 2f1c0a5e-8b1d-4b7e-9f55-1d0b7b1e2c3a',
    ],
  },
});
