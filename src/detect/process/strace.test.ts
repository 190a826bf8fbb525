import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { analyze } from '../../pipeline.js';
import { straceEnomem } from './strace-enomem.js';
import { straceKilled } from './strace-killed.js';

// recorded by scripts/record/strace.sh: a 1 GiB mmap refused under ulimit -v, a child killed by SIGKILL
const run = async () => (await analyze({ paths: [repoPath('test/fixtures/logs/strace')], zone: 'UTC', year: 2026, detectors: [straceEnomem, straceKilled] })).findings;

test('strace recordings: the refused 1 GiB mmap and the SIGKILL', async () => {
  const fs = await run();
  const enomem = fs.filter((f) => f.detector === 'strace-enomem');
  assert.equal(enomem.length, 1);
  assert.deepEqual([enomem[0]!.facts.syscall, enomem[0]!.facts.requestBytes, enomem[0]!.category], ['mmap', 1 << 30, 'memory-pressure']);
  const killed = fs.filter((f) => f.detector === 'strace-killed');
  assert.equal(killed.length, 1);
  assert.deepEqual([killed[0]!.facts.signal, killed[0]!.facts.exitStatus, killed[0]!.severity], ['SIGKILL', 137, 'critical']);
});
