import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../test/support/paths.js';
import type { LogEvent } from '../events/event.js';
import { analyze } from '../pipeline.js';
import { stream } from './define.js';
import { kernelOomKill } from './kernel/oom-kill.js';
import { DetectorRunner } from './run.js';

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

function plainEvent(message: string, text = message): LogEvent {
  return { timeMs: 0, timeText: null, host: 'h', path: 'a.log', line: 1, format: 'plain', severity: null, process: null, pid: null, thread: null, logger: null, message, text, fields: null };
}

test('hints: a stream detector sees every event with a bit per word group found, all bits for a message too long to scan', () => {
  const seen: number[] = [];
  const probe = (name: string, prefilter?: string[]) => stream({
    name, category: 'log-flood', software: 'test', description: 'records its hint masks', formats: '*',
    ...(prefilter ? { prefilter } : {}),
    hints: [['alpha'], ['beta', 'gamma'], ['\u00e9t\u00e9']],
    create: () => ({ accept: (_e, hints) => void seen.push(hints), finish: () => [] }),
    samples: { hit: [{ 'a.log': 'x\n' }], miss: [{ 'a.log': 'y\n' }] },
  });
  const r = new DetectorRunner([probe('hint-probe')], [['started']]);
  r.accept(plainEvent('nothing here'));
  assert.equal(r.watched(0), false);
  r.accept(plainEvent('ALPHA and Gamma'));
  r.accept(plainEvent('first line', 'first line\nbeta under it'));
  r.accept(plainEvent('service Started'));
  assert.equal(r.watched(0), true);
  r.accept(plainEvent('x'.repeat(9000)));
  assert.equal(r.watched(0), true);
  // group 2 has a word the scan cannot see: its bit is always set
  assert.deepEqual(seen, [4, 7, 6, 4, 7]);

  // a gated stream gets the hints of the events that pass its gate, none left over from others
  seen.length = 0;
  const gated = new DetectorRunner([probe('gated-probe', ['delta'])]);
  gated.accept(plainEvent('alpha alone'));
  gated.accept(plainEvent('delta alone'));
  gated.accept(plainEvent('delta with beta'));
  assert.deepEqual(seen, [4, 6]);
});

test('a stream that says it needs no more events is left out of the dispatch, and still finishes', () => {
  let seen = 0;
  let finished = false;
  const once = stream({
    name: 'once-probe', category: 'log-flood', software: 'test', description: 'wants two events', formats: '*',
    create: () => ({ accept: () => ++seen >= 2, finish: () => ((finished = true), []) }),
    samples: { hit: [{ 'a.log': 'x\n' }], miss: [{ 'a.log': 'y\n' }] },
  });
  const counted = { n: 0 };
  const all = stream({
    name: 'all-probe', category: 'log-flood', software: 'test', description: 'counts every event', formats: '*',
    create: () => ({ accept: () => void counted.n++, finish: () => [] }),
    samples: { hit: [{ 'a.log': 'x\n' }], miss: [{ 'a.log': 'y\n' }] },
  });
  const r = new DetectorRunner([once, all]);
  for (let i = 0; i < 5; i++) r.accept(plainEvent(`line ${i}`));
  r.accept({ ...plainEvent('other format'), format: 'log4j' });
  r.finish();
  assert.equal(seen, 2);
  assert.equal(counted.n, 6);
  assert.equal(finished, true);
});
