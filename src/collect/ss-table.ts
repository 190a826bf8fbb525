import type { TcpSocket } from './proc-net-tcp.js';

export interface SocketOwner {
  pid: number;
  name: string;
  fd: number;
}

/** How ss prints an address: IPv6 in brackets, wildcards as '*' (v6) or 0.0.0.0. */
function ssAddr(s: TcpSocket, which: 'local' | 'peer'): string {
  const addr = which === 'local' ? s.localAddr : s.peerAddr;
  if (s.family === 6) return addr === '::' ? '*' : `[${addr}]`;
  return addr;
}

function ssPort(s: TcpSocket, which: 'local' | 'peer'): string {
  const port = which === 'local' ? s.localPort : s.peerPort;
  return port === 0 && (which === 'peer' || s.state === 'LISTEN') ? '*' : String(port);
}

/** ss's process column: users:(("name",pid=1,fd=3),("name",pid=2,fd=3)). */
function ssUsers(owners: readonly SocketOwner[] | undefined): string {
  if (!owners || owners.length === 0) return '';
  return `users:(${owners.map((o) => `("${o.name}",pid=${o.pid},fd=${o.fd})`).join(',')})`;
}

/**
 * Renders sockets read from /proc as `ss -tanp` prints them (iproute2 6.x layout: same columns,
 * same address and users:(...) notation), so the ss-tanp format reads both alike.
 */
export function renderSsTanp(sockets: readonly TcpSocket[], owners: ReadonlyMap<number, readonly SocketOwner[]>): string {
  const rows = sockets.map((s) => ({
    state: s.state,
    recvQ: String(s.recvQ),
    sendQ: String(s.sendQ),
    localAddr: ssAddr(s, 'local'),
    localPort: ssPort(s, 'local'),
    peerAddr: ssAddr(s, 'peer'),
    peerPort: ssPort(s, 'peer'),
    users: s.inode === 0 ? '' : ssUsers(owners.get(s.inode)),
  }));
  const w = (key: keyof (typeof rows)[number], min: number) => rows.reduce((m, r) => Math.max(m, r[key].length), min);
  const wState = w('state', 5);
  const wLocalAddr = w('localAddr', 'Local Address'.length);
  const wLocalPort = w('localPort', 'Port'.length);
  const wPeerAddr = w('peerAddr', 'Peer Address'.length);
  const wPeerPort = w('peerPort', 'Port'.length);
  const lines = [
    `${'State'.padEnd(wState)} Recv-Q Send-Q ${'Local Address'.padStart(wLocalAddr)}:${'Port'.padEnd(wLocalPort)} ${'Peer Address'.padStart(wPeerAddr)}:${'Port'.padEnd(wPeerPort)} Process`,
  ];
  for (const r of rows) {
    lines.push(
      `${r.state.padEnd(wState)} ${r.recvQ.padEnd(6)} ${r.sendQ.padEnd(6)} ${r.localAddr.padStart(wLocalAddr)}:${r.localPort.padEnd(wLocalPort)} ${r.peerAddr.padStart(wPeerAddr)}:${r.peerPort.padEnd(wPeerPort)} ${r.users}`.trimEnd(),
    );
  }
  return `${lines.join('\n')}\n`;
}
