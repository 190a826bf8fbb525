import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { tempDir } from '../support/paths.js';
import { runCli } from '../support/run-cli.js';

const ZK = [
  '2024-03-02 11:04:05,210 [myid:1] - INFO  [main:QuorumPeerMain@1] - Starting quorum peer',
  '2024-03-02 11:04:09,001 [myid:1] - WARN  [QuorumPeer[myid=1]:Follower@129] - Exception when following the leader',
  '2024-03-02 11:05:09,001 [myid:1] - ERROR [QuorumPeer[myid=1]:Follower@130] - later trouble',
].join('\n') + '\n';

describe('culprit CLI', () => {
  const tmp = tempDir();
  after(() => tmp.remove());
  const bundle = join(tmp.dir, 'bundle');
  mkdirSync(join(bundle, 'zk-2', 'logs'), { recursive: true });
  writeFileSync(join(bundle, 'zk-2', 'logs', 'zookeeper.log'), ZK);

  test('analyze --format json follows the contract shape', () => {
    const r = runCli(['analyze', bundle, '--format', 'json', '--tz', 'UTC']);
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.schemaVersion, 1);
    assert.deepEqual(j.tool, { name: 'culprit', version: '0.1.0' });
    assert.deepEqual(j.window, { start: '2024-03-02T11:04:05.210Z', end: '2024-03-02T11:05:09.001Z' });
    assert.deepEqual(j.inputs, [{
      path: 'zk-2/logs/zookeeper.log', host: 'zk-2', format: 'log4j', lines: 3, events: 3, skipped: 0, warnings: [], encoding: 'utf-8',
    }]);
    assert.ok(Array.isArray(j.findings) && Array.isArray(j.rootCauses));
  });

  test('--tz places zone-less times; without it the machine zone is assumed with a warning', () => {
    const shanghai = JSON.parse(runCli(['analyze', bundle, '--format', 'json', '--tz', 'Asia/Shanghai']).stdout);
    assert.equal(shanghai.window.start, '2024-03-02T03:04:05.210Z');
    const r = runCli(['analyze', bundle, '--format', 'json'], { env: { TZ: 'UTC' } });
    assert.match(r.stderr, /times carry no zone: read in UTC/);
  });

  test('--since/--until keep only the window', () => {
    const r = runCli(['analyze', bundle, '--format', 'json', '--tz', 'UTC', '--since', '2024-03-02 11:04:06', '--until', '2024-03-02T11:05:00Z']);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(j.window, { start: '2024-03-02T11:04:09.001Z', end: '2024-03-02T11:04:09.001Z' });
    assert.deepEqual(j.timeline.map((t: { line: number }) => t.line), [2]);
  });

  test('--host keeps one host', () => {
    mkdirSync(join(bundle, 'zk-3', 'logs'), { recursive: true });
    writeFileSync(join(bundle, 'zk-3', 'logs', 'zookeeper.log'), ZK);
    const j = JSON.parse(runCli(['analyze', bundle, '--format', 'json', '--tz', 'UTC', '--host', 'zk-3']).stdout);
    assert.deepEqual([...new Set(j.timeline.map((t: { host: string }) => t.host))], ['zk-3']);
  });

  test('stdin is read with -', () => {
    const r = runCli(['analyze', '-', '--format', 'json', '--tz', 'UTC', '--host', 'piped'], { input: ZK });
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.inputs[0].path, '-');
    assert.equal(j.inputs[0].host, 'piped');
    assert.equal(j.inputs[0].events, 3);
  });

  test('text report prints the inputs table and the timeline, escaping control characters', () => {
    const evil = join(tmp.dir, 'evil.log');
    writeFileSync(evil, '2024-03-02 11:04:05,210 [main] ERROR app.X - \x1b]0;owned\x07\x1b[2Jgone\n');
    const r = runCli(['analyze', evil, '--tz', 'UTC']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /path\s+host\s+format\s+lines\s+events\s+skipped\s+warnings/);
    assert.ok(!r.stdout.includes('\x1b'), 'raw ESC reached the terminal');
    assert.match(r.stdout, /\\x1b\]0;owned\\x07\\x1b\[2Jgone/);
  });

  test('nothing readable at all: exit 2 with one line on stderr', () => {
    const r = runCli(['analyze', join(tmp.dir, 'does-not-exist')]);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /does-not-exist: no such file or directory/);
  });

  test('bad usage: exit 2', () => {
    assert.equal(runCli(['analyze', bundle, '--format', 'yaml']).status, 2);
    assert.equal(runCli(['analyze', bundle, '--tz', 'Mars/Base']).status, 2);
    assert.equal(runCli(['analyze', bundle, '--since', 'yesterday']).status, 2);
    assert.equal(runCli(['no-such-command']).status, 2);
  });

  test('an unreadable file gets a warning and the run goes on', { skip: !existsSync('/usr/bin/setpriv') && process.getuid?.() === 0 ? 'needs setpriv to drop root' : false }, () => {
    const dir = join(tmp.dir, 'perm');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-secret.log'), ZK);
    writeFileSync(join(dir, 'b-open.log'), ZK);
    chmodSync(join(dir, 'a-secret.log'), 0o000);
    chmodSync(tmp.dir, 0o755);
    // root reads everything: drop to nobody, as an on-call engineer without sudo would be
    const prefix = process.getuid?.() === 0 ? ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : undefined;
    const r = runCli(['analyze', dir, '--format', 'json', '--tz', 'UTC'], prefix ? { prefix } : {});
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    const secret = j.inputs.find((i: { path: string }) => i.path === 'a-secret.log');
    assert.deepEqual(secret.warnings, ['permission denied']);
    assert.equal(j.inputs.find((i: { path: string }) => i.path === 'b-open.log').events, 3);
    assert.match(r.stderr, /a-secret.log: permission denied/);
  });

  test('formats lists name<TAB>description lines', () => {
    const r = runCli(['formats']);
    assert.equal(r.status, 0);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.length >= 3);
    for (const l of lines) assert.match(l, /^[a-z0-9-]+\t\S.*$/);
    assert.ok(lines.some((l) => l.startsWith('log4j\t')));
  });
});
