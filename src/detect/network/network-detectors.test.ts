import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { repoPath, tempDir } from '../../../test/support/paths.js';
import { analyze } from '../../pipeline.js';
import type { DetectorDef } from '../define.js';
import type { Finding } from '../finding.js';
import { fdsLimitNearness } from '../fds/fd-limit-nearness.js';
import { tooManyOpenFiles } from '../fds/too-many-open-files.js';
import { socketsCloseWaitBuildup } from '../sockets/close-wait-buildup.js';
import { socketsListenQueueOverflow } from '../sockets/listen-queue-overflow.js';
import { networkConnectionRefused } from './connection-refused.js';
import { networkConnectionReset } from './connection-reset.js';
import { networkTimeout } from './timeout.js';
import { networkUnreachable } from './unreachable.js';

const ALL: DetectorDef[] = [
  networkConnectionReset, networkTimeout, networkConnectionRefused, networkUnreachable, tooManyOpenFiles,
  socketsCloseWaitBuildup, socketsListenQueueOverflow, fdsLimitNearness,
];

async function run(path: string): Promise<Finding[]> {
  return (await analyze({ paths: [path], zone: 'UTC', year: 2026, detectors: ALL })).findings;
}

const by = (fs: Finding[], detector: string) => fs.filter((f) => f.detector === detector);

describe('network, socket and fd detectors on the recorded pg-pool-fd-exhaustion bundle', async () => {
  const bundle = repoPath('test', 'fixtures', 'bundles', 'pg-pool-fd-exhaustion');
  const fs = await run(bundle);
  // the service's pid, as the recording named its lsof file (re-recordings change it)
  const lsofFile = readdirSync(join(bundle, 'api-node-5', 'cmd')).find((f) => /^lsof-p-\d+\.txt$/.test(f))!;
  const servicePid = Number(/\d+/.exec(lsofFile)![0]);

  test('client resets fold into one finding per peer, with the count', () => {
    const resets = by(fs, 'network-connection-reset');
    assert.equal(resets.length, 1);
    assert.deepEqual([resets[0]!.facts.peer, resets[0]!.facts.syscall, resets[0]!.facts.errno, resets[0]!.facts.count], ['127.0.0.11:8080', 'read', 'ECONNRESET', 40]);
    assert.ok(resets[0]!.endMs! > resets[0]!.timeMs!);
  });

  test('client timeouts: one finding for the 520 deadline errors against one peer', () => {
    const t = by(fs, 'network-timeout').find((f) => f.facts.peer === '127.0.0.11:8080');
    assert.ok(t);
    assert.equal(t.facts.count, 520);
  });

  test('accept4 EMFILE from Go net/http: 24 errors, the call and listen address', () => {
    const e = by(fs, 'errno-too-many-open-files');
    assert.equal(e.length, 1);
    assert.deepEqual([e[0]!.facts.syscall, e[0]!.facts.errno, e[0]!.facts.listenAddress, e[0]!.facts.count], ['accept4', 'EMFILE', '127.0.0.11:8080', 24]);
  });

  test('CLOSE_WAIT pile-up of the owning process in ss -tanp, with those still in its accept queue', () => {
    const cw = by(fs, 'sockets-close-wait-buildup');
    assert.equal(cw.length, 1);
    assert.equal(cw[0]!.pid, servicePid);
    assert.equal(cw[0]!.facts.localPort, 8080);
    // every CLOSE-WAIT row of the table is the service's: accepted ones name it, queued ones have no owner yet
    const rows = readFileSync(join(bundle, 'api-node-5', 'cmd', 'ss-tanp.txt'), 'utf8').split('\n');
    const closeWait = rows.filter((r) => r.startsWith('CLOSE-WAIT')).length;
    const unowned = rows.filter((r) => r.startsWith('CLOSE-WAIT') && !r.includes('users:')).length;
    assert.ok(closeWait >= 200 && unowned > 0);
    assert.deepEqual([cw[0]!.facts.closeWaitSockets, cw[0]!.facts.queuedCloseWaitSockets], [closeWait, unowned]);
    assert.equal(cw[0]!.severity, 'error');
  });

  test('lsof against /proc/PID/limits: at its 256 open files', () => {
    const fd = by(fs, 'fds-limit-nearness');
    assert.equal(fd.length, 1);
    assert.deepEqual([fd[0]!.pid, fd[0]!.facts.fdCount, fd[0]!.facts.fdLimit, fd[0]!.facts.limitSource], [servicePid, 256, 256, 'proc-limits']);
    assert.ok((fd[0]!.facts.closeWaitFds as number) > 200);
  });

  test('a listen queue of 117 against a 4096 backlog is not an overflow', () => {
    assert.deepEqual(by(fs, 'sockets-listen-queue-overflow'), []);
  });
});

test('socket and fd snapshots with 6 CLOSE_WAIT sockets and roomy limits give nothing', async () => {
  const tmp = tempDir();
  try {
    const cmd = join(tmp.dir, 'box-1', 'cmd');
    mkdirSync(cmd, { recursive: true });
    for (const f of ['ss-tan.txt', 'ss-tanp.txt', 'netstat-an.txt', 'netstat-anp.txt', 'lsof.txt', 'lsof-p.txt', 'ulimit-a.txt', 'proc-limits.txt']) {
      copyFileSync(repoPath('test', 'fixtures', 'cmd', f), join(cmd, f));
    }
    const fs = await run(tmp.dir);
    assert.deepEqual(fs.map((f) => f.title), []);
  } finally {
    tmp.remove();
  }
});

test('tables without owners: a server port (netstat -an) and a client\'s sockets to one server (ss -tan)', async () => {
  const tmp = tempDir();
  try {
    const cmd = join(tmp.dir, 'box-2', 'cmd');
    mkdirSync(cmd, { recursive: true });
    writeFileSync(join(cmd, 'netstat-an.txt'), [
      'Active Internet connections (servers and established)',
      'Proto Recv-Q Send-Q Local Address           Foreign Address         State      ',
      'tcp        0      0 0.0.0.0:6379            0.0.0.0:*               LISTEN     ',
      ...Array.from({ length: 25 }, (_, i) => `tcp        0      0 10.3.0.2:6379           10.3.0.${9 + (i % 4)}:${44000 + i}       CLOSE_WAIT `),
      ...Array.from({ length: 30 }, (_, i) => `tcp        0      0 10.3.0.2:6379           10.3.0.9:${45000 + i}        ESTABLISHED`),
    ].join('\n') + '\n');
    writeFileSync(join(cmd, 'ss-tan.txt'), [
      'State      Recv-Q Send-Q Local Address:Port  Peer Address:Port',
      ...Array.from({ length: 22 }, (_, i) => `CLOSE-WAIT 0      0          10.3.0.2:${51000 + i * 3}      10.3.0.40:9200`),
      ...Array.from({ length: 5 }, (_, i) => `ESTAB      0      0          10.3.0.2:${52000 + i}      10.3.0.40:9200`),
    ].join('\n') + '\n');
    const fs = by(await run(tmp.dir), 'sockets-close-wait-buildup');
    assert.deepEqual(fs.map((f) => [f.evidence[0]!.path.endsWith('netstat-an.txt'), f.process, f.facts.closeWaitSockets, f.facts.localPort, f.facts.peer]).sort(), [
      [false, null, 22, null, '10.3.0.40:9200'],
      [true, null, 25, 6379, null],
    ]);
  } finally {
    tmp.remove();
  }
});

test('two processes at their fd limits on one host are two findings', async () => {
  const tmp = tempDir();
  try {
    const cmd = join(tmp.dir, 'box-3', 'cmd');
    mkdirSync(cmd, { recursive: true });
    for (const [pid, name] of [[700, 'haproxy'], [701, 'pgbouncer']] as const) {
      writeFileSync(join(cmd, `lsof-p-${pid}.txt`), [
        'COMMAND    PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME',
        ...Array.from({ length: 64 }, (_, fd) => `${name.padEnd(10)} ${pid} root ${String(fd).padStart(4)}u  IPv4 ${9000 + fd}      0t0  TCP 10.0.0.1:${6000 + fd}->10.0.0.2:80 (ESTABLISHED)`),
      ].join('\n') + '\n');
      writeFileSync(join(cmd, `proc-${pid}-limits.txt`), 'Limit                     Soft Limit           Hard Limit           Units     \nMax open files            64                   64                   files     \n');
    }
    // a third process with more fds than the shell's ulimit has a limit of its own: not judged by it
    writeFileSync(join(cmd, 'lsof-p-702.txt'), [
      'COMMAND    PID USER   FD   TYPE DEVICE SIZE/OFF NODE NAME',
      ...Array.from({ length: 80 }, (_, fd) => `nginx      702 root ${String(fd).padStart(4)}u  IPv4 ${9500 + fd}      0t0  TCP 10.0.0.1:${7000 + fd}->10.0.0.3:80 (ESTABLISHED)`),
    ].join('\n') + '\n');
    writeFileSync(join(cmd, 'ulimit-a.txt'), 'core file size              (blocks, -c) 0\nopen files                          (-n) 64\nmax user processes                  (-u) 63418\n');
    const fs = by(await run(tmp.dir), 'fds-limit-nearness');
    assert.deepEqual(fs.map((f) => [f.process, f.pid, f.facts.fdCount, f.facts.fdLimit]).sort(), [['haproxy', 700, 64, 64], ['pgbouncer', 701, 64, 64]]);
  } finally {
    tmp.remove();
  }
});

test('culprit collect\'s sockets.json and processes.json: the pile-up and the fds at the limit', async () => {
  const tmp = tempDir();
  try {
    const cmd = join(tmp.dir, 'box-4', 'cmd');
    mkdirSync(cmd, { recursive: true });
    writeFileSync(join(cmd, 'sockets.json'), '{"takenAt":"2026-05-10T07:40:00.000Z",\n"total":120,\n"byProcessPortState":[\n' + [
      '{"pid":4242,"process":"uwsgi","localPort":8080,"state":"CLOSE-WAIT","count":45}',
      '{"pid":4242,"process":"uwsgi","localPort":8080,"state":"ESTAB","count":10}',
      '{"pid":null,"process":null,"localPort":8080,"state":"CLOSE-WAIT","count":5}',
      '{"pid":null,"process":null,"localPort":8080,"state":"TIME-WAIT","count":60}',
      '{"pid":77,"process":"sshd","localPort":22,"state":"CLOSE-WAIT","count":2}',
    ].join(',\n') + '\n],\n"listen":[\n{"localAddr":"0.0.0.0","localPort":8080,"acceptQueue":3,"pid":4242,"process":"uwsgi"}\n]}\n');
    writeFileSync(join(cmd, 'processes.json'), '{"tool":"culprit collect",\n"host":"box-4",\n"takenAt":"2026-05-10T07:40:00.000Z",\n"processes":[\n' + [
      '{"pid":4242,"ppid":1,"name":"uwsgi","cmdline":["uwsgi"],"state":"S","uid":0,"rssBytes":1843200,"vmBytes":14585856,"threads":4,"cpuSeconds":3,"startedAt":"2026-05-10T07:00:00.000Z","fds":{"total":1010,"socket":990,"file":15,"pipe":4,"anon":1,"other":0},"fdSoftLimit":1024,"fdHardLimit":4096,"cgroup":["0::/"],"sockets":{"CLOSE-WAIT":45}}',
      '{"pid":77,"ppid":1,"name":"sshd","cmdline":["sshd"],"state":"S","uid":0,"rssBytes":1843200,"vmBytes":14585856,"threads":1,"cpuSeconds":0,"startedAt":"2026-05-10T07:00:00.000Z","fds":{"total":9,"socket":3,"file":5,"pipe":1,"anon":0,"other":0},"fdSoftLimit":1024,"fdHardLimit":4096,"cgroup":["0::/"],"sockets":{}}',
    ].join(',\n') + '\n]}\n');
    const fs = await run(tmp.dir);
    assert.deepEqual(by(fs, 'sockets-close-wait-buildup').map((f) => [f.process, f.pid, f.facts.closeWaitSockets, f.facts.queuedCloseWaitSockets, f.facts.localPort]), [['uwsgi', 4242, 50, 5, 8080]]);
    assert.deepEqual(by(fs, 'fds-limit-nearness').map((f) => [f.process, f.pid, f.facts.fdCount, f.facts.fdLimit, f.facts.limitSource, f.facts.socketFds]), [['uwsgi', 4242, 1010, 1024, 'collect-processes', 990]]);
  } finally {
    tmp.remove();
  }
});

describe('a hand-written bundle (Java service, nginx in front)', async () => {
  const fs = await run(repoPath('test', 'fixtures', 'detect', 'ledger-sockets'));

  test('client-side CLOSE_WAIT names the server the sockets belonged to; the 3 of a neighbour are fine', () => {
    const cw = by(fs, 'sockets-close-wait-buildup');
    assert.equal(cw.length, 1);
    assert.deepEqual([cw[0]!.process, cw[0]!.facts.closeWaitSockets, cw[0]!.facts.peer, cw[0]!.facts.localPort], ['java', 64, '10.9.0.5:5432', null]);
  });

  test('a full accept queue (129 of 128)', () => {
    const q = by(fs, 'sockets-listen-queue-overflow');
    assert.equal(q.length, 1);
    assert.deepEqual([q[0]!.facts.localPort, q[0]!.facts.acceptQueueLength, q[0]!.facts.backlog, q[0]!.category], [8443, 129, 128, 'thread-pool-exhaustion']);
  });

  test('fds against the shell\'s ulimit when no /proc limits is there; thread rows do not count', () => {
    const fd = by(fs, 'fds-limit-nearness');
    assert.equal(fd.length, 1);
    assert.deepEqual([fd[0]!.facts.fdCount, fd[0]!.facts.fdLimit, fd[0]!.facts.limitSource, fd[0]!.severity], [983, 1024, 'ulimit-a', 'warning']);
  });

  test('Java and nginx wording: peers from PgJDBC and nginx upstreams; the INFO counter line is no reset', () => {
    const refused = by(fs, 'network-connection-refused');
    assert.deepEqual(refused.map((f) => [f.facts.peer, f.facts.count]), [['10.9.0.5:5432', 5]]);
    const resets = by(fs, 'network-connection-reset');
    assert.deepEqual(resets.map((f) => f.facts.count), [12]);
    assert.deepEqual(by(fs, 'network-timeout').map((f) => [f.host, f.facts.peer, f.facts.errno, f.facts.count]), [['edge-lb-2', '10.9.1.14:8443', 'ETIMEDOUT', 20]]);
    assert.deepEqual(by(fs, 'network-unreachable').map((f) => [f.facts.peer, f.facts.syscall, f.facts.errno]), [['10.9.1.15:8443', 'connect', 'EHOSTUNREACH']]);
    assert.deepEqual(by(fs, 'errno-too-many-open-files').map((f) => [f.facts.syscall, f.facts.count]), [['accept', 8]]);
  });
});

test('real Go and Python socket errors (scripts/record/network-errors.sh): each kind, with the peer it names', async () => {
  const fs = await run(repoPath('test', 'fixtures', 'detect', 'network-recorded'));
  const got = fs.map((f) => [f.host, f.detector, f.facts.errno, f.facts.syscall, f.facts.count ?? 1]);
  assert.deepEqual(got.filter((g) => g[0] === 'app-go-1'), [
    ['app-go-1', 'network-connection-refused', 'ECONNREFUSED', 'connect', 3],
    ['app-go-1', 'network-connection-reset', 'ECONNRESET', 'read', 3],
    ['app-go-1', 'network-connection-reset', 'EPIPE', 'write', 3],
    // i/o timeouts and the http client's deadline against the same silent server
    ['app-go-1', 'network-timeout', null, 'read', 4],
    ['app-go-1', 'errno-too-many-open-files', 'EMFILE', 'socket', 1],
  ]);
  assert.deepEqual(got.filter((g) => g[0] === 'app-py-1').map((g) => [g[1], g[2], g[4]]), [
    ['network-connection-refused', 'ECONNREFUSED', 3],
    ['network-connection-reset', 'ECONNRESET', 3],
    ['network-timeout', null, 2],
    ['errno-too-many-open-files', 'EMFILE', 1],
  ]);
  // every peer is a loopback endpoint the line named
  for (const f of fs) if (f.category !== 'fd-exhaustion') assert.match(String(f.facts.peer), /^127\.0\.0\.1:\d+$/);
});
