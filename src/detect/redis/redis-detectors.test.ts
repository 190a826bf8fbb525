import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { analyze } from '../../pipeline.js';
import { redisAofWriteError } from './aof-write-error.js';

describe('redis detectors', () => {
  test('redis-aof-write-error on the recorded log of a Redis whose AOF volume filled up', async () => {
    const path = repoPath('test/fixtures/bundles/disk-full-spool/relay-n4/logs/redis/redis-server.log');
    const fs = (await analyze({ paths: [path], zone: 'UTC', year: 2026, detectors: [redisAofWriteError] })).findings;
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.category, 'disk-full');
    assert.equal(fs[0]!.process, 'redis-server');
    assert.equal(fs[0]!.facts.error, 'short write');
    assert.ok(Number(fs[0]!.facts.writtenBytes) < Number(fs[0]!.facts.expectedBytes));
  });
});
