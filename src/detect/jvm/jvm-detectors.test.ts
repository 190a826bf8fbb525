import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { repoPath, tempDir } from '../../../test/support/paths.js';
import type { DetectorDef } from '../define.js';
import { analyze } from '../../pipeline.js';
import { jvmFullGcRun } from './full-gc-run.js';
import { jvmGcPause, limitOf } from './gc-pause.js';
import { jvmOomExit } from './oom-exit.js';
import { jvmOutOfMemoryError } from './out-of-memory-error.js';

const OOM = 'test/fixtures/logs/jvm/oom';

async function run(d: DetectorDef, paths: string[]) {
  return (await analyze({ paths, zone: 'UTC', year: 2026, detectors: [d] })).findings;
}

describe('jvm detectors on recorded OpenJDK 17 output', () => {
  test('Serial GC with a 1.8 GiB live set: long pauses fold into one finding, safepoints are not counted twice', async () => {
    const fs = await run(jvmGcPause, [repoPath(OOM, 'serial-long-pauses-gc.log')]);
    assert.equal(fs.length, 1);
    const f = fs[0]!;
    // 6 GC pauses of 2.2-6.3 s; the 6 safepoint reports are the same stops
    assert.equal(f.facts['count'], 6);
    assert.equal(f.facts['pauseMs'], 6338.349);
    assert.equal(f.facts['kind'], 'full');
    assert.ok((f.facts['safepointMs'] as number) >= 6338.349);
    assert.equal(f.facts['limitMs'], null);
    assert.equal(f.severity, 'warning');
  });

  test('the same pauses on a ZooKeeper host are judged against its sync limit', async () => {
    const tmp = tempDir();
    try {
      mkdirSync(join(tmp.dir, 'zk-1', 'logs'), { recursive: true });
      copyFileSync(repoPath(OOM, 'serial-long-pauses-gc.log'), join(tmp.dir, 'zk-1', 'logs', 'gc.log'));
      writeFileSync(join(tmp.dir, 'zk-1', 'logs', 'zookeeper.log'), [
        '2026-11-22 04:47:00,100 [myid:1] - INFO  [main:o.a.z.s.ZooKeeperServer@1306] - Created server with tickTime 2000 ms minSessionTimeout 4000 ms maxSessionTimeout 40000 ms clientPortListenBacklog -1 datadir /var/lib/zookeeper/version-2 snapdir /var/lib/zookeeper/version-2',
        '2026-11-22 04:47:00,101 [myid:1] - INFO  [main:o.a.z.s.q.QuorumPeer@1843] - syncLimit set to 2',
      ].join('\n') + '\n');
      const fs = await run(jvmGcPause, [tmp.dir]);
      assert.equal(fs.length, 1);
      assert.equal(fs[0]!.facts['limitMs'], 4000);
      assert.equal(fs[0]!.facts['exceedsLimit'], true);
      assert.equal(fs[0]!.severity, 'error');
      assert.match(fs[0]!.title, /longer than/);
    } finally {
      tmp.remove();
    }
  });

  test('JDK 8 logs (hand-written layout): a safepoint report stamped at the end of its GC is that GC\'s stop', async () => {
    const fs = await run(jvmGcPause, [repoPath('test/fixtures/logs/jvm/jdk8-parnew-cms.log')]);
    assert.equal(fs.length, 1);
    // two CMS full collections (8.1 s with a concurrent mode failure, 7.7 s), not four stops
    assert.equal(fs[0]!.facts['count'], 2);
    assert.equal(fs[0]!.facts['pauseMs'], 8123.679);
    assert.equal(fs[0]!.facts['safepointMs'], 8124.501);
  });

  test('recorded lab bundle (ZooKeeper 3.8 follower swapping): the 2.1 s pause against the 2 s sync limit', async () => {
    const fs = await run(jvmGcPause, [repoPath('test/fixtures/bundles/zk-gc-pause-flood')]);
    assert.equal(fs.length, 1);
    const f = fs[0]!;
    assert.equal(f.host, 'lockd-b');
    // its GC log lies beside the ZooKeeper server's log
    assert.equal(f.process, 'zookeeper');
    assert.deepEqual([f.facts['pauseMs'], f.facts['limitMs'], f.facts['exceedsLimit']], [2094.791, 2000, true]);
    assert.equal(new Date(f.timeMs!).toISOString(), '2026-11-22T08:02:02.107Z');
  });

  test('limitOf picks the smallest timeout shown', () => {
    const base = { tickMs: 2000, syncLimit: 5, initLimit: 10, minSessionTimeoutMs: 4000, negotiatedMs: null, sessionConfMs: null, sessionConfName: null };
    assert.deepEqual(limitOf(base), { limitMs: 4000, limitName: 'minSessionTimeout' });
    assert.deepEqual(limitOf({ ...base, minSessionTimeoutMs: null }), { limitMs: 10000, limitName: 'syncLimit*tickTime' });
    assert.equal(limitOf({ ...base, tickMs: null, minSessionTimeoutMs: null }), null);
  });

  test('a 16 MiB heap: full GCs in a row that free nothing', async () => {
    const fs = await run(jvmFullGcRun, [repoPath(OOM, 'heap-gc.log')]);
    assert.equal(fs.length, 1);
    assert.equal(fs[0]!.facts['fullGcs'], 3); // the first full GC left 12M of 15M: below 90%
    assert.equal(fs[0]!.facts['heapTotalBytes'], 15 * 1048576);
  });

  test('the parallel-collector recording without wall-clock times', async () => {
    const fs = await run(jvmFullGcRun, [repoPath('test/fixtures/logs/jvm/parallel-uptime.log')]);
    assert.ok(fs.length >= 1);
    assert.equal(fs[0]!.timeMs, null);
    assert.ok((fs[0]!.facts['fullGcs'] as number) >= 3);
  });

  test('OutOfMemoryError kinds as the JVM prints them', async () => {
    const kinds: Record<string, string> = { 'heap-main': 'heap', direct: 'direct-buffer', metaspace: 'metaspace' };
    for (const [file, kind] of Object.entries(kinds)) {
      const fs = await run(jvmOutOfMemoryError, [repoPath(OOM, `${file}.stderr.log`)]);
      assert.equal(fs.length, 1, file);
      assert.equal(fs[0]!.facts['kind'], kind, file);
      assert.equal(fs[0]!.facts['thread'], 'main');
    }
    const direct = (await run(jvmOutOfMemoryError, [repoPath(OOM, 'direct.stderr.log')]))[0]!;
    assert.equal(direct.facts['directLimitBytes'], 2097152);
    // -XX:+ExitOnOutOfMemoryError: the exit, not a second memory finding
    assert.deepEqual(await run(jvmOutOfMemoryError, [repoPath(OOM, 'exit-on-oom.stderr.log')]), []);
    const exit = await run(jvmOomExit, [repoPath(OOM, 'exit-on-oom.stderr.log')]);
    assert.equal(exit.length, 1);
    assert.equal(exit[0]!.facts['how'], 'exit-on-oom');
    const main = await run(jvmOomExit, [repoPath(OOM, 'metaspace.stderr.log')]);
    assert.equal(main[0]!.facts['detail'], 'Metaspace');
  });
});
