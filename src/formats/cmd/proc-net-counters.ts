import type { Fields } from '../../events/event.js';
import type { DocumentRecord, DocumentResult } from '../define.js';
import { record, splitLines } from './table.js';

const GROUP = /^([A-Za-z]{2,16}): (.*)$/;
/** Longest counter row read (MPTcpExt has ~80 counters, TcpExt ~130). */
const MAX_COUNTERS = 1024;

/**
 * /proc/net/netstat and /proc/net/snmp print each protocol as two lines with the same prefix,
 * counter names then values: "TcpExt: ListenOverflows ListenDrops ..." / "TcpExt: 0 0 ...". One
 * record per protocol (fields: protocol, then each counter under its kernel name), on the values
 * line, whose text carries both lines. `headline` names counters to put in the message.
 */
export function parseNetCounters(text: string, headline: Readonly<Record<string, readonly string[]>>): DocumentResult {
  const lines = splitLines(text);
  const records: DocumentRecord[] = [];
  const warnings: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const names = GROUP.exec(lines[i]!);
    const values = names ? GROUP.exec(lines[i + 1]!) : null;
    if (!names || !values || names[1] !== values[1] || /^-?\d/.test(names[2]!)) continue;
    const keys = names[2]!.trim().split(/\s+/).slice(0, MAX_COUNTERS);
    const nums = values[2]!.trim().split(/\s+/);
    if (keys.length !== Math.min(nums.length, MAX_COUNTERS)) {
      warnings.push(`${names[1]}: ${keys.length} names but ${nums.length} values`);
      i++;
      continue;
    }
    const protocol = names[1]!;
    const f: Fields = { protocol };
    keys.forEach((k, c) => {
      const v = Number(nums[c]);
      f[k] = Number.isFinite(v) ? v : null;
    });
    const named = (headline[protocol] ?? []).filter((k) => typeof f[k] === 'number').map((k) => `${k} ${f[k]}`);
    records.push(record(i + 2, `${lines[i]}\n${lines[i + 1]}`, `${protocol}: ${named.length ? named.join(', ') : `${keys.length} counters`}`, f));
    i++;
  }
  return warnings.length ? { records, warnings } : { records };
}
