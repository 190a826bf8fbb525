import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { sniffFormat } from '../sniff.js';
import { redisServer } from './redis-server.js';

const ctx = { yearFor: () => 2026 };

for (const path of [['logs', 'redis', 'redis-server.log'], ['bundles', 'redis-oversized-message-oom', 'queue-r1', 'logs', 'redis', 'redis-server.log']]) {
  test(`every line of ${path.join('/')} parses with its pid, role and level`, () => {
    // the first recorded by scripts/record/redis.sh, the second in the lab's incident bundle
    const text = readFileSync(repoPath('test', 'fixtures', ...path), 'utf8');
    assert.equal(sniffFormat(text, 'unnamed.txt', ctx).format.name, 'redis-server');
    for (const line of text.trimEnd().split('\n')) {
      const p = redisServer.parse(line, ctx);
      assert.ok(p, line);
      assert.equal(p.pid, Number(line.slice(0, line.indexOf(':'))));
      assert.ok(p.wallMs !== undefined);
      if (line.includes(' # ')) assert.equal(p.severity, 'warn');
    }
  });
}

test('lines of other logs are not redis-server', () => {
  assert.equal(redisServer.parse('2026-11-22 04:30:26,316 WARN exited: migrator (exit status 1; not expected)', ctx), undefined);
  assert.equal(redisServer.parse('21558:M 22 Foo 2026 04:35:06.706 * Ready', ctx), undefined);
});
