import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../test/support/paths.js';
import { analyze } from '../pipeline.js';
import { kernelOomKill } from './kernel/oom-kill.js';

const KILL = 'Out of memory: Killed process 38581 (batch-sim) total-vm:72960108kB, anon-rss:46240644kB, file-rss:0kB, shmem-rss:0kB, UID:1001 pgtables:91260kB oom_score_adj:0';

test('one OOM kill seen in dmesg -T and in syslog is one finding with both evidence lines', async () => {
  const tmp = tempDir();
  try {
    mkdirSync(join(tmp.dir, 'db-7', 'cmd'), { recursive: true });
    mkdirSync(join(tmp.dir, 'db-7', 'logs'), { recursive: true });
    writeFileSync(join(tmp.dir, 'db-7', 'cmd', 'dmesg-T.txt'), `[Sun May 10 15:45:40 2026] ${KILL}\n`);
    writeFileSync(join(tmp.dir, 'db-7', 'logs', 'syslog'), `May 10 15:45:40 db-7 kernel: [881234.500000] ${KILL}\n`);
    const a = await analyze({ paths: [tmp.dir], zone: 'UTC', detectors: [kernelOomKill] });
    assert.equal(a.findings.length, 1);
    const f = a.findings[0]!;
    assert.equal(f.id, 'f1');
    assert.equal(f.host, 'db-7');
    assert.equal(f.pid, 38581);
    assert.equal(f.facts.anonRssBytes, 46240644 * 1024);
    assert.deepEqual(f.evidence.map((e) => e.path).sort(), ['db-7/cmd/dmesg-T.txt', 'db-7/logs/syslog']);
    assert.equal(f.timeMs, Date.UTC(2026, 4, 10, 15, 45, 40));
  } finally {
    tmp.remove();
  }
});

test('kills of different processes, or on different hosts, stay apart', async () => {
  const tmp = tempDir();
  try {
    for (const h of ['app-1', 'app-2']) {
      mkdirSync(join(tmp.dir, h, 'cmd'), { recursive: true });
      writeFileSync(join(tmp.dir, h, 'cmd', 'dmesg-T.txt'), [
        `[Sun May 10 15:45:40 2026] ${KILL}`,
        `[Sun May 10 15:45:41 2026] ${KILL.replace('38581', '38600')}`,
      ].join('\n') + '\n');
    }
    const a = await analyze({ paths: [tmp.dir], zone: 'UTC', detectors: [kernelOomKill] });
    assert.equal(a.findings.length, 4);
    assert.deepEqual(a.findings.map((f) => `${f.host}:${f.pid}`).sort(), ['app-1:38581', 'app-1:38600', 'app-2:38581', 'app-2:38600']);
  } finally {
    tmp.remove();
  }
});

test('signatures see joined continuation lines: an exception under its log line', async () => {
  const tmp = tempDir();
  try {
    mkdirSync(join(tmp.dir, 'db-8', 'logs'), { recursive: true });
    writeFileSync(join(tmp.dir, 'db-8', 'logs', 'app.log'), [
      '2026-05-10 15:45:40,000 [main] ERROR c.e.Reaper - worker died',
      `Caused by: java.lang.RuntimeException: ${KILL}`,
      '\tat c.e.Reaper.run(Reaper.java:10)',
    ].join('\n') + '\n');
    const a = await analyze({ paths: [tmp.dir], zone: 'UTC', detectors: [kernelOomKill] });
    assert.equal(a.findings.length, 1);
    assert.equal(a.findings[0]?.pid, 38581);
    assert.equal(a.findings[0]?.evidence[0]?.line, 1);
  } finally {
    tmp.remove();
  }
});
