import type { Fields } from '../../events/event.js';
import { defineFormat, type DocumentFormat, type DocumentRecord } from '../define.js';
import { record, splitLines } from './table.js';

const SECTION = /^# ([A-Z][A-Za-z]{1,31})$/;
const KEY = /^([a-z][a-z0-9_]{0,63}):(.{0,4096})$/;
const NUMBER = /^-?\d{1,20}(?:\.\d{1,12})?$/;
/** Figures put in each section's message. */
const HEADLINE: Record<string, readonly string[]> = {
  Memory: ['used_memory_human', 'used_memory_rss_human', 'maxmemory_human', 'maxmemory_policy', 'mem_fragmentation_ratio'],
  Clients: ['connected_clients', 'blocked_clients', 'maxclients'],
  Server: ['redis_version', 'uptime_in_seconds'],
  Stats: ['rejected_connections', 'evicted_keys', 'total_commands_processed'],
  Persistence: ['rdb_last_bgsave_status', 'aof_last_write_status'],
  Replication: ['role', 'connected_slaves'],
};

/**
 * `redis-cli INFO [section]`: one record per section ("# Memory"), fields named as Redis names them
 * (used_memory, maxmemory, connected_clients...), numbers as numbers, "98.57%" as 98.57.
 */
export const redisCliInfo = defineFormat<DocumentFormat>({
  name: 'redis-cli-info',
  description: '`redis-cli INFO`: Redis server figures by section (memory, clients, stats, replication)',
  producer: 'redis',
  shape: 'document',
  pathHint: /(?:^|\/)redis-cli-INFO[^/]*$/i,
  recognize: (head) => (/^# (?:Server|Clients|Memory|Persistence|Stats|Replication|CPU|Modules|Errorstats|Cluster|Keyspace|Keysizes)\r?\n(?:redis_version|redis_git_sha1|connected_clients|used_memory|loading|total_connections_received|role|used_cpu_sys|cluster_enabled|db\d+):/.test(head) ? 0.95 : 0),
  parse(text) {
    const lines = splitLines(text);
    const records: DocumentRecord[] = [];
    let section: { name: string; line: number; f: Fields; text: string[] } | null = null;
    const close = () => {
      if (!section) return;
      const named = (HEADLINE[section.name] ?? []).filter((k) => section!.f[k] !== undefined).map((k) => `${k} ${section!.f[k]}`);
      const n = Object.keys(section.f).length - 1;
      records.push(record(section.line, section.text.join('\n'), `redis ${section.name}: ${named.length ? named.join(', ') : `${n} figures`}`, section.f));
      section = null;
    };
    lines.forEach((l, i) => {
      const s = SECTION.exec(l);
      if (s) {
        close();
        section = { name: s[1]!, line: i + 1, f: { section: s[1]! }, text: [l] };
        return;
      }
      const m = KEY.exec(l);
      if (!m || !section) return;
      section.text.push(l);
      const v = m[2]!;
      section.f[m[1]!] = NUMBER.test(v) ? Number(v) : /^\d{1,6}(?:\.\d{1,6})?%$/.test(v) ? Number(v.slice(0, -1)) : v;
    });
    close();
    return records.length ? { records } : { records, warnings: ['no "# Section" line: not `redis-cli INFO` output'] };
  },
  samples: [
    {
      text: '# Memory\r\nused_memory:109176680\r\nused_memory_human:104.12M\r\nused_memory_peak_perc:98.57%\r\nmaxmemory:0\r\nmaxmemory_human:0B\r\n' +
        'maxmemory_policy:noeviction\r\nmem_fragmentation_ratio:1.06\r\n',
      expect: {
        message: 'redis Memory: used_memory_human 104.12M, maxmemory_human 0B, maxmemory_policy noeviction, mem_fragmentation_ratio 1.06',
        fields: {
          section: 'Memory', used_memory: 109176680, used_memory_human: '104.12M', used_memory_peak_perc: 98.57, maxmemory: 0, maxmemory_human: '0B',
          maxmemory_policy: 'noeviction', mem_fragmentation_ratio: 1.06,
        },
      },
    },
  ],
});
