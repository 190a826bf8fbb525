import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LogEvent } from '../../events/event.js';
import { netErrorContext, splitPeer } from './net-error.js';

function event(message: string, extra: Partial<LogEvent> = {}): LogEvent {
  return {
    timeMs: 0, timeText: null, host: 'h', path: 'h/logs/app.log', line: 1, format: 'plain', severity: null, process: null,
    pid: null, thread: null, logger: null, message, text: message, fields: null, ...extra,
  };
}

const peerOf = (msg: string, extra: Partial<LogEvent> = {}) => {
  const c = netErrorContext(event(msg, extra));
  return [c.peer, c.syscall];
};

test('peer and call from each runtime\'s wording', () => {
  assert.deepEqual(peerOf('read tcp 10.0.0.1:5555->10.0.0.2:8080: read: connection reset by peer'), ['10.0.0.2:8080', 'read']);
  assert.deepEqual(peerOf('dial tcp 10.0.0.2:5432: connect: connection refused'), ['10.0.0.2:5432', 'connect']);
  // the listen address of a failing accept is ours, not a peer
  assert.deepEqual(peerOf('http: Accept error: accept tcp [::]:8080: accept4: too many open files; retrying in 5ms'), [null, 'accept4']);
  assert.deepEqual(peerOf('Error: connect ECONNREFUSED 127.0.0.1:6379'), ['127.0.0.1:6379', 'connect']);
  assert.deepEqual(peerOf('Get "http://[::1]:9000/x": context deadline exceeded'), ['[::1]:9000', null]);
  assert.deepEqual(peerOf('Connection refused: localhost/127.0.0.1:2181'), ['127.0.0.1:2181', null]);
  assert.deepEqual(peerOf('upstream timed out (110: Connection timed out) while reading response header from upstream', { fields: { upstream: 'http://10.0.0.7:8080/api' } }), ['10.0.0.7:8080', null]);
  assert.deepEqual(peerOf('payment failed: connection refused'), [null, null]);
});

test('a Java exception line names no peer: the log line above it does', () => {
  const e = event('Cannot open channel to 2 at election address /10.0.3.4:3888', { text: 'Cannot open channel to 2 at election address /10.0.3.4:3888\njava.net.ConnectException: Connection refused' });
  assert.equal(netErrorContext(e, 'java.net.ConnectException: Connection refused').peer, '10.0.3.4:3888');
});

test('splitPeer: IPv4, bracketed IPv6, names, no port', () => {
  assert.deepEqual(splitPeer('10.0.0.2:8080'), { address: '10.0.0.2', port: 8080 });
  assert.deepEqual(splitPeer('[fe80::1]:443'), { address: 'fe80::1', port: 443 });
  assert.deepEqual(splitPeer('db.internal:5432,'), { address: 'db.internal', port: 5432 });
  assert.deepEqual(splitPeer('fe80::1'), { address: 'fe80::1', port: null });
  assert.deepEqual(splitPeer('db.internal'), { address: 'db.internal', port: null });
});
