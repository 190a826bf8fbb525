import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { HangGuard, readBounded } from './read-bounded.js';

test('readBounded reads /proc files (size 0 in stat) and caps bytes', async () => {
  const r = await readBounded('/proc/self/status', { timeoutMs: 1000, maxBytes: 1 << 20 });
  assert.match(r.text, /^Name:/);
  assert.equal(r.truncated, false);
  const capped = await readBounded('/proc/self/status', { timeoutMs: 1000, maxBytes: 10 });
  assert.equal(capped.text.length, 10);
  assert.equal(capped.truncated, true);
  const missing = await readBounded('/proc/does-not-exist', { timeoutMs: 1000, maxBytes: 10 });
  assert.equal(missing.error, 'ENOENT');
});

test('readBounded abandons a read that hangs and counts it on the guard', async () => {
  // opening a FIFO with no writer blocks, the way a /proc read blocks on a stuck process
  const dir = mkdtempSync(join(tmpdir(), 'culprit-fifo-'));
  const fifo = join(dir, 'stuck');
  execFileSync('mkfifo', [fifo]);
  const guard = new HangGuard(1);
  try {
    const started = Date.now();
    const r = await readBounded(fifo, { timeoutMs: 200, maxBytes: 1024, guard });
    const took = Date.now() - started;
    assert.equal(r.timedOut, true);
    assert.ok(took >= 190 && took < 1500, `took ${took} ms`);
    assert.equal(guard.hung, 1);
    assert.equal(guard.exhausted, true);
  } finally {
    // unblock the abandoned open so the thread pool gets its thread back
    const w = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    writeFileSync(w, 'x');
    closeSync(w);
    await new Promise((r) => setTimeout(r, 50));
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(guard.hung, 0);
});
