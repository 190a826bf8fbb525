import { defineFormat, type DocumentFormat } from '../define.js';
import { parseNetCounters } from './proc-net-counters.js';

const HEADLINE = {
  TcpExt: ['ListenOverflows', 'ListenDrops', 'TCPBacklogDrop', 'TCPAbortOnData', 'TCPAbortOnTimeout', 'TCPTimeouts', 'PruneCalled', 'TCPMemoryPressures'],
  IpExt: ['InOctets', 'OutOctets'],
};

/**
 * /proc/net/netstat: the kernel's extended TCP/IP counters since boot, one record per protocol
 * (TcpExt, IpExt, MPTcpExt). TcpExt ListenOverflows/ListenDrops count connections dropped because
 * an accept queue was full.
 */
export const procNetNetstat = defineFormat<DocumentFormat>({
  name: 'proc-net-netstat',
  description: '/proc/net/netstat: extended TCP/IP counters (TcpExt ListenOverflows, ListenDrops...)',
  producer: 'kernel',
  shape: 'document',
  pathHint: /(?:^|\/)(?:proc-)?net-netstat(?:\.txt)?$|\/net\/netstat$/,
  recognize: (head) => (/^TcpExt: SyncookiesSent [A-Za-z0-9 ]+\r?\nTcpExt: \d+ \d/.test(head) ? 0.95 : 0),
  parse: (text) => parseNetCounters(text, HEADLINE),
  samples: [
    {
      text: 'TcpExt: SyncookiesSent SyncookiesRecv SyncookiesFailed ListenOverflows ListenDrops TCPTimeouts\nTcpExt: 0 0 0 1274 1274 31\n' +
        'IpExt: InNoRoutes InOctets OutOctets\nIpExt: 0 5194778339 4889666854\n',
      expect: {
        message: 'TcpExt: ListenOverflows 1274, ListenDrops 1274, TCPTimeouts 31',
        fields: { protocol: 'TcpExt', SyncookiesSent: 0, SyncookiesRecv: 0, SyncookiesFailed: 0, ListenOverflows: 1274, ListenDrops: 1274, TCPTimeouts: 31 },
      },
    },
  ],
});
