import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { analyze } from '../../pipeline.js';
import { goRuntimeCrash } from './go-runtime-crash.js';

const findings = async (path: string) => (await analyze({ paths: [repoPath(path)], zone: 'UTC', year: 2026, detectors: [goRuntimeCrash] })).findings;

test('a Go program out of memory under ulimit -v (scripts/record/go-runtime-oom.sh): one crash, outOfMemory', async () => {
  const fs = await findings('test/fixtures/logs/go/runtime-oom.log');
  assert.equal(fs.length, 1);
  assert.deepEqual([fs[0]!.facts.kind, fs[0]!.facts.outOfMemory, fs[0]!.facts.reason], ['fatal-error', true, 'out of memory allocating heap arena metadata']);
  assert.equal(fs[0]!.timeMs, Date.UTC(2026, 10, 22, 4, 43, 6));
});

test('recorded panics (scripts/record/go.sh): a runtime panic and a log.Panicf, each once; logs without a crash give none', async () => {
  const runtime = await findings('test/fixtures/logs/go/std-log-runtime-panic.log');
  assert.deepEqual(runtime.map((f) => [f.facts.kind, f.facts.reason, f.facts.outOfMemory]), [['panic', 'runtime error: index out of range [5] with length 3', false]]);
  const panicf = await findings('test/fixtures/logs/go/std-log-panicf.log');
  assert.equal(panicf.length, 1);
  assert.equal(panicf[0]!.facts.kind, 'panic');
  assert.deepEqual(await findings('test/fixtures/logs/go/gokit-logfmt.log'), []);
});
