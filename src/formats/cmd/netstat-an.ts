import type { Fields } from '../../events/event.js';
import type { DocumentFormat, DocumentRecord } from '../define.js';
import { defineFormat } from '../define.js';
import { headerScore, record, splitHostPort, splitLines } from './table.js';

const HEADER = /^Proto\s+Recv-Q\s+Send-Q\s+Local Address\s+Foreign Address\s+State\b/;
const RECOGNIZE = /^(?:Active Internet connections \(|Proto\s+Recv-Q\s+Send-Q\s+Local Address\s+Foreign Address\s+State\b)/;
const ROW = /^(tcp6?|udp6?|udpl6?|raw6?|sctp6?)\s+(\d+)\s+(\d+)\s+(\S+)\s+(\S+)(?:\s+(.*?))?\s*$/;
const STATE = /^[A-Z][A-Z0-9_]*$/;
const PROGRAM = /^(\d+)\/(.+)$/;
const UNIX_SECTION = /^Active (?:UNIX domain|Bluetooth) sockets/;

/**
 * `netstat -an` / `netstat -anp` (net-tools): one record per TCP/UDP socket. The UNIX domain
 * section is only counted: one record gives the number of its sockets.
 */
export const netstatAn = defineFormat<DocumentFormat>({
  name: 'netstat-an',
  description: 'socket table printed by `netstat -an` / `netstat -anp` (net-tools): TCP/UDP sockets with state and owning program; UNIX sockets counted',
  producer: 'net-tools',
  shape: 'document',
  pathHint: /(?:^|\/)netstat[^/]*$/,
  recognize: (head) => headerScore(head, RECOGNIZE),
  parse(text) {
    const lines = splitLines(text);
    const records: DocumentRecord[] = [];
    let inInternet = false;
    let unixLine = 0;
    let unixSockets = 0;
    for (let i = 0; i < lines.length; i++) {
      const row = lines[i]!;
      if (row.charCodeAt(0) === 65 /* A */ && row.startsWith('Active ')) {
        if (UNIX_SECTION.test(row)) {
          if (unixLine === 0) unixLine = i + 1;
          inInternet = false;
        } else inInternet = row.startsWith('Active Internet');
        continue;
      }
      if (HEADER.test(row)) {
        inInternet = true;
        continue;
      }
      if (unixLine > 0 && !inInternet) {
        if (row.startsWith('unix ')) unixSockets++;
        continue;
      }
      const m = ROW.exec(row);
      if (!m) continue;
      const proto = m[1]!;
      const l = splitHostPort(m[4]!);
      const p = splitHostPort(m[5]!);
      const f: Fields = {
        proto, state: null, recvQ: +m[2]!, sendQ: +m[3]!,
        localAddress: l.address, localPort: l.port, peerAddress: p.address, peerPort: p.port,
      };
      // what follows the addresses: [STATE] [PID/Program name | -]; UDP sockets often have no state
      let rest = m[6] ?? '';
      const sp = rest.indexOf(' ');
      const firstWord = sp < 0 ? rest : rest.slice(0, sp);
      if (STATE.test(firstWord)) {
        f.state = firstWord;
        rest = sp < 0 ? '' : rest.slice(sp + 1).trim();
      }
      let process: string | null = null;
      let pid: number | null = null;
      const prog = PROGRAM.exec(rest);
      if (prog) {
        pid = +prog[1]!;
        process = prog[2]!.trim();
        f.pid = pid;
        f.process = process;
      }
      const owner = process !== null ? ` ${process}/${pid}` : '';
      records.push(record(i + 1, row, `${proto} ${f.state ?? '-'} ${m[4]} -> ${m[5]} recv-q ${m[2]} send-q ${m[3]}${owner}`, f, { process, pid }));
    }
    if (unixLine > 0) {
      records.push(record(unixLine, lines[unixLine - 1]!, `${unixSockets} UNIX domain socket(s)`, { unixSockets }));
    }
    return { records };
  },
  samples: [
    {
      text: 'Active Internet connections (servers and established)\n' +
        'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    \n' +
        'tcp6       0      0 127.0.0.1:8080          127.0.0.1:46070         CLOSE_WAIT  10/node             ',
      expect: {
        process: 'node', pid: 10,
        fields: {
          proto: 'tcp6', state: 'CLOSE_WAIT', recvQ: 0, sendQ: 0, localAddress: '127.0.0.1', localPort: 8080,
          peerAddress: '127.0.0.1', peerPort: 46070, pid: 10, process: 'node',
        },
      },
    },
    {
      text: 'Proto Recv-Q Send-Q Local Address           Foreign Address         State      \n' +
        'udp        0      0 0.0.0.0:68              0.0.0.0:*                          \n' +
        'tcp6       0      0 :::8080                 :::*                    LISTEN     ',
      expect: {
        process: null, pid: null,
        fields: { proto: 'udp', state: null, recvQ: 0, sendQ: 0, localAddress: '0.0.0.0', localPort: 68, peerAddress: '0.0.0.0', peerPort: null },
      },
    },
  ],
});
