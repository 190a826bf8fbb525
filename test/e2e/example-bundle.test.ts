import assert from 'node:assert/strict';
import { test } from 'node:test';
import { repoPath } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';

test('the README example: the OOM kill on zk-2 is the root cause, with the chain to the stopped tasks', () => {
  const r = runCli(['analyze', repoPath('examples', 'zk-oom-bundle'), '--format', 'json', '--tz', 'Asia/Shanghai']);
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  const top = report.rootCauses[0];
  assert.equal(top.category, 'oom-kill');
  assert.equal(top.host, 'zk-2');
  assert.equal(top.process, 'batch-sim');
  assert.equal(top.time, '2026-05-10T07:45:37.000Z');
  const byId = new Map(report.findings.map((f: { id: string }) => [f.id, f]));
  const chainCategories = top.chain.map((id: string) => (byId.get(id) as { category: string }).category);
  for (const c of ['oom-kill', 'quorum-member-loss', 'coordination-session-loss', 'mass-task-stop']) {
    assert.ok(chainCategories.includes(c), `${c} missing from chain ${chainCategories.join(' > ')}`);
  }
  assert.equal(chainCategories[0], 'oom-kill');
  assert.equal(chainCategories[chainCategories.length - 1], 'mass-task-stop');
  const oom = report.findings.find((f: { category: string }) => f.category === 'oom-kill');
  assert.equal(oom.facts.anonRssBytes, 46240644 * 1024);
  assert.deepEqual(oom.evidence[0], {
    path: 'zk-2/cmd/dmesg-T.txt', line: 9,
    text: '[Sun May 10 15:45:37 2026] Out of memory: Killed process 38581 (batch-sim) total-vm:72960108kB, anon-rss:46240644kB, file-rss:0kB, shmem-rss:0kB, UID:1001 pgtables:91260kB oom_score_adj:0',
  });
});
