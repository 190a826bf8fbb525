import { signature } from '../define.js';
import { netErrorContext, netFacts, netKey, reporterOf } from './net-error.js';

/**
 * A network call that gave up waiting: Go ("i/o timeout", "context deadline exceeded",
 * "Client.Timeout exceeded"), Java (JDK 17 libnet/NioSocketImpl: "Read timed out",
 * "Connect timed out", "Accept timed out", "Receive timed out"), the C library and nginx ("Connection timed out", "upstream timed out (110:
 * Connection timed out)"), Python (socket "TimeoutError: timed out"), Node.js (ETIMEDOUT) and curl ("Operation timed out after 2001 milliseconds").
 */
export const networkTimeout = signature({
  name: 'network-timeout',
  category: 'timeout',
  software: 'any',
  description: 'Network calls and requests that timed out (i/o timeout, deadline exceeded, Read timed out, ETIMEDOUT), folded per reporter and peer',
  formats: '*',
  prefilter: ['i/o timeout', 'deadline exceeded', 'timed out', 'ETIMEDOUT', 'Timeout exceeded'],
  // plural "i/o timeouts" and settings ("read_timeout=30s") are not errors
  match: /(i\/o timeout|context deadline exceeded|Client\.Timeout exceeded|(?:TimeoutError|socket\.timeout)(?:: |\(')timed out|(?:Read|Write|Accept|Receive|Peek|[Cc]onnect(?:ion)?|[Oo]peration|upstream|[Rr]equest) timed out|ETIMEDOUT)(?![a-zA-Z_])/,
  severity: 'warning',
  hit(m, e) {
    const c = netErrorContext(e, m.input);
    // Python's repr "TimeoutError('timed out" reads as what it is
    const word = m[1]!.replace(/^(?:TimeoutError|socket\.timeout)(?:: |\(')/, 'socket ');
    // only these say the kernel gave up on the socket; the others are the caller's own deadline
    const errno = word === 'ETIMEDOUT' || /^[Cc]onnection timed out|^upstream/.test(word) ? 'ETIMEDOUT' : null;
    return {
      facts: { ...netFacts(c, errno), wording: word },
      key: netKey(e, c, errno),
      title: `${word}${c.peer ? ` talking to ${c.peer}` : ''}, seen by ${reporterOf(e)}`,
    };
  },
  samples: {
    hit: [
      // Go net/http client (recorded: lab pg-pool-fd-exhaustion)
      '2026/11/22 04:22:32.466213 WARN worker=9 quote SKU-00006 failed after 2.001s: Get "http://127.0.0.11:8080/v1/quote?sku=SKU-00006": context deadline exceeded (Client.Timeout exceeded while awaiting headers)',
      '2024/03/02 11:04:05 [error] 3012#3012: *91 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.1.2.3, server: _, request: "GET /api HTTP/1.1", upstream: "http://10.0.0.7:8080/api", host: "shop"',
      '2024-03-02 11:04:05,210 [pool-2-thread-7] ERROR c.e.billing.LedgerClient - call to ledger failed: java.net.SocketTimeoutException: Read timed out',
      '2024/03/02 11:04:05 dial tcp 10.0.0.8:5432: i/o timeout',
    ],
    miss: [
      '2024-03-02 11:04:05,210 [main] INFO  c.e.Boot - http client: dial_timeout=5s read_timeout=30s (i/o timeouts are retried twice)',
      '2024-03-02 11:04:05,210 [main] INFO  c.e.Boot - request timed-out handler installed',
    ],
  },
});
