import { defineFormat, type DocumentFormat, type DocumentRecord } from '../define.js';
import { splitLines } from './table.js';

const ID = /^(\d{1,20})-(\d{1,20})$/;
const COUNT = /^\d{1,20}$/;

/**
 * `redis-cli XPENDING <stream> <group> - + <count>` (the extended form) as redis-cli prints it to a
 * file or pipe: four lines per pending entry, its id, the consumer holding it, ms since it was last
 * delivered and how many times it was delivered. One record per entry; the id's first part is the
 * entry's creation time (epoch ms), kept as entryMs. Many deliveries of one entry: a poison message.
 */
export const redisCliXpending = defineFormat<DocumentFormat>({
  name: 'redis-cli-xpending',
  description: '`redis-cli XPENDING STREAM GROUP - + N`: pending entries with consumer, idle time and delivery count',
  producer: 'redis',
  shape: 'document',
  pathHint: /(?:^|\/)redis-cli-XPENDING[^/]*$/i,
  recognize(head) {
    const lines = head.split('\n', 9).map((l) => l.replace(/\r$/, ''));
    // one or more whole 4-line entries: id, consumer, idle ms, deliveries
    const n = lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
    if (n < 4) return 0;
    for (let i = 0; i + 3 < n; i += 4) {
      if (!ID.test(lines[i]!) || !/^\S{1,256}$/.test(lines[i + 1]!) || ID.test(lines[i + 1]!) || !COUNT.test(lines[i + 2]!) || !COUNT.test(lines[i + 3]!)) return 0;
    }
    return 0.9;
  },
  parse(text) {
    const lines = splitLines(text);
    const records: DocumentRecord[] = [];
    for (let i = 0; i + 3 < lines.length; i += 4) {
      const id = ID.exec(lines[i]!);
      const consumer = lines[i + 1]!, idle = lines[i + 2]!, deliveries = lines[i + 3]!;
      if (!id || !COUNT.test(idle) || !COUNT.test(deliveries)) return { records, warnings: [`line ${i + 1}: not an XPENDING entry (id, consumer, idle ms, deliveries): stopped`] };
      records.push({
        line: i + 1, text: lines.slice(i, i + 4).join('\n'),
        message: `pending entry ${lines[i]} held by ${consumer}: delivered ${deliveries} time(s), idle ${idle} ms`,
        fields: { id: lines[i]!, entryMs: Number(id[1]), consumer, idleMs: Number(idle), deliveries: Number(deliveries) },
      });
    }
    return records.length ? { records } : { records, warnings: ['not `redis-cli XPENDING ... - + N` output'] };
  },
  samples: [
    {
      text: '1795322122393-0\netl-w4\n92\n7\n',
      expect: {
        message: 'pending entry 1795322122393-0 held by etl-w4: delivered 7 time(s), idle 92 ms',
        fields: { id: '1795322122393-0', entryMs: 1795322122393, consumer: 'etl-w4', idleMs: 92, deliveries: 7 },
      },
    },
  ],
});
