import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/paths.js';

const tmp = tempDir('culprit-templates-');
after(() => tmp.remove());

// a ZooKeeper (log4j) log with a blank line, a stack trace joined to its event, and a line in no format
const ZK = [
  '2022-05-10 15:45:04,946 - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxnFactory@197] - Accepted socket connection from /127.0.0.1:55492',
  '2022-05-10 15:45:05,101 - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxnFactory@197] - Accepted socket connection from /127.0.0.1:55493',
  '',
  '2022-05-10 15:45:06,300 - WARN  [QuorumPeer[myid=3]:Follower@129] - Exception when following the leader',
  'java.io.EOFException',
  '\tat java.io.DataInputStream.readInt(DataInputStream.java:392)',
  '\tat org.apache.zookeeper.server.quorum.Learner.readPacket(Learner.java:153)',
  'some text in no format at all',
  '2022-05-10 15:45:07,200 - INFO  [NIOServerCxn.Factory:0.0.0.0/0.0.0.0:2181:NIOServerCnxnFactory@197] - Accepted socket connection from /127.0.0.1:55494',
];

describe('culprit templates', () => {
  const file = join(tmp.dir, 'zookeeper.log');
  writeFileSync(file, ZK.join('\n') + '\n');

  test('--assignments prints one row per input line, in order', () => {
    const r = runCli(['templates', '--assignments', file]);
    assert.equal(r.status, 0, r.stderr);
    const rows = r.stdout.split('\n').slice(0, -1).map((l) => l.split('\t'));
    assert.equal(rows.length, ZK.length);
    for (const row of rows) assert.equal(row.length, 2);
    const ids = rows.map((x) => x[0]);
    // the three "Accepted" lines share one template
    assert.equal(ids[0], ids[1]);
    assert.equal(ids[0], ids[8]);
    assert.equal(rows[0]![1], 'Accepted socket connection from /<*>');
    // a blank line belongs to no event
    assert.deepEqual(rows[2], ['-', '']);
    // the stack trace lines carry the template of the record they were joined to
    assert.equal(rows[3]![1], 'Exception when following the leader');
    assert.deepEqual([ids[4], ids[5], ids[6]], [ids[3], ids[3], ids[3]]);
    // a line in no format is still mined as a message of its own
    assert.notEqual(ids[7], '-');
    assert.notEqual(ids[7], ids[3]);
  });

  test('without --assignments: id, count and template, most frequent first', () => {
    const r = runCli(['templates', file]);
    assert.equal(r.status, 0, r.stderr);
    const rows = r.stdout.trim().split('\n').map((l) => l.split('\t'));
    assert.deepEqual(rows[0]!.slice(1), ['3', 'Accepted socket connection from /<*>']);
    assert.equal(rows.reduce((n, x) => n + Number(x[1]), 0), 5);
  });

  test('--format json lists templates and, with --assignments, the id of every line', () => {
    const r = runCli(['templates', '--format', 'json', '--assignments', file]);
    assert.equal(r.status, 0, r.stderr);
    const doc = JSON.parse(r.stdout) as { schemaVersion: number; templates: { id: string; count: number }[]; assignments: { templateIds: string[] }[] };
    assert.equal(doc.schemaVersion, 1);
    assert.equal(doc.assignments[0]!.templateIds.length, ZK.length);
    assert.equal(doc.templates[0]!.count, 3);
  });

  test('the same input gives the same ids in every run', () => {
    const a = runCli(['templates', '--assignments', file]);
    const b = runCli(['templates', '--assignments', file]);
    assert.equal(a.stdout, b.stdout);
  });

  test('a path that does not exist is a usage error', () => {
    const r = runCli(['templates', join(tmp.dir, 'missing.log')]);
    assert.equal(r.status, 2);
  });
});
