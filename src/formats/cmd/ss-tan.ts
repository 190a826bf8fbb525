import type { Fields } from '../../events/event.js';
import type { DocumentFormat, DocumentRecord } from '../define.js';
import { defineFormat } from '../define.js';
import { findHeader, headerScore, normalizeTcpState, numberOrNull, record, splitHostPort, splitLines } from './table.js';

// ss glues "Peer Address:Port" to "Process" when no process column is filled
const HEADER = /^(Netid\s+)?State\s+Recv-Q\s+Send-Q\s+Local Address:Port\s+Peer Address:Port/;
// iproute2 since 2015 prints ("java",pid=812,fd=45); older ones ("java",812,45)
const USER = /\("((?:[^"\\]|\\.)*)",(?:pid=)?(\d+),(?:fd=)?(\d+)\)/g;
const MAX_USERS = 16;

/**
 * `ss -tan` / `ss -tanp` (iproute2): one record per socket. States are spelled as the kernel and
 * netstat spell them (CLOSE_WAIT, ESTABLISHED), addresses lose their brackets and IPv4 mapping
 * ("[::ffff:127.0.0.1]:80" → 127.0.0.1, 80). With -p, the first process holding the socket fills
 * process/pid/fd and `users` counts them all.
 */
export const ssTan = defineFormat<DocumentFormat>({
  name: 'ss-tan',
  description: 'socket table printed by `ss -tan` / `ss -tanp` (iproute2): state, queues, local and peer address, owning process',
  producer: 'iproute2',
  shape: 'document',
  pathHint: /(?:^|\/)ss[-_ ][a-z]*[^/]*$/,
  recognize: (head) => headerScore(head, HEADER),
  parse(text) {
    const lines = splitLines(text);
    const h = findHeader(lines, HEADER);
    const records: DocumentRecord[] = [];
    if (h < 0) return { records };
    const hasNetid = HEADER.exec(lines[h]!)![1] !== undefined;
    const want = hasNetid ? 6 : 5;
    for (let i = h + 1; i < lines.length; i++) {
      const row = lines[i]!;
      const c0 = row.charCodeAt(0);
      if (c0 === 32 || c0 === 9 || row === '') continue; // -e/-i/-m detail lines are indented
      const tokens = row.split(/\s+/, want);
      if (tokens.length < want) continue;
      const [netid, state, recvQ, sendQ, local, peer] = hasNetid ? tokens : [undefined, ...tokens];
      const recv = numberOrNull(recvQ), send = numberOrNull(sendQ);
      if (recv === null || send === null) continue;
      const l = splitHostPort(local!);
      const p = splitHostPort(peer!);
      const f: Fields = {};
      if (netid) f.netid = netid;
      f.state = normalizeTcpState(state!);
      f.recvQ = recv;
      f.sendQ = send;
      f.localAddress = l.address;
      f.localPort = l.port;
      f.peerAddress = p.address;
      f.peerPort = p.port;
      let process: string | null = null;
      let pid: number | null = null;
      const u = row.indexOf('users:(');
      if (u >= 0) {
        let n = 0;
        for (const m of row.slice(u).matchAll(USER)) {
          if (n === 0) {
            process = m[1]!;
            pid = +m[2]!;
            f.process = process;
            f.pid = pid;
            f.fd = +m[3]!;
          }
          if (++n >= MAX_USERS) break;
        }
        f.users = n;
      }
      const owner = process !== null ? ` ${process}/${pid}` : '';
      records.push(record(i + 1, row, `${f.state} ${local} -> ${peer} recv-q ${recv} send-q ${send}${owner}`, f, { process, pid }));
    }
    return { records };
  },
  samples: [
    {
      text: 'State      Recv-Q Send-Q      Local Address:Port        Peer Address:Port Process\n' +
        'CLOSE-WAIT 0      0      [::ffff:127.0.0.1]:8080  [::ffff:127.0.0.1]:46070 users:(("node",pid=10,fd=21))',
      expect: {
        process: 'node', pid: 10,
        fields: {
          state: 'CLOSE_WAIT', recvQ: 0, sendQ: 0, localAddress: '127.0.0.1', localPort: 8080, peerAddress: '127.0.0.1',
          peerPort: 46070, process: 'node', pid: 10, fd: 21, users: 1,
        },
      },
    },
    {
      text: 'State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\n' +
        'LISTEN 0      128          0.0.0.0:2024       0.0.0.0:*          ',
      expect: {
        process: null, pid: null,
        fields: { state: 'LISTEN', recvQ: 0, sendQ: 128, localAddress: '0.0.0.0', localPort: 2024, peerAddress: '0.0.0.0', peerPort: null },
      },
    },
  ],
});
