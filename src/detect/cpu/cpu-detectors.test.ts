import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { repoPath } from '../../../test/support/paths.js';
import { cgroupCpuThrottling } from './cgroup-cpu-throttling.js';
import { topLoadSaturation } from './load-saturation.js';
import { topProcessCpu } from './top-process-cpu.js';
import { findingsIn as run, findingsOfFiles as runText } from '../../../test/support/detect.js';


const HEAD = 'top - 04:09:41 up 19 min,  0 user,  load average: 1.34, 0.59, 0.28\n' +
  '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n';
const row = (cpu: string) => `   4242 app       20   0 2728780 443508  36176 R ${cpu.padStart(5)}   2.2  12:31.07 java\n`;

describe('cpu detectors', () => {
  test('top-process-cpu: 80 % of a core is pinned, 79.9 is not; several cores is an error', async () => {
    assert.deepEqual(await runText({ 'h/cmd/top-b-n1.txt': HEAD + row('79.9') }, [topProcessCpu]), []);
    const at80 = await runText({ 'h/cmd/top-b-n1.txt': HEAD + row('80.0') }, [topProcessCpu]);
    assert.deepEqual([at80.length, at80[0]?.severity, at80[0]?.process, at80[0]?.pid, at80[0]?.facts.cpuPercent], [1, 'warning', 'java', 4242, 80]);
    const multi = await runText({ 'h/cmd/top-b-n1.txt': HEAD + row('385.2') }, [topProcessCpu]);
    assert.equal(multi[0]?.severity, 'error');
  });

  test('top-process-cpu on a recorded bundle: the go-zookeeper client spinning on a closed watch channel', async () => {
    const fs = await run([repoPath('test/fixtures/bundles/zk-closed-watch-spin/edge-gw-12/cmd/top-b-n1.txt')], [topProcessCpu]);
    assert.deepEqual(fs.map((f) => [f.process, f.facts.cpuPercent]), [['route-announcer', 100]]);
  });

  test('top-load-saturation on recorded top output: a contended host (0 % idle) is saturated, an idle one is not', async () => {
    // scripts/record/cpu-busy.sh: two busy loops on a 2-core host already shared with other work
    const busy = await run([repoPath('test/fixtures/cmd/cpu/top-b-n2-busy.txt')], [topLoadSaturation]);
    assert.equal(busy.length, 1);
    assert.deepEqual([busy[0]!.facts.idlePercent, busy[0]!.facts.load1, busy[0]!.facts.busiestProcess], [0, 9.44, 'node']);
    // the repository's top recording on a quiet machine (scripts/record/cmd-outputs.sh)
    assert.deepEqual(await run([repoPath('test/fixtures/cmd/top-b-n1.txt')], [topLoadSaturation]), []);
  });

  test('cgroup-cpu-throttling on recorded cpu.stat: a 20 % quota under a busy loop, and an idle group', async () => {
    const fs = await run([repoPath('test/fixtures/cmd/cpu/cpu.stat-throttled.txt')], [cgroupCpuThrottling]);
    assert.equal(fs.length, 1);
    assert.deepEqual([fs[0]!.facts.nrPeriods, fs[0]!.facts.nrThrottled, fs[0]!.facts.throttledMs, fs[0]!.severity], [30, 28, 1666, 'error']);
    assert.deepEqual(await run([repoPath('test/fixtures/cmd/cpu/cpu.stat-idle.txt')], [cgroupCpuThrottling]), []);
  });

  test('cgroup-cpu-throttling names the systemd unit whose group the cpu.stat was read from', async () => {
    const stat = 'nr_periods 900\nnr_throttled 610\nthrottled_time 40533112204\n';
    const unit = await runText({ 'db-2/cmd/cat-sys-fs-cgroup-cpu-system.slice-ledger-api.service-cpu.stat.txt': stat }, [cgroupCpuThrottling]);
    assert.equal(unit[0]?.process, 'ledger-api');
    const plain = await runText({ 'db-2/cmd/cpu.stat.txt': stat }, [cgroupCpuThrottling]);
    assert.equal(plain[0]?.process, null);
  });
});
