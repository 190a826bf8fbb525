import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { findingsIn, findingsOfFiles } from '../../../test/support/detect.js';
import { repoPath } from '../../../test/support/paths.js';
import { readEvents } from '../../../test/support/read-events.js';
import { jvmGcPause } from './gc-pause.js';
import { jvmPauseMonitorGc, jvmPauseMonitorStall } from './pause-monitor.js';

const BOTH = [jvmPauseMonitorStall, jvmPauseMonitorGc];
const SPIN = 'test/fixtures/bundles/zk-closed-watch-spin';

/** A ZooKeeper 3.8 pause monitor record (its real wording), logged at `time` (UTC, log4j layout). */
function zkPause(time: string, pauseMs: number, gcLines: string[] = ['No GCs detected'], level = 'INFO ') {
  return [`${time} - ${level} [Thread-0:JvmPauseMonitor$JVMMonitor@204] - Detected pause in JVM or host machine (eg GC): pause of approximately ${pauseMs} ms, total pause: info level: 1, warn level: 0 `, ...gcLines];
}
const file = (lines: string[]) => lines.join('\n') + '\n';

describe('jvm pause monitor on the recorded ZooKeeper freeze (lab zk-closed-watch-spin)', () => {
  test('log4j joins "No GCs detected" to the monitor\'s record', async () => {
    const { events, input } = await readEvents(`${SPIN}/coord-b2/logs/zookeeper/zookeeper.log`);
    const rec = events.filter((e) => e.message.startsWith('Detected pause in JVM'));
    assert.equal(rec.length, 1);
    assert.match(rec[0]!.text, /pause of approximately 8654 ms, total pause: info level: 1, warn level: 0 \nNo GCs detected$/);
    // not an event of its own (it was one, as plain text, before log4j knew the monitor's lines)
    assert.deepEqual(events.filter((e) => e.text.includes('No GCs detected')).map((e) => e.line), [99]);
    assert.equal(input.format, 'log4j');
  });

  test('the SIGSTOP is a process stall of zookeeper, dated at the start of the pause, before the session expiry it caused', async () => {
    const fs = await findingsIn([repoPath(SPIN)], BOTH);
    assert.equal(fs.length, 1);
    const f = fs[0]!;
    const loggedMs = Date.parse('2026-11-22T07:53:01.252Z');
    assert.deepEqual(
      [f.detector, f.category, f.host, f.process, f.severity, f.timeMs, f.endMs],
      ['jvm-pause-monitor-stall', 'process-stall', 'coord-b2', 'zookeeper', 'warning', loggedMs - 8654, loggedMs],
    );
    assert.deepEqual(f.facts, { pauseMs: 8654, gcDetected: false, gcCount: null, gcTimeMs: null, gcPools: null });
    assert.deepEqual(f.evidence.map((e) => [e.path, e.line]), [['coord-b2/logs/zookeeper/zookeeper.log', 99]]);
    // the lab stopped the JVM at the truth's trigger time: the monitor's estimate is late by at most
    // its sleep (500 ms) and the scheduling around it
    const truth = JSON.parse(readFileSync(repoPath(`${SPIN}.truth.json`), 'utf8')) as { trigger: { time: string } };
    const lateMs = f.timeMs! - Date.parse(truth.trigger.time);
    assert.ok(lateMs >= 0 && lateMs <= 1000, `stall dated ${lateMs} ms after the SIGSTOP`);
    // ZooKeeper's own expiry of the client's session (07:53:01,251) comes after the stall began
    assert.ok(f.timeMs! < Date.parse('2026-11-22T07:53:01.251Z'));
  });
});

describe('jvm pause monitor: kinds, folding, thresholds', () => {
  test('pauses of one log within a minute fold; >= 10 s is an error; a later pause is a finding of its own', async () => {
    const fs = await findingsOfFiles({
      'zk-1/logs/zookeeper.log': file([
        ...zkPause('2026-05-10 15:40:05,000', 4000),
        ...zkPause('2026-05-10 15:40:30,000', 12000, ['No GCs detected'], 'WARN '),
        ...zkPause('2026-05-10 15:50:00,000', 1500),
      ]),
    }, BOTH);
    assert.deepEqual(fs.map((f) => [f.category, f.severity, f.facts.pauseMs, f.facts.count ?? 1, f.facts.totalPauseMs ?? null]), [
      ['process-stall', 'error', 12000, 2, 16000],
      ['process-stall', 'warning', 1500, 1, null],
    ]);
    assert.equal(fs[0]!.timeMs, Date.parse('2026-05-10T15:40:01.000Z'));
    assert.equal(fs[0]!.endMs, Date.parse('2026-05-10T15:40:30.000Z'));
    assert.match(fs[0]!.title, /stopped 12\.0 s with no GC running .*\(2 pauses\)/);
  });

  test('a pause GC fills is a GC pause; one GC barely touches is still a stall; under 1 s is nothing', async () => {
    const fs = await findingsOfFiles({
      'dn-3/logs/hadoop-hdfs-datanode-dn-3.log': file([
        '2026-05-10 15:45:36,402 WARN org.apache.hadoop.util.JvmPauseMonitor: Detected pause in JVM or host machine (eg GC): pause of approximately 4730ms',
        "GC pool 'ParNew' had collection(s): count=1 time=310ms",
        "GC pool 'ConcurrentMarkSweep' had collection(s): count=1 time=4602ms",
        '2026-05-10 15:48:43,402 WARN org.apache.hadoop.util.JvmPauseMonitor: Detected pause in JVM or host machine (eg GC): pause of approximately 12130ms',
        "GC pool 'ParNew' had collection(s): count=1 time=40ms",
        '2026-05-10 15:52:00,100 INFO org.apache.hadoop.util.JvmPauseMonitor: Detected pause in JVM or host machine (eg GC): pause of approximately 912ms',
        'No GCs detected',
      ]),
    }, BOTH);
    assert.deepEqual(fs.map((f) => [f.detector, f.facts.pauseMs, f.facts.gcDetected, f.facts.gcCount, f.facts.gcTimeMs, f.facts.gcPools]), [
      ['jvm-pause-monitor-gc', 4730, true, 2, 4912, 'ParNew, ConcurrentMarkSweep'],
      ['jvm-pause-monitor-stall', 12130, true, 1, 40, 'ParNew'],
    ]);
    assert.equal(fs[0]!.timeMs, Date.parse('2026-05-10T15:45:36.402Z') - 4730);
  });

  test('GC lines logged as records of their own (syslog) count when they are the next lines of the same file', async () => {
    const fs = await findingsOfFiles({
      'dn-3/logs/syslog': file([
        'May 10 15:45:36 dn-3 java[4242]: Detected pause in JVM or host machine (eg GC): pause of approximately 4730ms',
        "May 10 15:45:36 dn-3 java[4242]: GC pool 'ConcurrentMarkSweep' had collection(s): count=1 time=4602ms",
        'May 10 15:47:10 dn-3 java[4242]: Detected pause in JVM or host machine (eg GC): pause of approximately 3100ms',
        'May 10 15:47:10 dn-3 CRON[5000]: (root) CMD (run-parts /etc/cron.hourly)',
        // not the next line: says nothing about the pause above
        "May 10 15:47:10 dn-3 java[4242]: GC pool 'ParNew' had collection(s): count=1 time=3050ms",
      ]),
    }, BOTH);
    assert.deepEqual(fs.map((f) => [f.category, f.facts.pauseMs, f.facts.gcDetected, f.facts.gcTimeMs, f.process]), [
      ['gc-pause', 4730, true, 4602, 'java'],
      ['process-stall', 3100, null, null, 'java'],
    ]);
  });

  test('a GC pause the JVM\'s own GC log shows is jvm-gc-pause\'s finding, not a second one (recorded: lab zk-gc-pause-flood)', async () => {
    // the follower's GC(20), 2094.791 ms ending 08:02:02.107; its pause monitor logged it at 08:02:02,136
    const dir = 'test/fixtures/bundles/zk-gc-pause-flood/lockd-b/logs/zookeeper';
    const gcLog = readFileSync(repoPath(dir, 'gc.log'), 'utf8');
    const zkLog = readFileSync(repoPath(dir, 'zookeeper.log'), 'utf8');
    assert.match(zkLog, /pause of approximately 1834 ms, total pause: info level: 1, warn level: 0 \nGC pool 'Copy' had collection\(s\): count=1 time=0ms\nGC pool 'MarkSweepCompact' had collection\(s\): count=1 time=2092ms\n/);
    const withGcLog = await findingsOfFiles({ 'lockd-b/logs/zookeeper/zookeeper.log': zkLog, 'lockd-b/logs/zookeeper/gc.log': gcLog }, [...BOTH, jvmGcPause]);
    assert.deepEqual(withGcLog.map((f) => [f.detector, f.category, f.facts.pauseMs]), [['jvm-gc-pause', 'gc-pause', 2094.791]]);
    // without the GC log, the monitor tells it: a GC pause dated at its start
    const alone = await findingsOfFiles({ 'lockd-b/logs/zookeeper/zookeeper.log': zkLog }, BOTH);
    assert.deepEqual(alone.map((f) => [f.detector, f.process, f.timeMs, f.facts.pauseMs, f.facts.gcCount, f.facts.gcTimeMs, f.facts.gcPools]), [
      ['jvm-pause-monitor-gc', 'zookeeper', Date.parse('2026-11-22T08:02:02.136Z') - 1834, 1834, 2, 2092, 'Copy, MarkSweepCompact'],
    ]);
  });
});
