import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byLine, parseFixture } from '../../../test/support/document-fixture.js';
import { ssTan } from './ss-tan.js';

test('ss -tanp recorded on Debian: CLOSE-WAIT sockets of the server, with their process', () => {
  const { records } = parseFixture(ssTan, 'cmd', 'ss-tanp.txt');
  assert.equal(records.length, 15);
  const closeWait = records.filter((r) => r.fields!.state === 'CLOSE_WAIT');
  assert.equal(closeWait.length, 6);
  for (const r of closeWait) {
    assert.equal(r.process, 'node');
    assert.equal(r.pid, 10);
    assert.equal(r.fields!.localAddress, '127.0.0.1'); // printed [::ffff:127.0.0.1]
    assert.equal(r.fields!.localPort, 8080);
    assert.equal(typeof r.fields!.fd, 'number');
  }
  const listen = byLine(records, 9);
  assert.equal(listen.fields!.state, 'LISTEN');
  assert.equal(listen.fields!.localAddress, '*');
  assert.equal(listen.fields!.peerPort, null);
  assert.equal(listen.fields!.sendQ, 511);
  assert.equal(byLine(records, 2).fields!.state, 'ESTABLISHED');
  assert.equal(byLine(records, 3).fields!.state, 'FIN_WAIT2');
});

test('ss -tan (no -p): sockets without process', () => {
  const { records } = parseFixture(ssTan, 'cmd', 'ss-tan.txt');
  assert.equal(records.length, 15);
  assert.ok(records.every((r) => r.process === null && r.pid === null));
  assert.equal(records.filter((r) => r.fields!.state === 'CLOSE_WAIT').length, 6);
});

test('ss: Netid column, several users, interface suffixes, indented detail lines', () => {
  const text = 'Netid State  Recv-Q Send-Q Local Address:Port   Peer Address:Port Process\n' +
    'tcp   LISTEN 0      4096 127.0.0.53%lo:53          0.0.0.0:*     users:(("systemd-resolve",pid=712,fd=14))\n' +
    'tcp   ESTAB  0      0       [::1]:2181             [::1]:41234  users:(("java",pid=900,fd=88),("java",pid=901,fd=88))\n' +
    '\t cubic wscale:7,7 rto:204 rtt:0.05/0.025\n';
  const { records } = ssTan.parse(text, { yearFor: () => 2026 });
  assert.equal(records.length, 2);
  assert.equal(records[0]!.fields!.netid, 'tcp');
  assert.equal(records[0]!.fields!.localAddress, '127.0.0.53');
  assert.equal(records[0]!.process, 'systemd-resolve');
  assert.equal(records[1]!.fields!.localAddress, '::1');
  assert.equal(records[1]!.fields!.peerPort, 41234);
  assert.equal(records[1]!.fields!.users, 2);
  assert.equal(records[1]!.pid, 900);
});

test('ss of older iproute2: users without pid=/fd= keys', () => {
  const text = 'State      Recv-Q Send-Q        Local Address:Port          Peer Address:Port \n' +
    'CLOSE-WAIT 1      0             10.0.0.5:8080              10.0.0.9:51234  users:(("java",812,45))\n';
  const { records } = ssTan.parse(text, { yearFor: () => 2026 });
  assert.equal(records.length, 1);
  assert.equal(records[0]!.process, 'java');
  assert.equal(records[0]!.pid, 812);
  assert.equal(records[0]!.fields!.fd, 45);
  assert.equal(records[0]!.fields!.recvQ, 1);
});

test('ss is not netstat', () => {
  assert.equal(ssTan.recognize('Proto Recv-Q Send-Q Local Address           Foreign Address         State\n', 'ss-tan.txt'), 0);
});
