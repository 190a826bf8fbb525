import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { analyze } from '../../pipeline.js';
import type { Finding } from '../finding.js';
import { DETECTORS } from '../registry.js';

/** All detectors over the faults recorded on a real kernel by scripts/record/kernel-faults.sh. */
async function findings(): Promise<Finding[]> {
  const a = await analyze({ paths: [repoPath('test/fixtures/logs/kernel/faults')], zone: 'UTC', year: 2026, detectors: DETECTORS });
  return a.findings;
}

const only = (fs: Finding[], detector: string): Finding => {
  const of = fs.filter((f) => f.detector === detector);
  assert.equal(of.length, 1, `${detector}: ${of.length} findings`);
  return of[0]!;
};

describe('kernel detectors on a recorded kernel (scripts/record/kernel-faults.sh)', () => {
  test('the memory-cgroup OOM: one kill, and its report as a companion memory-pressure finding', async () => {
    const fs = await findings();
    const kill = only(fs, 'kernel-oom-kill');
    assert.equal(kill.pid, 19492);
    const report = only(fs, 'kernel-oom-report');
    assert.equal(report.category, 'memory-pressure');
    assert.equal(report.process, 'mem-hog');
    assert.equal(report.pid, 19492);
    assert.deepEqual(
      { constraint: report.facts.constraint, oomMemcg: report.facts.oomMemcg, limit: report.facts.memoryLimitBytes, usage: report.facts.memoryUsageBytes, order: report.facts.order, gfp: report.facts.gfpFlags },
      { constraint: 'CONSTRAINT_MEMCG', oomMemcg: '/culprit-record-19432', limit: 48 * 1024 * 1024, usage: 48 * 1024 * 1024, order: 0, gfp: 'GFP_KERNEL' },
    );
    // task table: rss in pages (7281 and 5427 × 4 KiB), biggest first
    assert.deepEqual([report.facts.top1Task, report.facts.top1RssBytes, report.facts.top2Task, report.facts.top2RssBytes], ['mem-hog', 7281 * 4096, 'cache-warmer', 5427 * 4096]);
    assert.equal(report.facts.tasks, 2);
    assert.equal(report.facts.victimPid, 19492);
    assert.match(report.title, /memory cgroup \/culprit-record-19432 at its limit \(48\.0 MiB of 48\.0 MiB\)/);
    // the report spans its lines: the evidence ends on the kill
    assert.match(report.evidence.at(-1)!.text, /Killed process 19492/);
  });

  test('the NULL-pointer segfault, decoded', async () => {
    const f = only(await findings(), 'kernel-segfault');
    assert.equal(f.process, 'segv-demo');
    assert.equal(f.pid, 19461);
    assert.deepEqual([f.facts.signal, f.facts.exitStatus, f.facts.nullPointer, f.facts.write, f.facts.errorCode, f.facts.object], ['SIGSEGV', 139, true, true, 6, 'segv-demo']);
  });

  test('a loop device over a full tmpfs: space errors below ext4 are disk-full, the lost writes and ext4 errors are I/O faults', async () => {
    const fs = await findings();
    const nospace = only(fs, 'kernel-block-no-space');
    assert.equal(nospace.category, 'disk-full');
    assert.equal(nospace.facts.device, 'loop0');
    assert.equal(nospace.facts.count, 9);
    const io = only(fs, 'kernel-block-io-error');
    assert.equal(io.facts.device, 'loop0');
    assert.equal(io.facts.count, 16);
    const ext4 = only(fs, 'kernel-fs-error');
    assert.equal(ext4.facts.fs, 'ext4');
    // the WRITE_ZEROES refusal during mkfs and the "mounted filesystem" note are not faults
    for (const f of fs) for (const ev of f.evidence) assert.doesNotMatch(ev.text, /WRITE_ZEROES|mounted filesystem/);
  });

  test('dd on the full tmpfs and df while it was full', async () => {
    const fs = await findings();
    const enospc = only(fs, 'disk-enospc');
    assert.equal(enospc.facts.file, '/var/spool/app/fill.bin');
    const df = only(fs, 'df-full');
    assert.deepEqual([df.severity, df.facts.mount, df.facts.usePercent, df.facts.availBytes, df.facts.sizeBytes], ['critical', '/var/spool/app', 100, 0, 4 * 1024 * 1024]);
  });
});
