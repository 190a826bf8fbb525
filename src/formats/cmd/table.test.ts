import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandName, cpuTimeSeconds, normalizeTcpState, sizeToBytes, splitHostPort } from './table.js';

test('addresses from ss, netstat and lsof', () => {
  assert.deepEqual(splitHostPort('[::ffff:127.0.0.1]:80'), { address: '127.0.0.1', port: 80 });
  assert.deepEqual(splitHostPort(':::22'), { address: '::', port: 22 });
  assert.deepEqual(splitHostPort('[fe80::1%eth0]:443'), { address: 'fe80::1', port: 443 });
  assert.deepEqual(splitHostPort('0.0.0.0:*'), { address: '0.0.0.0', port: null });
  assert.deepEqual(splitHostPort('*:*'), { address: '*', port: null });
});

test('sizes, cpu times, states, command names', () => {
  assert.equal(sizeToBytes('2.0M', 1), 2 * 1024 ** 2);
  assert.equal(sizeToBytes('23Gi', 1), 23 * 1024 ** 3);
  assert.equal(sizeToBytes('0B', 1024), 0);
  assert.equal(sizeToBytes('512', 1024), 512 * 1024);
  assert.equal(sizeToBytes('lots', 1), null);
  assert.equal(cpuTimeSeconds('1-02:03:04'), 93784);
  assert.equal(cpuTimeSeconds('0:01.63'), 1.63);
  assert.equal(normalizeTcpState('CLOSE-WAIT'), 'CLOSE_WAIT');
  assert.equal(normalizeTcpState('FIN-WAIT-1'), 'FIN_WAIT1');
  assert.equal(normalizeTcpState('ESTAB'), 'ESTABLISHED');
  assert.equal(commandName('/usr/lib/jvm/bin/java -Xmx1g'), 'java');
  assert.equal(commandName('postgres: checkpointer'), 'postgres');
});
