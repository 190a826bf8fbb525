import { signature } from '../define.js';
import { netErrorContext, netFacts, netKey, reporterOf } from './net-error.js';

/**
 * The network has no way to the peer: EHOSTUNREACH ("No route to host", "Host is unreachable") or
 * ENETUNREACH ("Network is unreachable"), in C library, Go (lower case) and Java wording.
 */
export const networkUnreachable = signature({
  name: 'network-unreachable',
  category: 'network-partition',
  software: 'any',
  description: 'Peers that cannot be reached (EHOSTUNREACH: no route to host, ENETUNREACH: network is unreachable), per reporter and peer',
  formats: '*',
  prefilter: ['o route to host', 'is unreachable', 'EHOSTUNREACH', 'ENETUNREACH'],
  match: /(no route to host|host is unreachable|network is unreachable|EHOSTUNREACH|ENETUNREACH)(?![a-zA-Z_])/i,
  severity: 'error',
  hit(m, e) {
    const word = m[1]!.toLowerCase();
    const errno = word.startsWith('network') || word === 'enetunreach' ? 'ENETUNREACH' : 'EHOSTUNREACH';
    const c = netErrorContext(e, m.input);
    return {
      facts: netFacts(c, errno),
      key: netKey(e, c, errno),
      title: `${errno === 'ENETUNREACH' ? 'network unreachable' : 'no route to host'}${c.peer ? ` ${c.peer}` : ''}, seen by ${reporterOf(e)}`,
    };
  },
  samples: {
    hit: [
      '2024/03/02 11:04:05 raft: failed to heartbeat to 10.0.3.4:7000: dial tcp 10.0.3.4:7000: connect: no route to host',
      '2024-03-02 11:04:05,210 [main] WARN  c.e.Registry - Failed to connect to 10.0.3.4:2181: java.net.NoRouteToHostException: No route to host (Host unreachable)',
      'Mar  2 11:04:05 web-9 ntpd[811]: sendto(10.0.9.1) (fd=23): Network is unreachable',
      '2024-03-02 11:04:05,210 [QuorumConnectionThread-[myid=1]-3] WARN  o.a.z.s.q.QuorumCnxManager - Cannot open channel to 2 at election address /10.0.3.4:3888\njava.net.NoRouteToHostException: No route to host (Host unreachable)\n\tat java.base/sun.nio.ch.Net.connect0(Native Method)',
    ],
    miss: [
      '2024-03-02 11:04:05,210 [main] INFO  c.e.Probe - host 10.0.3.4 is reachable again after 3 unreachable probes',
    ],
  },
});
