import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ipv6FromHex, parseProcNetTcp } from './proc-net-tcp.js';
import { renderSsTanp } from './ss-table.js';

// rows in the kernel's own layout (copied from this machine's /proc/net/tcp{,6} while a loopback
// server held a CLOSE_WAIT socket)
const TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:46A2 00000000:0000 0A 00000000:00000002 00:00000000 00000000     0        0 81234 1 0000000000000000 100 0 0 10 0
   1: 0100007F:46A2 0100007F:A030 08 00000000:00000001 00:00000000 00000000     0        0 81240 1 0000000000000000 20 4 30 10 -1
   2: 0100007F:A030 0100007F:46A2 05 00000000:00000000 00:00000000 00000000     0        0 0 3 0000000000000000
`;
const TCP6 = `  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000000000000:46A1 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 81300 1 0000000000000000 100 0 0 10 0
   1: 00000000000000000000000001000000:46A1 00000000000000000000000001000000:EB08 01 00000000:00000000 00:00000000 00000000  1000        0 81301 1 0000000000000000 20 4 30 10 -1
`;

test('parseProcNetTcp reads addresses, ports, states, queues and inodes', () => {
  const s = parseProcNetTcp(TCP, 4);
  assert.equal(s.length, 3);
  assert.deepEqual(
    s.map((x) => [x.localAddr, x.localPort, x.peerAddr, x.peerPort, x.state, x.recvQ, x.inode]),
    [
      ['127.0.0.1', 18082, '0.0.0.0', 0, 'LISTEN', 2, 81234],
      ['127.0.0.1', 18082, '127.0.0.1', 41008, 'CLOSE-WAIT', 1, 81240],
      ['127.0.0.1', 41008, '127.0.0.1', 18082, 'FIN-WAIT-2', 0, 0],
    ],
  );
  const s6 = parseProcNetTcp(TCP6, 6);
  assert.deepEqual(
    s6.map((x) => [x.localAddr, x.localPort, x.peerAddr, x.peerPort, x.state, x.uid]),
    [
      ['::', 18081, '::', 0, 'LISTEN', 1000],
      ['::1', 18081, '::1', 60168, 'ESTAB', 1000],
    ],
  );
  assert.deepEqual(parseProcNetTcp('garbage\n  0: nothing here\n', 4), []);
});

test('ipv6FromHex prints mapped and compressed addresses as ss does', () => {
  assert.equal(ipv6FromHex('0000000000000000FFFF00000100007F'), '::ffff:127.0.0.1');
  assert.equal(ipv6FromHex('B80D0120000000000000000001000000'), '2001:db8::1');
});

test('renderSsTanp writes the ss -tanp layout with users:(...)', () => {
  const sockets = [...parseProcNetTcp(TCP, 4), ...parseProcNetTcp(TCP6, 6)];
  const owners = new Map([
    [81234, [{ pid: 812, name: 'api', fd: 4 }]],
    [81240, [{ pid: 812, name: 'api', fd: 6 }]],
  ]);
  const lines = renderSsTanp(sockets, owners).trimEnd().split('\n');
  assert.match(lines[0]!, /^State +Recv-Q Send-Q +Local Address:Port +Peer Address:Port *Process$/);
  const cells = lines.slice(1).map((l) => l.trim().split(/\s+/));
  assert.deepEqual(cells[0], ['LISTEN', '2', '0', '127.0.0.1:18082', '0.0.0.0:*', 'users:(("api",pid=812,fd=4))']);
  assert.deepEqual(cells[1], ['CLOSE-WAIT', '1', '0', '127.0.0.1:18082', '127.0.0.1:41008', 'users:(("api",pid=812,fd=6))']);
  assert.deepEqual(cells[2], ['FIN-WAIT-2', '0', '0', '127.0.0.1:41008', '127.0.0.1:18082']);
  assert.deepEqual(cells[3], ['LISTEN', '0', '0', '*:18081', '*:*']);
  assert.deepEqual(cells[4], ['ESTAB', '0', '0', '[::1]:18081', '[::1]:60168']);
});
