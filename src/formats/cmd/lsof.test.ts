import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byLine, parseFixture } from '../../../test/support/document-fixture.js';
import { lsof } from './lsof.js';

test('lsof -p recorded on Debian: every open file of the server, sockets with state', () => {
  const { records, text } = parseFixture(lsof, 'cmd', 'lsof-p.txt');
  assert.equal(records.length, text.trim().split('\n').length - 1);
  const closeWait = records.filter((r) => r.fields!.state === 'CLOSE_WAIT');
  assert.equal(closeWait.length, 6);
  for (const r of closeWait) {
    assert.equal(r.process, 'node');
    assert.equal(r.pid, 10);
    assert.equal(r.fields!.localPort, 8080);
    assert.equal(r.fields!.peerAddress, '127.0.0.1');
    assert.equal(r.fields!.protocol, 'TCP');
  }
  const listen = records.find((r) => r.fields!.state === 'LISTEN')!;
  assert.equal(listen.fields!.localAddress, '*');
  assert.equal(listen.fields!.fd, 20);
  assert.equal(listen.fields!.fdText, '20u');
  // a unix socket: DEVICE is a kernel address wider than its heading
  const unix = records.find((r) => r.fields!.type === 'unix')!;
  assert.match(String(unix.fields!.device), /^0x[0-9a-f]+$/);
  assert.equal(unix.fields!.name, '/tmp/rec/ctl.sock type=STREAM (LISTEN)');
  const exe = byLine(records, 4);
  assert.equal(exe.fields!.fdText, 'txt');
  assert.equal(exe.fields!.fd, null);
  assert.equal(exe.fields!.sizeBytes, 98932688);
});

test('lsof with TID/TASKCMD columns (recorded): process rows and thread rows apart', () => {
  const { records } = parseFixture(lsof, 'cmd', 'lsof.txt');
  const processRows = records.filter((r) => r.fields!.tid === null);
  const threadRows = records.filter((r) => r.fields!.tid !== null);
  assert.ok(processRows.length > 50);
  assert.ok(threadRows.length > 0);
  assert.ok(threadRows.every((r) => typeof r.fields!.tid === 'number' && typeof r.fields!.taskCommand === 'string'));
  assert.equal(processRows.filter((r) => r.pid === 10 && r.fields!.state === 'CLOSE_WAIT').length, 6);
  assert.ok(records.every((r) => r.fields!.user === 'root'));
  const cwd = byLine(records, 2);
  assert.equal(cwd.process, 'bash');
  assert.equal(cwd.fields!.device, '254,0');
  assert.equal(cwd.fields!.node, '5308572');
});

test('lsof: blank DEVICE/SIZE columns and names with spaces', () => {
  const text = 'COMMAND    PID  TID TASKCMD   USER   FD      TYPE DEVICE SIZE/OFF     NODE NAME\n' +
    'process_a    1                root  cwd   unknown                          /proc/1/cwd (readlink: Permission denied)\n' +
    'java       812                zk  1021u      IPv4 998877      0t0      TCP 10.0.0.5:2181->10.0.0.9:50122 (CLOSE_WAIT)' + '\n';
  const { records } = lsof.parse(text, { yearFor: () => 2026 });
  assert.equal(records.length, 2);
  assert.equal(records[0]!.fields!.type, 'unknown');
  assert.equal(records[0]!.fields!.device, null);
  assert.equal(records[0]!.fields!.name, '/proc/1/cwd (readlink: Permission denied)');
  assert.equal(records[1]!.fields!.fd, 1021);
  assert.equal(records[1]!.fields!.state, 'CLOSE_WAIT');
  assert.equal(records[1]!.fields!.peerPort, 50122);
});

test('lsof rows that lost their alignment are read word by word', () => {
  const text = 'COMMAND PID USER FD TYPE DEVICE SIZE/OFF NODE NAME\n' +
    'java 812 zk 1021u IPv4 998877 0t0 TCP 10.0.0.5:2181->10.0.0.9:50122 (CLOSE_WAIT)\n' +
    'java 812 zk 4r REG 8,1 1024 1234 /opt/zk/conf/zoo.cfg\n';
  const { records } = lsof.parse(text, { yearFor: () => 2026 });
  assert.equal(records.length, 2);
  assert.equal(records[0]!.fields!.state, 'CLOSE_WAIT');
  assert.equal(records[0]!.fields!.fd, 1021);
  assert.equal(records[0]!.fields!.name, '10.0.0.5:2181->10.0.0.9:50122 (CLOSE_WAIT)');
  assert.equal(records[1]!.fields!.sizeBytes, 1024);
  assert.equal(records[1]!.fields!.name, '/opt/zk/conf/zoo.cfg');
});
