import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStateChange } from './state-change.js';

test('lifecycle and role changes are state changes', () => {
  for (const m of [
    'PEER STATE CHANGE: LOOKING',
    'FOLLOWING - LEADER ELECTION TOOK - 214 MS',
    'Started Session 3 of user root.',
    'nginx.service: Main process exited, code=killed, status=9/KILL',
    'zk: state changed to StateDisconnected',
    'Disconnected from leader (with address: /192.0.2.11:2888)',
    'database system is shut down'.replace('shut down', 'shutting down'),
  ]) assert.ok(isStateChange(m), m);
});

test('ordinary work is not', () => {
  for (const m of [
    'Processing ruok command from /192.0.2.30:41562',
    'GET /api/orders 200 12ms',
    'committed offset 1234 for partition 3',
    'Accepted socket connection from /127.0.0.1:55492',
  ]) assert.ok(!isStateChange(m), m);
});
