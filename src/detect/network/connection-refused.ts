import { signature } from '../define.js';
import { netErrorContext, netFacts, netKey, reporterOf } from './net-error.js';

/**
 * A connect that the other side refused (ECONNREFUSED: nothing listens there, or its listen queue
 * made the kernel answer with a reset): Go ("connect: connection refused"), Java
 * ("java.net.ConnectException: Connection refused"), nginx ("connect() failed (111: Connection
 * refused)"), Node.js ("connect ECONNREFUSED 127.0.0.1:5432"), libpq and Python ("[Errno 111]").
 */
export const networkConnectionRefused = signature({
  name: 'network-connection-refused',
  category: 'connection-refused',
  software: 'any',
  description: 'Connects refused by the peer (ECONNREFUSED), folded per reporter and peer',
  formats: '*',
  prefilter: ['onnection refused', 'ECONNREFUSED'],
  // "connections refused: 0" is a counter
  match: /(connection refused|ECONNREFUSED)(?![a-zA-Z_])/i,
  severity: 'error',
  hit(m, e) {
    const c = netErrorContext(e, m.input);
    return {
      facts: netFacts(c, 'ECONNREFUSED'),
      key: netKey(e, c, 'ECONNREFUSED'),
      title: `connection refused${c.peer ? ` by ${c.peer}` : ''}, seen by ${reporterOf(e)}`,
    };
  },
  samples: {
    hit: [
      '2024/03/02 11:04:05 pq: dial tcp 10.0.0.8:5432: connect: connection refused',
      '2024/03/02 11:04:05 [error] 3012#3012: *7 connect() failed (111: Connection refused) while connecting to upstream, client: 10.1.2.3, server: _, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:9000/", host: "shop"',
      '2024-03-02 11:04:05,210 [main] ERROR c.e.Boot - cannot reach broker: java.net.ConnectException: Connection refused',
    ],
    miss: [
      '2024-03-02 11:04:05,210 [main] INFO  c.e.NetStats - connections refused: 0, accepted: 1200',
    ],
  },
});
