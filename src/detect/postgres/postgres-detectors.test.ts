import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import type { DetectorDef } from '../define.js';
import { analyze } from '../../pipeline.js';
import { postgresLockWait } from './lock-wait.js';
import { postgresSlowStatement } from './slow-statement.js';
import { postgresStatementTimeout } from './statement-timeout.js';
import { postgresTooManyClients } from './too-many-clients.js';

async function run(d: DetectorDef, path: string) {
  return (await analyze({ paths: [repoPath(path)], zone: 'UTC', year: 2026, detectors: [d] })).findings;
}

const LAB = 'test/fixtures/bundles/pg-pool-fd-exhaustion';

describe('postgres detectors on recorded PostgreSQL 15 logs', () => {
  test('lab: one lock held 32 s by the batch transaction, 8 backends behind it', async () => {
    const fs = await run(postgresLockWait, LAB);
    assert.equal(fs.length, 1);
    const f = fs[0]!;
    assert.deepEqual([f.facts['holderPid'], f.facts['waiters'], f.facts['lockMode']], [17147, 8, 'AccessShareLock']);
    assert.ok((f.facts['maxWaitMs'] as number) > 31_000);
    assert.equal(f.severity, 'error');
    assert.equal(new Date(f.timeMs!).toISOString(), '2026-11-22T08:08:36.916Z');
  });

  test('lab: the 32 s statements are slow statements; the millisecond ones are not', async () => {
    const fs = await run(postgresSlowStatement, LAB);
    assert.equal(fs.length, 1);
    assert.ok((fs[0]!.facts['durationMs'] as number) >= 31_000);
  });

  test('recorded errors: too many clients, statement timeout; 200 ms lock waits are not findings', async () => {
    for (const file of ['debian-default-prefix.log', 'user-db-prefix-cst.log']) {
      const path = `test/fixtures/logs/postgresql/${file}`;
      const tooMany = await run(postgresTooManyClients, path);
      assert.equal(tooMany.length, 1, file);
      assert.equal(tooMany[0]!.facts['reason'], 'max-connections');
      const timeouts = await run(postgresStatementTimeout, path);
      assert.equal(timeouts.length, 1, file);
      assert.equal(timeouts[0]!.facts['timeout'], 'statement_timeout');
      assert.deepEqual(await run(postgresLockWait, path), [], file);
    }
  });
});
