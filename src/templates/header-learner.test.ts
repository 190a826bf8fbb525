import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { learnHeader, MIN_HEADER_LINES, NO_HEADER } from './header-learner.js';
import { TemplateMiner } from './miner.js';

const LEVELS = ['INFO', 'INFO', 'WARN', 'INFO', 'ERROR', 'DEBUG'];

/** A log4j-style layout as a plain file would carry it: date, time, thread id, level, logger. */
function javaLines(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const time = `08:${String(10 + (i % 50)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')},${String((i * 37) % 1000).padStart(3, '0')}`;
    const body =
      i % 3 === 0
        ? ['org.apache.zookeeper.server.NIOServerCnxn:', `Closed socket connection for client /10.0.0.${i % 9}:${40000 + i}`]
        : i % 3 === 1
          ? ['org.apache.zookeeper.server.quorum.Learner:', `Got zxid 0x${(4096 + i).toString(16)} expected 0x1`]
          : ['org.apache.zookeeper.server.ZooKeeperServer:', `Expiring session 0x${(90000 + i).toString(16)}, timeout of 40000ms exceeded`];
    out.push(`2026-11-22 ${time} ${100 + (i % 7)} ${LEVELS[i % LEVELS.length]} ${body[0]} ${body[1]}`);
  }
  return out;
}

/** A cluster event log laid out as id, node, component, state, epoch seconds, flag, text. */
function clusterLines(n: number): string[] {
  const events = [
    ['unix.hw', 'state_change.unavailable', 'Component State Change: Component "alt0" is in the unavailable state'],
    ['node', 'status', 'running'],
    ['switch_module', 'fan', 'Fan speeds ( 3552 3534 3375 4245 3515 3479 )'],
    ['partition', 'status', 'running'],
  ];
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const [component, state, text] = events[i % events.length]!;
    out.push(`${134681 + i * 13} node-${100 + (i % 40)} ${component} ${state} ${1077804742 + i * 7} ${i % 5 === 0 ? -1 : 1} ${text}`);
  }
  return out;
}

describe('learnHeader', () => {
  test('date, time, thread id, level and logger are the header; the text is what is left', () => {
    const lines = javaLines(64);
    const h = learnHeader(lines, 4096);
    assert.equal(h.columns.length, 5);
    assert.equal(h.strip(lines[0]!), 'Closed socket connection for client /10.0.0.0:40000');
    // a level the first lines did not show is still a level
    assert.equal(h.strip('2026-11-22 09:00:00,001 7 FATAL org.apache.zookeeper.server.ZooKeeperServer: Severe unrecoverable error, exiting'), 'Severe unrecoverable error, exiting');
  });

  test('a continuation line that does not fit the header keeps its whole text', () => {
    const h = learnHeader(javaLines(64), 4096);
    assert.equal(h.strip('\tat org.apache.zookeeper.server.NIOServerCnxn.doIO(NIOServerCnxn.java:368)'), '\tat org.apache.zookeeper.server.NIOServerCnxn.doIO(NIOServerCnxn.java:368)');
    assert.equal(h.strip('java.io.IOException: Connection reset by peer'), 'java.io.IOException: Connection reset by peer');
  });

  test('word columns between number columns are header too; a word in the node column does not shift it', () => {
    const lines = clusterLines(64);
    const h = learnHeader(lines, 4096);
    assert.equal(h.columns.length, 6);
    assert.equal(h.strip(lines[1]!), 'running');
    assert.equal(h.strip('2286759 full partition status 1061219795 -1 running'), 'running');
  });

  test('one message repeated with a counter has no header: its first word is its text', () => {
    const lines = Array.from({ length: 64 }, (_, i) => `retry ${i} of fetch failed`);
    assert.equal(learnHeader(lines, 4096), NO_HEADER);
  });

  test('an optional token that shifts the columns cuts the header before it', () => {
    const lines = Array.from({ length: 64 }, (_, i) => {
      const prog = i % 10 === 0 ? 'chrome.exe *64' : 'chrome.exe';
      return `[10.30 16:${String(10 + (i % 40)).padStart(2, '0')}:06] ${prog} - proxy.example.org:5070 open through proxy proxy.example.org:5070 HTTPS`;
    });
    const h = learnHeader(lines, 4096);
    assert.equal(h.columns.length, 1);
    assert.equal(h.strip(lines[0]!), 'chrome.exe *64 - proxy.example.org:5070 open through proxy proxy.example.org:5070 HTTPS');
  });

  test('too few lines teach nothing', () => {
    assert.equal(learnHeader(javaLines(MIN_HEADER_LINES - 1), 4096), NO_HEADER);
  });
});

describe('TemplateMiner with sources', () => {
  test('the same events in two layouts get the same templates once each header is learnt', () => {
    const miner = new TemplateMiner();
    const plain = clusterLines(100);
    const bare = plain.map((l) => l.split(' ').slice(6).join(' '));
    const a = plain.map((l) => miner.add(l, 'a.log'));
    const b = bare.map((l) => miner.add(l, 'b.log'));
    // the first lines of a source wait for its header: provisional handles, below the overflow's
    assert.ok(a[0]! < -1);
    const snap = miner.snapshot();
    assert.deepEqual(a.map((h) => snap.idOf(h)), b.map((h) => snap.idOf(h)));
    assert.equal(snap.templateOf(a[1]!), 'running');
    assert.equal(snap.templates.length, 3);
    assert.equal(snap.templates.reduce((n, t) => n + t.count, 0), 200);
  });

  test('a provisional handle settles to the handle later lines of the same message get', () => {
    const miner = new TemplateMiner();
    const first = miner.add('2026-11-22 08:00:00,000 1 WARN org.example.Watcher: unexpected event Disconnected', 'w.log');
    let last = first;
    for (let i = 1; i < 100; i++) last = miner.add(`2026-11-22 08:00:${String(i % 60).padStart(2, '0')},000 1 WARN org.example.Watcher: unexpected event Disconnected`, 'w.log');
    assert.notEqual(first, last);
    assert.equal(miner.settled(first), last);
    assert.equal(miner.settled(last), last);
    assert.equal(miner.snapshot().templateOf(first), 'unexpected event Disconnected');
  });

  test('without a source, messages are mined whole as before', () => {
    const miner = new TemplateMiner();
    const h = miner.add('2026-11-22 08:00:00,000 1 WARN org.example.Watcher: unexpected event Disconnected');
    assert.ok(h >= 0);
    assert.equal(miner.snapshot().templateOf(h), '<*> <*> <*> WARN org.example.Watcher: unexpected event Disconnected');
  });
});
