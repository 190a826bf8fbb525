import type { Fields } from '../../events/event.js';
import { defineFormat, type DocumentFormat, type DocumentRecord } from '../define.js';
import { splitLines } from './table.js';

/** The keys XINFO GROUPS prints per group (Redis 5-7); entries-read and lag came with 7.0. */
const KEYS: Record<string, string> = {
  name: 'group', consumers: 'consumers', pending: 'pending', 'last-delivered-id': 'lastDeliveredId', 'entries-read': 'entriesRead', lag: 'lag',
};
const MAX_GROUPS = 10_000;

/**
 * `redis-cli XINFO GROUPS <stream>` as redis-cli prints it to a file or pipe: one line per array
 * element, key then value. One record per consumer group: group, consumers, pending (delivered, not
 * acknowledged), lastDeliveredId, entriesRead and lag (entries not yet delivered to the group).
 */
export const redisCliXinfoGroups = defineFormat<DocumentFormat>({
  name: 'redis-cli-xinfo-groups',
  description: '`redis-cli XINFO GROUPS STREAM`: per consumer group its consumers, pending entries and lag',
  producer: 'redis',
  shape: 'document',
  pathHint: /(?:^|\/)redis-cli-XINFO-GROUPS[^/]*$/i,
  recognize: (head) => (/^name\r?\n[^\n]{1,256}\r?\nconsumers\r?\n\d+\r?\npending\r?\n\d+\r?\nlast-delivered-id\r?\n\d+-\d+\r?\n/.test(head) ? 0.95 : 0),
  parse(text) {
    const lines = splitLines(text);
    const records: DocumentRecord[] = [];
    let current: { line: number; f: Fields; text: string[] } | null = null;
    const close = () => {
      if (!current) return;
      const f = current.f;
      const lag = f.lag !== undefined && f.lag !== null ? `, lag ${f.lag}` : '';
      records.push({ line: current.line, text: current.text.join('\n'), message: `consumer group ${f.group}: ${f.consumers} consumer(s), ${f.pending} pending${lag}`, fields: f });
      current = null;
    };
    for (let i = 0; i + 1 < lines.length && records.length < MAX_GROUPS; i += 2) {
      const key = lines[i]!, value = lines[i + 1]!;
      const field = KEYS[key];
      if (field === undefined) continue;
      if (key === 'name') {
        close();
        current = { line: i + 1, f: {}, text: [] };
      }
      if (!current) continue;
      current.text.push(key, value);
      // lag is empty (nil) when Redis cannot tell it
      current.f[field] = field === 'group' || field === 'lastDeliveredId' ? value : /^\d{1,20}$/.test(value) ? Number(value) : null;
    }
    close();
    return records.length ? { records } : { records, warnings: ['no "name" key: not `redis-cli XINFO GROUPS` output'] };
  },
  samples: [
    {
      text: 'name\ninvoice-parsers\nconsumers\n1\npending\n1\nlast-delivered-id\n1795322122393-0\nentries-read\n16\nlag\n33\n',
      expect: {
        message: 'consumer group invoice-parsers: 1 consumer(s), 1 pending, lag 33',
        fields: { group: 'invoice-parsers', consumers: 1, pending: 1, lastDeliveredId: '1795322122393-0', entriesRead: 16, lag: 33 },
      },
    },
  ],
});
