import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byLine, parseFixture } from '../../../test/support/document-fixture.js';
import { psAux } from './ps-aux.js';

test('ps aux recorded on Debian: one record per process, sizes in bytes', () => {
  const { records, text } = parseFixture(psAux, 'cmd', 'ps-aux.txt');
  assert.equal(records.length, text.trim().split('\n').length - 1);
  const server = byLine(records, 3);
  assert.equal(server.process, 'node');
  assert.equal(server.pid, 10);
  assert.equal(server.fields!.rssBytes, 43568 * 1024);
  assert.equal(server.fields!.vszBytes, 728780 * 1024);
  assert.equal(server.fields!.cpuPercent, 9);
  assert.equal(server.fields!.state, 'Sl');
  assert.equal(server.fields!.command, 'node /tmp/rec/server.cjs 8080 /tmp/rec/ctl.sock');
  assert.equal(server.text, text.split('\n')[2]);
});

test('ps aux: kernel threads, long times and comma decimals', () => {
  const text = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n' +
    'root           2  0,0  0,0      0     0 ?        S    Mar02   0:00 [kthreadd]\n' +
    'zk         38581 398  71.2 74715152 46243588 ?   Sl   Mar02 1234:56 /usr/lib/jvm/bin/java -Xmx48g -cp zookeeper.jar\n' +
    'not a process row\n';
  const { records } = psAux.parse(text, { yearFor: () => 2026 });
  assert.equal(records.length, 2);
  assert.equal(records[0]!.process, 'kthreadd');
  assert.equal(records[0]!.fields!.cpuPercent, 0);
  assert.equal(records[1]!.process, 'java');
  assert.equal(records[1]!.fields!.cpuPercent, 398);
  assert.equal(records[1]!.fields!.cpuTimeSec, 1234 * 60 + 56);
  assert.equal(records[1]!.fields!.rssBytes, 46243588 * 1024);
});

test('ps aux: text without the header is not read as ps', () => {
  assert.equal(psAux.recognize('root 1 0.0 0.0 1 1 ? S 04:09 0:00 init\n', 'ps-aux.txt'), 0);
  assert.deepEqual(psAux.parse('hello\n', { yearFor: () => 2026 }).records, []);
});
