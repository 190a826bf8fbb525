import type { Fields } from '../../events/event.js';
import { defineFormat, type DocumentFormat, type DocumentRecord } from '../define.js';
import { record, splitLines } from './table.js';

const TOTAL = /^Total: (\d{1,12})/;
const TCP = /^TCP:\s+(\d{1,12}) \(estab (\d{1,12}), closed (\d{1,12}), orphaned (\d{1,12}), (?:synrecv \d{1,12}, )?timewait (\d{1,12})(?:\/\d+)?/;
const ROW = /^(RAW|UDP|TCP|INET|FRAG)\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*$/;

/**
 * `ss -s` (iproute2): the socket summary. One record for the TCP line (tcpTotal, estab, closed,
 * orphaned, timewait; totalSockets from "Total:") and one per transport row (total, ipv4, ipv6).
 */
export const ssS = defineFormat<DocumentFormat>({
  name: 'ss-s',
  description: '`ss -s` (iproute2): socket counts by transport and TCP state (estab, timewait, orphaned)',
  producer: 'iproute2',
  shape: 'document',
  pathHint: /(?:^|\/)ss-s(?:\.txt)?$/,
  recognize: (head) => (/^Total: \d+[^\n]*\r?\nTCP:\s+\d+ \(estab \d+, closed \d+, orphaned \d+, /.test(head) ? 0.95 : 0),
  parse(text) {
    const lines = splitLines(text);
    const records: DocumentRecord[] = [];
    let total: number | null = null;
    lines.forEach((l, i) => {
      const t = TOTAL.exec(l);
      if (t) {
        total = Number(t[1]);
        return;
      }
      const m = TCP.exec(l);
      if (m) {
        const f: Fields = { kind: 'tcp-states', totalSockets: total, tcpTotal: +m[1]!, estab: +m[2]!, closed: +m[3]!, orphaned: +m[4]!, timewait: +m[5]! };
        records.push(record(i + 1, l, `TCP: ${m[1]} sockets, ${m[2]} established, ${m[5]} time-wait, ${m[4]} orphaned`, f));
        return;
      }
      const r = ROW.exec(l);
      if (r) records.push(record(i + 1, l, `${r[1]}: ${r[2]} sockets (${r[3]} IPv4, ${r[4]} IPv6)`, { kind: 'transport', transport: r[1]!, total: +r[2]!, ipv4: +r[3]!, ipv6: +r[4]! }));
    });
    return records.length ? { records } : { records, warnings: ['no "TCP: N (estab ...)" line: not `ss -s`'] };
  },
  samples: [
    {
      text: 'Total: 47\nTCP:   41 (estab 14, closed 18, orphaned 0, timewait 16)\n\nTransport Total     IP        IPv6\nRAW\t  0         0         0        \n' +
        'TCP\t  23        5         18       \n',
      expect: { fields: { kind: 'tcp-states', totalSockets: 47, tcpTotal: 41, estab: 14, closed: 18, orphaned: 0, timewait: 16 } },
    },
  ],
});
