import type { DocumentFormat, DocumentRecord } from '../define.js';
import { defineFormat } from '../define.js';
import { limitValue, RESOURCE_BY_ULIMIT_FLAG } from './rlimit.js';
import { record, splitLines } from './table.js';

// "open files                          (-n) 1024", "core file size              (blocks, -c) 0"
const ROW = /^([a-zA-Z][a-zA-Z -]*?)\s+\((?:([^,()]+), )?-([a-zA-Z])\) (\S+)\s*$/;
const RECOGNIZE_LINES = 20;

/**
 * bash's `ulimit -a`: the shell's soft limits, one record per limit. `softLimit` is null for
 * "unlimited"; `resource` names the limit as the kernel does (nofile, nproc, core...).
 */
export const ulimitA = defineFormat<DocumentFormat>({
  name: 'ulimit-a',
  description: "the shell's resource limits printed by bash's `ulimit -a` (open files, max user processes, core size...)",
  producer: 'bash',
  shape: 'document',
  pathHint: /(?:^|\/)ulimit[^/]*$/,
  recognize(head) {
    let seen = 0;
    let matched = 0;
    for (const line of head.split('\n', RECOGNIZE_LINES)) {
      if (line.trim() === '') continue;
      seen++;
      if (ROW.test(line.replace(/\r$/, ''))) matched++;
    }
    // one line is too little to tell from other text; the real output has ~16
    return matched >= 2 && matched / seen >= 0.8 ? 1 : 0;
  },
  parse(text) {
    const lines = splitLines(text);
    const records: DocumentRecord[] = [];
    for (let i = 0; i < lines.length; i++) {
      const row = lines[i]!;
      const m = ROW.exec(row);
      if (!m) continue;
      const softLimit = limitValue(m[4]!);
      if (softLimit === undefined) continue;
      const flag = m[3]!;
      records.push(record(i + 1, row, `${m[1]} (-${flag}) ${m[4]}`, {
        limit: m[1]!, flag: `-${flag}`, resource: RESOURCE_BY_ULIMIT_FLAG[flag] ?? null, unit: m[2] ?? null, softLimit,
      }));
    }
    return { records };
  },
  samples: [
    {
      text: 'open files                          (-n) 1024\npipe size                (512 bytes, -p) 8\nstack size                  (kbytes, -s) 8192',
      expect: { fields: { limit: 'open files', flag: '-n', resource: 'nofile', unit: null, softLimit: 1024 } },
    },
    {
      text: 'core file size              (blocks, -c) unlimited\nopen files                          (-n) 65535',
      expect: { fields: { limit: 'core file size', flag: '-c', resource: 'core', unit: 'blocks', softLimit: null } },
    },
  ],
});
