import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { redisCliXpending } from './redis-cli-xpending.js';

const ctx = { yearFor: () => 2026 };

for (const path of [['logs', 'redis', 'redis-cli-XPENDING.txt'], ['bundles', 'redis-oversized-message-oom', 'queue-r1', 'cmd', 'redis-cli-XPENDING-invoices-invoice-parsers.txt']]) {
  test(`${path.join('/')}: one record per pending entry`, () => {
    // the first recorded by scripts/record/redis.sh, the second in the lab's incident bundle
    const text = readFileSync(repoPath('test', 'fixtures', ...path), 'utf8');
    assert.equal(sniffFormat(text, 'unnamed.txt', ctx).format.name, 'redis-cli-xpending');
    const [id, consumer, idle, deliveries] = text.trimEnd().split('\n');
    const r = redisCliXpending.parse(text, ctx);
    assert.equal(r.records.length, 1);
    assert.deepEqual(r.records[0]!.fields, { id, entryMs: Number(id!.split('-')[0]), consumer, idleMs: Number(idle), deliveries: Number(deliveries) });
  });
}

test('the summary form and other number lists are not the extended form', () => {
  assert.equal(redisCliXpending.recognize('1\n1795322122393-0\n1795322122393-0\netl-w4\n1\n', 'x'), 0);
  assert.equal(redisCliXpending.recognize('1\n2\n3\n4\n', 'x'), 0);
  const r = redisCliXpending.parse('1-0\nc\n5\n1\n2-0\nc\nx\n1\n', ctx);
  assert.equal(r.records.length, 1);
  assert.equal(r.warnings?.length, 1);
});
