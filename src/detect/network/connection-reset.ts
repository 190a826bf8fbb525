import { signature } from '../define.js';
import { netErrorContext, netFacts, netKey, reporterOf } from './net-error.js';

/**
 * An established connection reset by the other side (ECONNRESET) or written to after the peer
 * closed it (EPIPE), in the wording of the C library ("Connection reset by peer", "Broken pipe"),
 * Go ("read: connection reset by peer", "write: broken pipe"), Java ("java.net.SocketException:
 * Connection reset"), Node.js ("read ECONNRESET"), nginx ("recv() failed (104: Connection reset by
 * peer)") and strace ("= -1 ECONNRESET").
 */
export const networkConnectionReset = signature({
  name: 'network-connection-reset',
  category: 'connection-reset',
  software: 'any',
  description: 'Connections reset by the peer (ECONNRESET) or broken pipes (EPIPE), folded per reporter and peer',
  formats: '*',
  prefilter: ['onnection reset', 'ECONNRESET', 'roken pipe', 'EPIPE'],
  // "connection resets: 0" (a counter) is not an error: the word must end there
  match: /(connection reset(?: by peer)?|ECONNRESET|broken pipe|EPIPE)(?![a-zA-Z_])/i,
  severity: 'warning',
  hit(m, e) {
    const word = m[1]!.toLowerCase();
    const errno = word === 'broken pipe' || word === 'epipe' ? 'EPIPE' : 'ECONNRESET';
    const c = netErrorContext(e, m.input);
    const what = errno === 'EPIPE' ? 'broken pipe (peer closed)' : 'connection reset';
    return {
      facts: netFacts(c, errno),
      key: netKey(e, c, errno),
      title: `${what}${c.peer ? ` by ${c.peer}` : ''}${c.syscall ? ` on ${c.syscall}` : ''}, seen by ${reporterOf(e)}`,
    };
  },
  samples: {
    hit: [
      // Go net/http client (recorded: lab pg-pool-fd-exhaustion)
      '2026/11/22 04:23:00.772844 WARN worker=20 quote SKU-00132 failed after 1.682s: Get "http://127.0.0.11:8080/v1/quote?sku=SKU-00132": read tcp 127.0.0.12:60363->127.0.0.11:8080: read: connection reset by peer',
      '2024-03-02 11:04:05,210 [pool-2-thread-7] ERROR c.e.billing.LedgerClient - call to ledger failed: java.net.SocketException: Connection reset',
      '2024/03/02 11:04:05 [error] 3012#3012: *88 recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 10.1.2.3, server: _, request: "GET /api HTTP/1.1", upstream: "http://10.0.0.7:8080/api", host: "shop"',
      '2024/03/02 11:04:05 write tcp 10.0.0.5:8080->10.0.0.9:51522: write: broken pipe',
      '2024-03-02 11:04:05,210 [pool-2-thread-7] ERROR c.e.billing.LedgerClient - call failed\njava.net.SocketException: Connection reset\n\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:328)',
    ],
    miss: [
      '2024-03-02 11:04:05,210 [main] INFO  c.e.NetStats - connection resets: 0, retransmits: 12',
      '2024/03/02 11:04:05 [notice] 3012#3012: signal process started; pipe reopened',
    ],
  },
});
