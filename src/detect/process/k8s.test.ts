import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { analyze } from '../../pipeline.js';
import { k8sContainerDied } from './k8s-container-died.js';
import { k8sCrashLoop } from './k8s-crash-loop.js';
import { k8sOomKilled } from './k8s-oom-killed.js';

test('kubectl events and pods (test/fixtures/k8s): one OOM kill, one crash loop from both sources, one SIGSEGV exit; the healthy pod gives nothing', async () => {
  const a = await analyze({ paths: [repoPath('test/fixtures/k8s')], zone: 'UTC', year: 2026, detectors: [k8sOomKilled, k8sCrashLoop, k8sContainerDied] });
  const by = (d: string) => a.findings.filter((f) => f.detector === d);
  const [oom] = by('k8s-oom-killed');
  assert.equal(by('k8s-oom-killed').length, 1);
  assert.deepEqual([oom!.host, oom!.process, oom!.facts.memoryLimitBytes, oom!.facts.exitStatus, oom!.timeMs], ['node-b', 'api', 512 * 1024 * 1024, 137, Date.parse('2026-05-10T07:45:51Z')]);
  const loops = by('k8s-crash-loop');
  assert.equal(loops.length, 1);
  // pod status and kubelet event about the same container make one finding
  assert.deepEqual([loops[0]!.facts.restarts, loops[0]!.facts.backoffs, loops[0]!.facts.crashLoopBackOff, loops[0]!.facts.lastReason, loops[0]!.evidence.length], [7, 14, true, 'OOMKilled', 2]);
  assert.equal(loops[0]!.timeMs, Date.parse('2026-05-10T07:40:01Z'));
  const died = by('k8s-container-died');
  assert.deepEqual(died.map((f) => [f.process, f.facts.signal, f.facts.exitStatus]), [['worker', 'SIGSEGV', 139]]);
  assert.equal(a.findings.some((f) => f.process === 'web'), false);
});
