import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findExecutable, runBounded } from './run-bounded.js';

test('runBounded captures output with LC_ALL=C', async () => {
  const r = await runBounded(['sh', '-c', 'echo "$LC_ALL"; echo err >&2'], { timeoutMs: 2000, maxBytes: 1024 });
  assert.equal(r.stdout, 'C\n');
  assert.equal(r.stderr, 'err\n');
  assert.equal(r.exitCode, 0);
  assert.equal(r.timedOut, false);
});

test('runBounded ends a command that overruns its timeout, keeping partial output', async () => {
  const started = Date.now();
  const r = await runBounded(['sh', '-c', 'echo first; exec sleep 30'], { timeoutMs: 300, maxBytes: 1024 });
  assert.equal(r.timedOut, true);
  assert.equal(r.stdout, 'first\n');
  assert.ok(Date.now() - started < 2500);
});

test('runBounded stops reading at its byte cap', async () => {
  const r = await runBounded(['sh', '-c', 'yes culprit'], { timeoutMs: 5000, maxBytes: 4096 });
  assert.equal(r.truncated, true);
  assert.equal(r.stdout.length, 4096);
});

test('a missing command is reported, not started', async () => {
  const r = await runBounded(['culprit-no-such-tool'], { timeoutMs: 500, maxBytes: 10 });
  assert.equal(r.missing, true);
  assert.equal(findExecutable('culprit-no-such-tool'), null);
  assert.ok(findExecutable('sh'));
});
