import { defineFormat, type DocumentFormat } from '../define.js';
import { parseNetCounters } from './proc-net-counters.js';

const HEADLINE = {
  Tcp: ['CurrEstab', 'ActiveOpens', 'PassiveOpens', 'AttemptFails', 'EstabResets', 'RetransSegs', 'InErrs', 'OutRsts'],
  Udp: ['InDatagrams', 'NoPorts', 'InErrors', 'RcvbufErrors', 'SndbufErrors'],
  Ip: ['InReceives', 'InDiscards', 'OutDiscards'],
};

/**
 * /proc/net/snmp: the kernel's SNMP MIB counters since boot, one record per protocol (Ip, Icmp,
 * Tcp, Udp...): Tcp AttemptFails/EstabResets/RetransSegs/OutRsts, Udp buffer errors.
 */
export const procNetSnmp = defineFormat<DocumentFormat>({
  name: 'proc-net-snmp',
  description: '/proc/net/snmp: IP, ICMP, TCP and UDP counters (Tcp RetransSegs, EstabResets, Udp RcvbufErrors...)',
  producer: 'kernel',
  shape: 'document',
  pathHint: /(?:^|\/)(?:proc-)?net-snmp(?:\.txt)?$|\/net\/snmp$/,
  recognize: (head) => (/^Ip: Forwarding DefaultTTL [A-Za-z0-9 ]+\r?\nIp: \d+ \d+ /.test(head) ? 0.95 : 0),
  parse: (text) => parseNetCounters(text, HEADLINE),
  samples: [
    {
      text: 'Ip: Forwarding DefaultTTL InReceives InDiscards\nIp: 2 64 8903698 0\n' +
        'Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab\nTcp: 1 200 120000 -1 38185 36961 1162 1987 12\n',
      expect: { message: 'Ip: InReceives 8903698, InDiscards 0', fields: { protocol: 'Ip', Forwarding: 2, DefaultTTL: 64, InReceives: 8903698, InDiscards: 0 } },
    },
  ],
});
