import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { repoPath, tempDir } from '../../test/support/paths.js';
import type { LogEvent } from '../events/event.js';
import { analyze, type Analysis, type AnalyzeOptions } from '../pipeline.js';

/** Writes `files` (relative path → text) into a temp bundle, runs analyze on it, keeps every event. */
async function run(files: Record<string, string>, opts: Partial<AnalyzeOptions> = {}): Promise<{ a: Analysis; events: LogEvent[] }> {
  const tmp = tempDir();
  try {
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(tmp.dir, rel)), { recursive: true });
      writeFileSync(join(tmp.dir, rel), text);
    }
    const events: LogEvent[] = [];
    const a = await analyze({ paths: [tmp.dir], zone: 'UTC', ...opts }, [{ accept: (e) => events.push(e) }]);
    return { a, events };
  } finally {
    tmp.remove();
  }
}

function input(a: Analysis, path: string) {
  const i = a.inputs.find((x) => x.path === path);
  assert.ok(i, `no input ${path} in ${a.inputs.map((x) => x.path).join(', ')}`);
  return i;
}

function timesOf(events: LogEvent[], path: string): (string | null)[] {
  return events.filter((e) => e.path === path).map((e) => (e.timeMs === null ? null : new Date(e.timeMs).toISOString()));
}

const DMESG = '[    0.000000] Linux version 6.1.0-18-amd64\n[ 3600.500000] eth0: Link is Down\n[ 3661.250000] Out of memory: Killed process 812 (java)\n';

describe('raw dmesg is placed on the clock by a boot-time anchor', () => {
  test('uptime -s in the same host folder, read in the zone of --tz (dmesg.txt is walked first and waits)', async () => {
    const { a, events } = await run(
      { 'node-a/cmd/dmesg.txt': DMESG, 'node-a/cmd/uptime-s.txt': '2024-03-02 10:00:00\n' },
      { zone: 'Asia/Shanghai' },
    );
    assert.equal(input(a, 'node-a/cmd/uptime-s.txt').format, 'uptime-s');
    const d = input(a, 'node-a/cmd/dmesg.txt');
    assert.equal(d.format, 'dmesg');
    assert.equal(d.host, 'node-a');
    assert.deepEqual(d.warnings, []);
    // booted 10:00 in Shanghai = 02:00Z
    assert.deepEqual(timesOf(events, 'node-a/cmd/dmesg.txt'), ['2024-03-02T02:00:00.000Z', '2024-03-02T03:00:00.500Z', '2024-03-02T03:01:01.250Z']);
    const boot = events.find((e) => e.path === 'node-a/cmd/uptime-s.txt');
    assert.equal(boot?.timeMs, Date.UTC(2024, 2, 2, 2, 0, 0));
  });

  test('/proc/stat btime (UTC, whatever --tz says)', async () => {
    const stat = 'cpu  10 0 20 300 0 0 0 0 0 0\nintr 1 0\nctxt 99\nbtime 1709344800\nprocesses 5\n';
    const { a, events } = await run({ 'h1/cmd/proc-stat.txt': stat, 'h1/cmd/dmesg.txt': DMESG }, { zone: 'America/New_York' });
    assert.equal(input(a, 'h1/cmd/proc-stat.txt').format, 'proc-stat');
    assert.deepEqual(timesOf(events, 'h1/cmd/dmesg.txt'), ['2024-03-02T02:00:00.000Z', '2024-03-02T03:00:00.500Z', '2024-03-02T03:01:01.250Z']);
  });

  test('a syslog kernel line carrying the same "[uptime]" gives the boot time', async () => {
    const kern = 'Mar  2 10:30:00 db-1 kernel: [ 1800.000000] eth0: Link is Up\n';
    const { a, events } = await run({ 'db-1/cmd/dmesg.txt': DMESG, 'db-1/logs/kern.log': kern }, { year: 2024 });
    assert.equal(input(a, 'db-1/logs/kern.log').format, 'syslog-rfc3164');
    assert.deepEqual(input(a, 'db-1/cmd/dmesg.txt').warnings, []);
    // 10:30:00 - 1800 s = boot at 10:00:00Z
    assert.deepEqual(timesOf(events, 'db-1/cmd/dmesg.txt'), ['2024-03-02T10:00:00.000Z', '2024-03-02T11:00:00.500Z', '2024-03-02T11:01:01.250Z']);
  });

  test('a syslog kernel line anchors dmesg also when its year is inferred (both inputs wait, syslog first)', async () => {
    const kern = 'Mar  2 10:30:00 db-1 kernel: [ 1800.000000] eth0: Link is Up\n';
    const app = '2024-03-05 08:00:00,000 [main] INFO  org.example.App: started\n';
    const { events } = await run({ 'db-1/cmd/dmesg.txt': DMESG, 'db-1/logs/kern.log': kern, 'db-1/logs/app.log': app });
    assert.deepEqual(timesOf(events, 'db-1/cmd/dmesg.txt'), ['2024-03-02T10:00:00.000Z', '2024-03-02T11:00:00.500Z', '2024-03-02T11:01:01.250Z']);
  });

  test('an anchor of another host does not place this host', async () => {
    const { a, events } = await run({ 'a/cmd/dmesg.txt': DMESG, 'b/cmd/uptime-s.txt': '2024-03-02 10:00:00\n' });
    assert.deepEqual(timesOf(events, 'a/cmd/dmesg.txt'), [null, null, null]);
    assert.ok(input(a, 'a/cmd/dmesg.txt').warnings.some((w) => /seconds since boot/.test(w)));
  });

  test('without an anchor the times stay null, with a warning', async () => {
    const { a, events } = await run({ 'lone/cmd/dmesg.txt': DMESG });
    const d = input(a, 'lone/cmd/dmesg.txt');
    assert.equal(d.format, 'dmesg');
    assert.equal(d.events, 3);
    assert.deepEqual(timesOf(events, 'lone/cmd/dmesg.txt'), [null, null, null]);
    assert.ok(d.warnings.some((w) => /3 kernel time\(s\) are seconds since boot/.test(w)), d.warnings.join(' | '));
  });

  test('real recording: raw dmesg placed with uptime -s, and beside dmesg -T of the same boot', async () => {
    const tmp = tempDir();
    try {
      const kernel = repoPath('test', 'fixtures', 'logs', 'kernel');
      mkdirSync(join(tmp.dir, 'vm', 'cmd'), { recursive: true });
      for (const f of ['dmesg.txt', 'dmesg-T.txt', 'uptime-s.txt']) copyFileSync(join(kernel, f), join(tmp.dir, 'vm', 'cmd', f));
      const events: LogEvent[] = [];
      // recorded on a machine whose zone was UTC: dmesg -T and uptime -s printed UTC wall times
      const a = await analyze({ paths: [tmp.dir], zone: 'UTC' }, [{ accept: (e) => events.push(e) }]);
      assert.equal(input(a, 'vm/cmd/dmesg-T.txt').format, 'dmesg-t');
      const raw = events.filter((e) => e.path === 'vm/cmd/dmesg.txt');
      const stamped = events.filter((e) => e.path === 'vm/cmd/dmesg-T.txt');
      const lines = readFileSync(join(kernel, 'dmesg.txt'), 'utf8').trimEnd().split('\n').length;
      assert.equal(raw.length, lines);
      assert.equal(stamped.length, raw.length);
      const bootMs = Date.parse(readFileSync(join(kernel, 'uptime-s.txt'), 'utf8').trim().replace(' ', 'T') + 'Z');
      for (let i = 0; i < raw.length; i++) {
        assert.equal(raw[i]!.message, stamped[i]!.message);
        const uptimeMs = Number(/^\[ *(\d+\.\d+)\]/.exec(raw[i]!.text)![1]) * 1000;
        assert.equal(raw[i]!.timeMs, Math.round(bootMs + uptimeMs), `line ${i + 1}`);
        // dmesg -T derives the boot time its own way and the kernel's clock drifts from the wall
        // clock (up to 2 s apart on the recording VM after 35 min): the same instants, roughly
        assert.ok(Math.abs(raw[i]!.timeMs! - stamped[i]!.timeMs!) <= 5000, `line ${i + 1}: ${raw[i]!.timeMs} vs ${stamped[i]!.timeMs}`);
      }
    } finally {
      tmp.remove();
    }
  });
});
