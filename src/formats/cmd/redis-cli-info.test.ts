import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { redisCliInfo } from './redis-cli-info.js';

const ctx = { yearFor: () => 2026 };
// recorded by scripts/record/redis.sh (redis-cli prints CRLF)
const full = readFileSync(repoPath('test', 'fixtures', 'logs', 'redis', 'redis-cli-INFO.txt'), 'utf8');

test('the recorded INFO gives one record per section with Redis names', () => {
  assert.equal(sniffFormat(full, 'unnamed.txt', ctx).format.name, 'redis-cli-info');
  const sections = [...full.matchAll(/^# (\w+)\r$/gm)].map((m) => m[1]);
  const r = redisCliInfo.parse(full, ctx);
  assert.deepEqual(r.records.map((x) => x.fields!.section), sections);
  const mem = r.records.find((x) => x.fields!.section === 'Memory')!;
  assert.equal(mem.fields!.used_memory, Number(/^used_memory:(\d+)\r$/m.exec(full)![1]));
  assert.equal(mem.fields!.maxmemory_policy, /^maxmemory_policy:(\S+)\r$/m.exec(full)![1]);
  const server = r.records.find((x) => x.fields!.section === 'Server')!;
  assert.equal(server.fields!.redis_version, /^redis_version:(\S+)\r$/m.exec(full)![1]);
  assert.equal(server.line, 1);
});

test('INFO memory of the incident bundle is recognised', () => {
  const text = readFileSync(repoPath('test', 'fixtures', 'bundles', 'redis-oversized-message-oom', 'queue-r1', 'cmd', 'redis-cli-INFO-memory.txt'), 'utf8');
  assert.equal(sniffFormat(text, 'unnamed.txt', ctx).format.name, 'redis-cli-info');
  const rec = redisCliInfo.parse(text, ctx).records[0]!;
  assert.equal(rec.fields!.used_memory, 125931616);
  assert.equal(rec.fields!.used_memory_dataset_perc, 99.98);
});
