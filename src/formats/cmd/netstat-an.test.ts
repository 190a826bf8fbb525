import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byLine, parseFixture } from '../../../test/support/document-fixture.js';
import { netstatAn } from './netstat-an.js';

test('netstat -anp recorded on Debian: TCP sockets with program, UNIX sockets counted', () => {
  const { records } = parseFixture(netstatAn, 'cmd', 'netstat-anp.txt');
  const tcp = records.filter((r) => typeof r.fields!.proto === 'string');
  assert.equal(tcp.length, 15);
  const closeWait = tcp.filter((r) => r.fields!.state === 'CLOSE_WAIT');
  assert.equal(closeWait.length, 6);
  assert.ok(closeWait.every((r) => r.process === 'node' && r.pid === 10 && r.fields!.localPort === 8080));
  const listen = byLine(records, 10);
  assert.equal(listen.fields!.proto, 'tcp6');
  assert.equal(listen.fields!.localAddress, '::');
  assert.equal(listen.fields!.peerAddress, '::');
  assert.equal(listen.fields!.peerPort, null);
  const unix = records.find((r) => r.fields!.unixSockets !== undefined)!;
  assert.equal(unix.fields!.unixSockets, 1);
  assert.equal(unix.line, 18);
});

test('netstat -an (no -p): no process', () => {
  const { records } = parseFixture(netstatAn, 'cmd', 'netstat-an.txt');
  const tcp = records.filter((r) => typeof r.fields!.proto === 'string');
  assert.equal(tcp.length, 15);
  assert.ok(tcp.every((r) => r.process === null));
  assert.equal(tcp.filter((r) => r.fields!.state === 'FIN_WAIT2').length, 6);
});

test('netstat: UDP without state, receive queue, unix rows are not sockets of TCP', () => {
  const text = 'Active Internet connections (servers and established)\n' +
    'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name\n' +
    'udp        0      0 0.0.0.0:68              0.0.0.0:*                           611/dhclient\n' +
    'tcp       12      0 10.0.0.5:8080           10.0.0.9:51000          CLOSE_WAIT  812/java\n' +
    'Active UNIX domain sockets (servers and established)\n' +
    'Proto RefCnt Flags       Type       State         I-Node   PID/Program name     Path\n' +
    'unix  2      [ ACC ]     STREAM     LISTENING     19227    10/node              /run/x.sock\n' +
    'unix  3      [ ]         STREAM     CONNECTED     19228    -\n';
  const { records } = netstatAn.parse(text, { yearFor: () => 2026 });
  assert.equal(records.length, 3);
  assert.equal(records[0]!.fields!.state, null);
  assert.equal(records[0]!.process, 'dhclient');
  assert.equal(records[1]!.fields!.recvQ, 12);
  assert.equal(records[1]!.process, 'java');
  assert.equal(records[2]!.fields!.unixSockets, 2);
});

test('netstat is not ss', () => {
  assert.equal(netstatAn.recognize('State      Recv-Q Send-Q      Local Address:Port        Peer Address:Port Process\n', 'netstat-an.txt'), 0);
});
