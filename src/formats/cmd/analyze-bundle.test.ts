import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { LogEvent } from '../../events/event.js';
import { analyze, type Analysis } from '../../pipeline.js';
import { repoPath, tempDir } from '../../../test/support/paths.js';

// a bundle in the CONTRACT layout, built from the recorded outputs: <host>/cmd/<stem>.txt, metrics/
const FILES: readonly [string, string][] = [
  ['node-a/cmd/ps-aux.txt', 'cmd/ps-aux.txt'],
  ['node-a/cmd/top-b-n1.txt', 'cmd/top-b-n1.txt'],
  ['node-a/cmd/ss-tanp.txt', 'cmd/ss-tanp.txt'],
  ['node-a/cmd/netstat-anp.txt', 'cmd/netstat-anp.txt'],
  ['node-a/cmd/lsof-p-10.txt', 'cmd/lsof-p.txt'],
  ['node-a/cmd/ulimit-a.txt', 'cmd/ulimit-a.txt'],
  ['node-a/cmd/proc-10-limits.txt', 'cmd/proc-limits.txt'],
  ['node-a/cmd/df-h.txt', 'cmd/df-h.txt'],
  ['node-a/cmd/free-m.txt', 'cmd/free-m.txt'],
  ['node-c/cmd/ss-tan.txt', 'cmd/ss-tan.txt'],
  ['node-c/cmd/netstat-an.txt', 'cmd/netstat-an.txt'],
  ['node-c/cmd/lsof.txt', 'cmd/lsof.txt'],
  ['node-c/cmd/df-k.txt', 'cmd/df-k.txt'],
  ['node-c/cmd/free-h.txt', 'cmd/free-h.txt'],
  ['metrics/query-range.json', 'metrics/query-range.json'],
];
const EXPECTED_FORMAT: Record<string, string> = {
  'ps-aux': 'ps-aux', 'top-b-n1': 'top-b', 'ss-tanp': 'ss-tan', 'ss-tan': 'ss-tan', 'netstat-anp': 'netstat-an',
  'netstat-an': 'netstat-an', 'lsof-p-10': 'lsof', lsof: 'lsof', 'ulimit-a': 'ulimit-a', 'proc-10-limits': 'proc-limits',
  'df-h': 'df-h', 'df-k': 'df-h', 'free-m': 'free-m', 'free-h': 'free-m', 'query-range': 'prometheus-matrix',
};
const SNAPSHOT_MS = Date.UTC(2026, 4, 10, 7, 45, 0);

let dir: { dir: string; remove: () => void };
let result: Analysis;
const events: LogEvent[] = [];

before(async () => {
  dir = tempDir('culprit-cmd-bundle-');
  for (const [to, from] of FILES) {
    const dest = join(dir.dir, to);
    mkdirSync(join(dest, '..'), { recursive: true });
    copyFileSync(repoPath('test', 'fixtures', from), dest);
    utimesSync(dest, SNAPSHOT_MS / 1000, SNAPSHOT_MS / 1000);
  }
  result = await analyze({ paths: [dir.dir], zone: 'UTC' }, [{ accept: (e) => events.push(e) }]);
});
after(() => dir.remove());

test('every recorded output is recognised as its format, on its host', () => {
  assert.equal(result.inputs.length, FILES.length);
  for (const input of result.inputs) {
    const stem = input.path.replace(/^.*\//, '').replace(/\.(txt|json)$/, '');
    assert.equal(input.format, EXPECTED_FORMAT[stem], input.path);
    assert.ok(input.events > 0, input.path);
    if (input.path.startsWith('metrics/')) assert.equal(input.host, 'node-b', input.path);
    else assert.equal(input.host, input.path.split('/')[0], input.path);
  }
});

test('snapshots without a printed date take the file time and say so; metrics keep their own times', () => {
  const ps = result.inputs.find((i) => i.path.endsWith('ps-aux.txt'))!;
  assert.ok(ps.warnings.some((w) => /modification time/.test(w)), ps.warnings.join('; '));
  const psEvents = events.filter((e) => e.path.endsWith('ps-aux.txt'));
  assert.ok(psEvents.length > 0 && psEvents.every((e) => e.timeMs === SNAPSHOT_MS));
  // top prints only the time of day: the day comes from the reader, the time from top's header
  const top = events.filter((e) => e.format === 'top-b');
  assert.ok(top.length > 0 && top.every((e) => e.timeMs === Date.UTC(2026, 4, 10, 4, 10, 5) && e.timeText === '04:10:05'));
  const metric = events.filter((e) => e.format === 'prometheus-matrix');
  assert.equal(metric.length, 8);
  assert.equal(Math.max(...metric.map((e) => e.timeMs!)), 1715327511500);
  const prom = result.inputs.find((i) => i.format === 'prometheus-matrix')!;
  assert.ok(!prom.warnings.some((w) => /modification time/.test(w)), prom.warnings.join('; '));
});

test('field values reach the events', () => {
  const closeWait = events.filter((e) => e.host === 'node-a' && e.format === 'ss-tan' && e.fields?.state === 'CLOSE_WAIT');
  assert.equal(closeWait.length, 6);
  assert.ok(closeWait.every((e) => e.process === 'node' && e.pid === 10 && e.fields!.localPort === 8080));
  const nofile = events.find((e) => e.format === 'proc-limits' && e.fields?.resource === 'nofile')!;
  assert.equal(nofile.host, 'node-a');
  assert.equal(typeof nofile.fields!.softLimit, 'number');
  const data = events.find((e) => e.host === 'node-c' && e.format === 'df-h' && e.fields?.mountedOn === '/data')!;
  assert.equal(data.fields!.usePercent, 88);
  assert.equal(data.line, 4);
  const server = events.find((e) => e.format === 'ps-aux' && e.pid === 10)!;
  assert.equal(server.fields!.rssBytes, 43568 * 1024);
  assert.match(server.text, /^root +10 /);
  const rss = events.filter((e) => e.format === 'prometheus-matrix' && e.process === 'java');
  assert.equal(rss.length, 4);
  assert.ok(rss.every((e) => e.host === 'node-b'));
});
