import type { Fields } from '../../events/event.js';
import type { DocumentFormat, DocumentRecord } from '../define.js';
import { defineFormat } from '../define.js';
import { findHeader, headerScore, humanBytes, numberOrNull, record, sizeToBytes, splitLines } from './table.js';

// df -h "Size Used Avail Use%", -k "1K-blocks Used Available Use%", -P "1024-blocks ... Capacity",
// -T adds "Type", -i counts inodes "Inodes IUsed IFree IUse%"
const HEADER = /^Filesystem\s+(Type\s+)?(Size|\d+[KMGT]?B?-blocks|Inodes)\s+(?:Used|IUsed)\s+(?:Avail|Available|IFree)\s+(?:Use%|Capacity|IUse%)\s+Mounted on\s*$/;
const BLOCKS = /^(\d+)([KMGT]?)(B?)-blocks$/;

/**
 * `df -h`, `df -k`, `df -P`, `df -T`, `df -i` (coreutils): one record per filesystem with its
 * sizes in bytes (or inode counts) and use% as a number. -h sizes are read as powers of 1024
 * (what -h prints; -H's powers of 1000 look the same and read 2-7 % large).
 */
export const dfH = defineFormat<DocumentFormat>({
  name: 'df-h',
  description: 'filesystem usage printed by `df -h` / `df -k` / `df -P` / `df -i` (coreutils): size, used, available, use% per mount',
  producer: 'coreutils',
  shape: 'document',
  pathHint: /(?:^|\/)df[-_ ]?[a-zA-Z]*[^/]*$/,
  recognize: (head) => headerScore(head, HEADER),
  parse(text) {
    const lines = splitLines(text);
    const h = findHeader(lines, HEADER);
    const records: DocumentRecord[] = [];
    if (h < 0) return { records };
    const hm = HEADER.exec(lines[h]!)!;
    const hasType = hm[1] !== undefined;
    const inodes = hm[2] === 'Inodes';
    const blockBytes = hm[2] === 'Size' || inodes ? 1 : blockSize(hm[2]!);
    const columns = hasType ? 7 : 6;
    for (let i = h + 1; i < lines.length; i++) {
      let row = lines[i]!;
      let text = row;
      let tokens = row.trim().split(/\s+/);
      // a long device name is printed alone and its figures go on the next line (df without -P)
      if (tokens.length === 1 && tokens[0] !== '' && i + 1 < lines.length && /^\s/.test(lines[i + 1]!)) {
        row = `${row} ${lines[i + 1]!.trim()}`;
        text = `${lines[i]!}\n${lines[i + 1]!}`;
        tokens = row.trim().split(/\s+/);
        i++;
      }
      if (tokens.length < columns) continue;
      const mountedOn = tokens.slice(columns - 1).join(' ');
      const [filesystem, type] = [tokens[0]!, hasType ? tokens[1]! : null];
      const base = hasType ? 2 : 1;
      const pct = /^(\d+)%$/.exec(tokens[base + 3]!);
      if (!pct && tokens[base + 3] !== '-') continue;
      const usePercent = pct ? +pct[1]! : null;
      const line = i + 1 - (text.includes('\n') ? 1 : 0);
      const f: Fields = { filesystem };
      if (type !== null) f.type = type;
      let msg: string;
      if (inodes) {
        f.inodes = numberOrNull(tokens[base]);
        f.inodesUsed = numberOrNull(tokens[base + 1]);
        f.inodesFree = numberOrNull(tokens[base + 2]);
        f.inodesUsePercent = usePercent;
        msg = `${mountedOn} (${filesystem}): inodes ${usePercent ?? '-'}% used, ${tokens[base + 2]} free`;
      } else {
        const size = (s: string) => (blockBytes === 1 ? sizeToBytes(s, 1) : numberOrNull(s) === null ? null : +s * blockBytes);
        f.sizeBytes = size(tokens[base]!);
        f.usedBytes = size(tokens[base + 1]!);
        f.availBytes = size(tokens[base + 2]!);
        f.usePercent = usePercent;
        const avail = typeof f.availBytes === 'number' ? humanBytes(f.availBytes) : tokens[base + 2];
        const total = typeof f.sizeBytes === 'number' ? humanBytes(f.sizeBytes) : tokens[base];
        msg = `${mountedOn} (${filesystem}): ${usePercent ?? '-'}% used, ${avail} available of ${total}`;
      }
      f.mountedOn = mountedOn;
      records.push(record(line, text, msg, f));
    }
    return { records };
  },
  samples: [
    {
      text: 'Filesystem      Size  Used Avail Use% Mounted on\ntmpfs            16M   14M  2.0M  88% /data',
      expect: { fields: { filesystem: 'tmpfs', sizeBytes: 16777216, usedBytes: 14680064, availBytes: 2097152, usePercent: 88, mountedOn: '/data' } },
    },
    {
      text: 'Filesystem     1024-blocks     Used Available Capacity Mounted on\n/dev/vda         264212084 23517016  82873896      23% /',
      expect: { fields: { filesystem: '/dev/vda', sizeBytes: 270553174016, usedBytes: 24081424384, availBytes: 84862869504, usePercent: 23, mountedOn: '/' } },
    },
    {
      text: 'Filesystem      Inodes IUsed   IFree IUse% Mounted on\n/dev/sda1      6553600  6553600      0  100% /var',
      expect: { fields: { filesystem: '/dev/sda1', inodes: 6553600, inodesUsed: 6553600, inodesFree: 0, inodesUsePercent: 100, mountedOn: '/var' } },
    },
  ],
});

function blockSize(header: string): number {
  const m = BLOCKS.exec(header);
  if (!m) return 1024;
  const power = m[2] ? 'KMGT'.indexOf(m[2]) + 1 : 0;
  return +m[1]! * (m[3] ? 1000 : 1024) ** power;
}
