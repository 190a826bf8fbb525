import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffCaptures } from './diff-captures.js';
import { renderDiffText } from './render-diff.js';
import type { ProcessesDocument, ProcessSnapshot } from './snapshot.js';

function proc(pid: number, name: string, o: Partial<ProcessSnapshot> = {}): ProcessSnapshot {
  return {
    pid, ppid: 1, name, cmdline: [name], state: 'S', uid: 0, rssBytes: 100 * 1024 * 1024, vmBytes: null, threads: 10, cpuSeconds: 1, startedAt: null,
    fds: { total: 20, socket: 2, file: 10, pipe: 4, anon: 4, other: 0 }, fdSoftLimit: 1024, fdHardLimit: 4096, cgroup: [], sockets: {}, ...o,
  };
}

function doc(takenAt: string, processes: ProcessSnapshot[]): ProcessesDocument {
  return { tool: 'culprit collect', host: 'h1', takenAt, processes };
}

test('diffCaptures ranks the largest growth first and leaves unchanged processes out', () => {
  const a = doc('2026-01-01T00:00:00.000Z', [
    proc(10, 'steady'),
    proc(11, 'leaker', { fds: { total: 30, socket: 0, file: 30, pipe: 0, anon: 0, other: 0 } }),
    proc(12, 'grower', { rssBytes: 200 * 1024 * 1024 }),
    proc(13, 'server', { sockets: { ESTAB: 2 } }),
    proc(14, 'ended'),
  ]);
  const b = doc('2026-01-01T00:00:10.000Z', [
    proc(10, 'steady'),
    proc(11, 'leaker', { fds: { total: 900, socket: 0, file: 900, pipe: 0, anon: 0, other: 0 } }),
    proc(12, 'grower', { rssBytes: 300 * 1024 * 1024 }),
    proc(13, 'server', { sockets: { ESTAB: 2, 'CLOSE-WAIT': 40 } }),
    proc(15, 'started'),
  ]);
  const d = diffCaptures([a], [b]);
  assert.equal(d.elapsedMs, 10_000);
  assert.deepEqual(d.processes.map((p) => [p.process, p.status]), [
    ['leaker', 'changed'], // +870 fds
    ['grower', 'changed'], // +100 MiB
    ['server', 'changed'], // +40 CLOSE-WAIT
    ['started', 'new'],
    ['ended', 'gone'],
  ]);
  assert.deepEqual(d.processes[0]!.fds, { before: 30, after: 900, delta: 870 });
  assert.deepEqual(d.processes[2]!.sockets['CLOSE-WAIT'], { before: 0, after: 40, delta: 40 });
  const text = renderDiffText(d);
  assert.match(text, /^h1 leaker \(pid 11\): fds 30 -> 900 \(\+870\) of limit 1024$/m);
  assert.match(text, /^h1 server \(pid 13\): CLOSE-WAIT 0 -> 40 \(\+40\)$/m);
  assert.match(text, /^h1 grower \(pid 12\): rss 200\.0 MiB -> 300\.0 MiB \(\+100\.0 MiB\)$/m);
  assert.match(text, /1 processes new in B, 1 gone/);
});

test('a reused pid with another name is a different process', () => {
  const d = diffCaptures([doc('2026-01-01T00:00:00Z', [proc(20, 'old')])], [doc('2026-01-01T00:01:00Z', [proc(20, 'new')])]);
  assert.deepEqual(d.processes.map((p) => [p.process, p.status]).sort(), [['new', 'new'], ['old', 'gone']]);
});
