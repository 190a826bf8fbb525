/** One row of /proc/net/tcp or /proc/net/tcp6. */
export interface TcpSocket {
  family: 4 | 6;
  localAddr: string;
  localPort: number;
  peerAddr: string;
  peerPort: number;
  /** ss's name for the state: ESTAB, CLOSE-WAIT, LISTEN... */
  state: string;
  /** Bytes not yet acknowledged (for LISTEN: 0, the backlog is not in this file). */
  sendQ: number;
  /** Bytes not yet read by the process (for LISTEN: connections waiting in the accept queue). */
  recvQ: number;
  uid: number;
  inode: number;
}

/** Kernel TCP state numbers (include/net/tcp_states.h) with ss's names for them. */
export const TCP_STATES: Readonly<Record<number, string>> = {
  1: 'ESTAB',
  2: 'SYN-SENT',
  3: 'SYN-RECV',
  4: 'FIN-WAIT-1',
  5: 'FIN-WAIT-2',
  6: 'TIME-WAIT',
  7: 'UNCONN',
  8: 'CLOSE-WAIT',
  9: 'LAST-ACK',
  10: 'LISTEN',
  11: 'CLOSING',
  12: 'SYN-RECV',
};

/** Parses the text of /proc/net/tcp (family 4) or /proc/net/tcp6 (family 6); bad rows are skipped. */
export function parseProcNetTcp(text: string, family: 4 | 6): TcpSocket[] {
  const out: TcpSocket[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 10 || !f[0]!.endsWith(':')) continue;
    const local = splitEndpoint(f[1]!, family);
    const peer = splitEndpoint(f[2]!, family);
    const queues = f[4]!.split(':');
    if (!local || !peer || queues.length !== 2) continue;
    const stateNo = Number.parseInt(f[3]!, 16);
    out.push({
      family,
      localAddr: local.addr,
      localPort: local.port,
      peerAddr: peer.addr,
      peerPort: peer.port,
      state: TCP_STATES[stateNo] ?? `UNKNOWN-${stateNo}`,
      sendQ: Number.parseInt(queues[0]!, 16),
      recvQ: Number.parseInt(queues[1]!, 16),
      uid: Number(f[7]),
      inode: Number(f[9]),
    });
  }
  return out;
}

function splitEndpoint(text: string, family: 4 | 6): { addr: string; port: number } | null {
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const hex = text.slice(0, colon);
  const port = Number.parseInt(text.slice(colon + 1), 16);
  if (family === 4 && hex.length === 8) return { addr: ipv4FromHex(hex), port };
  if (family === 6 && hex.length === 32) return { addr: ipv6FromHex(hex), port };
  return null;
}

/** The kernel prints each 32-bit word in host order (little-endian on x86 and arm64). */
function wordBytes(hex8: string): number[] {
  const b: number[] = [];
  for (let i = 6; i >= 0; i -= 2) b.push(Number.parseInt(hex8.slice(i, i + 2), 16));
  return b;
}

export function ipv4FromHex(hex8: string): string {
  return wordBytes(hex8).join('.');
}

export function ipv6FromHex(hex32: string): string {
  const bytes: number[] = [];
  for (let w = 0; w < 4; w++) bytes.push(...wordBytes(hex32.slice(w * 8, w * 8 + 8)));
  // IPv4-mapped addresses print as ::ffff:a.b.c.d, as ss does
  if (bytes.slice(0, 10).every((x) => x === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    return `::ffff:${bytes.slice(12).join('.')}`;
  }
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i]! << 8) | bytes[i + 1]!);
  return compressIpv6(groups);
}

/** RFC 5952: the longest run (2+) of zero groups becomes '::'. */
function compressIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}
