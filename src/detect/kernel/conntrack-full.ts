import { signature } from '../define.js';

/**
 * netfilter's connection-tracking table is full (nf_conntrack_max reached): "nf_conntrack: nf_conntrack:
 * table full, dropping packet" (older: "ip_conntrack: table full, dropping packet."). New flows' first
 * packets are dropped silently, no RST: clients see connect timeouts and the hosts look unreachable
 * to each other, so network-partition rather than connection-refused (which needs a refusal).
 */
export const kernelConntrackFull = signature({
  name: 'kernel-conntrack-full',
  category: 'network-partition',
  software: 'linux-kernel',
  description: 'The netfilter conntrack table is full: new connections\' packets are dropped',
  formats: '*',
  prefilter: 'table full, dropping packet',
  match: /\b(nf|ip)_conntrack: table full, dropping packet/,
  severity: 'error',
  hit(m) {
    return {
      facts: { table: `${m[1]}_conntrack` },
      process: 'kernel',
      pid: null,
      key: 'conntrack',
      title: 'conntrack table full: the kernel drops packets of new connections',
    };
  },
  // ratelimited and repeated for as long as the table stays full
  mergeGapMs: 5 * 60_000,
  samples: {
    hit: [
      '[Sun May 10 15:47:41 2026] nf_conntrack: nf_conntrack: table full, dropping packet',
      'May 10 15:47:41 lb-1 kernel: [8812466.010203] nf_conntrack: table full, dropping packet',
    ],
    miss: ['[Sun May 10 15:47:41 2026] nf_conntrack: default automatic helper assignment has been turned off for security reasons and CT-based firewall rule not found. Use the iptables CT target to attach helpers instead.'],
  },
});
