import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeExitStatus, killedBy, signalNumber } from './exit-status.js';

test('exit statuses above 128 are signals', () => {
  assert.deepEqual(decodeExitStatus(137), { exitStatus: 137, signal: 'SIGKILL' });
  assert.deepEqual(decodeExitStatus(139), { exitStatus: 139, signal: 'SIGSEGV' });
  assert.deepEqual(decodeExitStatus(143), { exitStatus: 143, signal: 'SIGTERM' });
  assert.deepEqual(decodeExitStatus(134), { exitStatus: 134, signal: 'SIGABRT' });
  assert.deepEqual(decodeExitStatus(1), { exitStatus: 1, signal: null });
  assert.deepEqual(decodeExitStatus(255), { exitStatus: 255, signal: null });
});

test('signals by name, short name or number', () => {
  assert.deepEqual(killedBy('SIGKILL'), { exitStatus: 137, signal: 'SIGKILL' });
  assert.deepEqual(killedBy('9'), { exitStatus: 137, signal: 'SIGKILL' });
  assert.equal(signalNumber('SEGV'), 11);
  assert.equal(signalNumber('NOPE'), null);
});
