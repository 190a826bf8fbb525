import assert from 'node:assert/strict';
import { test } from 'node:test';
import { processHintFromPath } from './process-hint.js';

test('a service log names its process; generic and command files do not', () => {
  assert.equal(processHintFromPath('edge-1/logs/route-announcer.log.gz'), 'route-announcer');
  assert.equal(processHintFromPath('zk-2/logs/zookeeper.log.3'), 'zookeeper');
  assert.equal(processHintFromPath('zk-2/logs/zookeeper.out'), 'zookeeper');
  assert.equal(processHintFromPath('app/logs/quote-svc-2026-11-22.log'), 'quote-svc');
  assert.equal(processHintFromPath('db/logs/syslog'), null);
  assert.equal(processHintFromPath('db/logs/messages.1.gz'), null);
  assert.equal(processHintFromPath('db/logs/app.log'), null);
  assert.equal(processHintFromPath('db/cmd/ps-aux.txt'), null);
  assert.equal(processHintFromPath('loose-file.log'), null);
});
