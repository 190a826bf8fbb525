import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseProcNetTcp } from './proc-net-tcp.js';
import { cliArgv, MemoryCgroupV1, readBundle, SceneProcess, startCloseWaitInNetns, startCloseWaitServer, startFdLeaker, startMemoryHog } from '../../test/support/scene.js';
import { findExecutable } from './run-bounded.js';
import type { CgroupMemory, ProcessesDocument, ProcessSnapshot } from './snapshot.js';

/**
 * culprit collect on real conditions: a process leaking fds toward a low RLIMIT_NOFILE, a
 * loopback server whose sockets pile up in CLOSE_WAIT, a process in a v1 memory cgroup near its
 * limit. Needs Linux, root (for the cgroup and the non-root run through setpriv).
 */
const NOFILE = 256;
const CLOSE_WAIT_CONNS = 24;
const MiB = 1024 * 1024;
const SECRETS = ['tok3n-v4lue-9f2', 'hunter2pass-77', 'AKIAIOSFODNN7QWERTYZ', 'dbpa55word-31', 'beArErT0ken.abc.123', 'env-s3cret-55'];

const cli = cliArgv();
function run(args: string[], o: { asNobody?: boolean; timeoutMs?: number } = {}) {
  const argv = o.asNobody ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', ...cli, ...args] : [...cli, ...args];
  const r = spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', timeout: o.timeoutMs ?? 60_000, env: { ...process.env, HOME: '/tmp' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function processesOf(files: Map<string, string>): ProcessSnapshot[] {
  const name = [...files.keys()].find((k) => k.endsWith('/cmd/processes.json'))!;
  return (JSON.parse(files.get(name)!) as ProcessesDocument).processes;
}

function file(files: Map<string, string>, suffix: string): string | undefined {
  const name = [...files.keys()].find((k) => k.endsWith(suffix));
  return name === undefined ? undefined : files.get(name);
}

const canRun = process.platform === 'linux' && process.getuid?.() === 0;

describe('culprit collect on a live scene', { skip: canRun ? false : 'needs Linux and root' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'culprit-collect-'));
  const scene: SceneProcess[] = [];
  const clients: Socket[] = [];
  let leaker: SceneProcess;
  let server: SceneProcess;
  let port = 0;
  let hog: SceneProcess | undefined;
  let cgroup: MemoryCgroupV1 | undefined;
  const logDir = join(dir, 'var-log');

  before(async () => {
    chmodSync(dir, 0o777);
    // a process whose arguments and environment carry planted secrets, leaking fds
    leaker = startFdLeaker(NOFILE, 200, 100, ['--token', SECRETS[0]!, `password=${SECRETS[1]}`, `postgres://app:${SECRETS[3]}@127.0.0.1:5432/db`], {
      AWS_SECRET_ACCESS_KEY: SECRETS[5]!,
      CULPRIT_VISIBLE_MARKER: 'visible-marker-4711',
    });
    scene.push(leaker);
    await leaker.waitFor(/fds \d+/);
    leaker.send('leak 100');
    await leaker.waitFor(/fds \d+/);

    server = startCloseWaitServer();
    scene.push(server);
    port = Number((await server.waitFor(/port (\d+)/))[1]);
    await openAndClose(CLOSE_WAIT_CONNS, CLOSE_WAIT_CONNS);

    // a log file with secrets, as an application might write them
    mkdirSync(logDir);
    writeFileSync(
      join(logDir, 'app.log'),
      `2026-01-01 00:00:00 INFO calling api with Authorization: Bearer ${SECRETS[4]}\n2026-01-01 00:00:01 WARN aws key ${SECRETS[2]} rejected\n`,
    );

    if (MemoryCgroupV1.available()) {
      cgroup = new MemoryCgroupV1(`culprit-test-${process.pid}`, 192 * MiB);
      hog = startMemoryHog(120, join(dir, 'cache.bin'), 160);
      scene.push(hog);
      await hog.waitFor(/started/);
      cgroup.add(hog.pid);
      hog.send('go');
      await hog.waitFor(/ready/, 30_000);
    }
  });

  after(async () => {
    for (const c of clients) c.destroy();
    for (const p of scene) await p.stop();
    cgroup?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Opens and half-closes `n` connections, then waits until `total` sit in CLOSE_WAIT. */
  async function openAndClose(n: number, total: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const s = connect(port, '127.0.0.1');
      clients.push(s);
      await new Promise<void>((resolve, reject) => s.once('connect', resolve).once('error', reject));
      s.end(); // our FIN: the server's side goes to CLOSE_WAIT, since it never closes
    }
    // wait until the kernel shows them
    for (let i = 0; i < 100; i++) {
      const cw = parseProcNetTcp(readFileSync('/proc/net/tcp', 'utf8'), 4).filter((s) => s.state === 'CLOSE-WAIT' && s.localPort === port).length;
      if (cw >= total) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  let bundleA = '';

  test('captures the fd leak, the CLOSE_WAIT pile-up and the cgroup near its limit', async (t) => {
    bundleA = join(dir, 'a.tar.gz');
    const r = run(['collect', '--out', bundleA, '--since', '10m', '--logs', logDir]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), bundleA);
    const files = await readBundle(bundleA);
    const manifest = JSON.parse(file(files, '/cmd/culprit-collect.json')!) as { elapsedMs: number; notes: unknown[] };
    t.diagnostic(`capture took ${manifest.elapsedMs} ms, ${files.size} files; notes: ${JSON.stringify(manifest.notes)}`);
    assert.ok(manifest.elapsedMs < 3000, `took ${manifest.elapsedMs} ms`);

    const procs = processesOf(files);
    // fds toward the limit
    const l = procs.find((p) => p.pid === leaker.pid)!;
    assert.ok(l, 'the leaker is captured');
    assert.equal(l.fdSoftLimit, NOFILE);
    assert.ok(l.fds!.total >= 100 && l.fds!.file >= 100, JSON.stringify(l.fds));
    assert.match(file(files, `/cmd/proc-${leaker.pid}-limits.txt`)!, new RegExp(`^Max open files +${NOFILE} +${NOFILE} +files`, 'm'));
    const openFds = JSON.parse(files.get('metrics/process_open_fds.json')!) as { data: { result: { metric: Record<string, string>; values: [number, string][] }[] } };
    const series = openFds.data.result.find((s) => s.metric.pid === String(leaker.pid))!;
    assert.equal(series.metric.process, 'node');
    assert.ok(Number(series.values[0]![1]) >= 100);

    // CLOSE_WAIT: per process, in ss's layout, and by local port
    const s = procs.find((p) => p.pid === server.pid)!;
    assert.equal(s.sockets['CLOSE-WAIT'], CLOSE_WAIT_CONNS);
    assert.equal(s.sockets.LISTEN, 1);
    const ss = file(files, '/cmd/ss-tanp.txt')!;
    const cwLines = ss.split('\n').filter((x) => x.startsWith('CLOSE-WAIT') && x.includes(`127.0.0.1:${port} `) && x.includes(`pid=${server.pid},`));
    assert.equal(cwLines.length, CLOSE_WAIT_CONNS, ss);
    const sockets = JSON.parse(file(files, '/cmd/sockets.json')!) as { byProcessPortState: { pid: number; localPort: number; state: string; count: number }[] };
    assert.deepEqual(
      sockets.byProcessPortState.find((x) => x.pid === server.pid && x.state === 'CLOSE-WAIT'),
      { pid: server.pid, process: 'node', localPort: port, state: 'CLOSE-WAIT', count: CLOSE_WAIT_CONNS },
    );

    // the memory cgroup near its limit
    if (cgroup && hog) {
      const cg = (JSON.parse(file(files, '/cmd/cgroup-memory.json')!) as { cgroups: CgroupMemory[] }).cgroups.find((c) => c.version === 1 && c.path === `/${cgroup!.name}`)!;
      assert.ok(cg, 'the test cgroup is in cgroup-memory.json');
      t.diagnostic(`cgroup: ${JSON.stringify(cg)}`);
      assert.equal(cg.limitBytes, 192 * MiB);
      assert.ok(cg.usageBytes! > 0.8 * 192 * MiB, `usage ${cg.usageBytes}`);
      assert.ok(cg.failcnt! > 0, `failcnt ${cg.failcnt}`);
      assert.equal(cg.procs, 1);
      const h = procs.find((p) => p.pid === hog!.pid)!;
      assert.ok(h.cgroup.some((line) => line.endsWith(`:memory:/${cgroup!.name}`)), h.cgroup.join('|'));
      assert.ok(h.rssBytes! >= 120 * MiB, `rss ${h.rssBytes}`);
      const limitSeries = JSON.parse(files.get('metrics/container_spec_memory_limit_bytes.json')!) as { data: { result: { metric: Record<string, string>; values: [number, string][] }[] } };
      assert.equal(limitSeries.data.result.find((x) => x.metric.id === `/${cgroup!.name}`)?.values[0]?.[1], String(192 * MiB));
    } else t.diagnostic('no v1 memory controller: cgroup part skipped');

    // host files
    assert.match(file(files, '/cmd/uptime-s.txt')!, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\n$/);
    assert.match(file(files, '/cmd/proc-stat.txt')!, /^btime \d+$/m);
    assert.match(file(files, '/cmd/proc-meminfo.txt')!, /^MemTotal:/);
    assert.ok(file(files, '/cmd/dmesg-T.txt') !== undefined || file(files, '/cmd/dmesg.txt') !== undefined, 'a kernel log');
    assert.ok(file(files, '/logs/app.log'), 'recent log files under <host>/logs/');
  });

  test('secrets in command lines, environment and log files never reach the bundle', async () => {
    for (const withEnv of [false, true]) {
      const out = join(dir, `secrets-${withEnv}.tar.gz`);
      const r = run(['collect', '--out', out, '--logs', logDir, ...(withEnv ? ['--env'] : [])]);
      assert.equal(r.status, 0, r.stderr);
      const files = await readBundle(out);
      for (const [name, text] of files) for (const s of SECRETS) assert.ok(!text.includes(s), `${s} leaked into ${name}`);
      const l = processesOf(files).find((p) => p.pid === leaker.pid)!;
      assert.ok(l.cmdline!.includes('--token') && l.cmdline!.includes('<redacted>'), l.cmdline!.join(' '));
      assert.ok(file(files, '/logs/app.log')!.includes('Bearer <redacted>'));
      // the environment only with --env, and then with secret values hidden
      assert.equal(l.env?.includes('CULPRIT_VISIBLE_MARKER=visible-marker-4711') ?? false, withEnv);
      if (withEnv) assert.ok(l.env!.includes('AWS_SECRET_ACCESS_KEY=<redacted>'));
      else assert.ok(![...files.values()].some((text) => text.includes('visible-marker-4711')));
    }
  });

  test('works from /proc alone (--no-tools): ss layout rendered from /proc/net/tcp', async () => {
    const out = join(dir, 'no-tools.tar.gz');
    const r = run(['collect', '--out', out, '--no-tools', '--no-logs', '--pid', String(server.pid), String(leaker.pid)]);
    assert.equal(r.status, 0, r.stderr);
    const files = await readBundle(out);
    const ss = file(files, '/cmd/ss-tanp.txt')!;
    const rows = ss.split('\n').filter((x) => x.includes(`pid=${server.pid},`)).map((x) => x.trim().split(/\s+/));
    assert.equal(rows.filter((c) => c[0] === 'CLOSE-WAIT' && c[3] === `127.0.0.1:${port}`).length, CLOSE_WAIT_CONNS);
    assert.deepEqual(rows.find((c) => c[0] === 'LISTEN')?.slice(3, 5), [`127.0.0.1:${port}`, '0.0.0.0:*']);
    assert.deepEqual(processesOf(files).map((p) => p.pid).sort(), [leaker.pid, server.pid].sort());
    assert.match(file(files, '/cmd/free-m.txt')!, /^Mem: +\d+/m);
    assert.match(file(files, '/cmd/df-h.txt')!, /^Filesystem +Size +Used +Avail +Use% +Mounted on$/m);
    assert.equal(file(files, '/cmd/ps-aux.txt'), undefined);
  });

  test('counts the sockets of processes in other network namespaces', { skip: findExecutable('unshare') && findExecutable('ip') ? false : 'needs unshare (util-linux) and ip (iproute2)' }, async () => {
    const inner = startCloseWaitInNetns(7);
    scene.push(inner);
    await inner.waitFor(/ready/);
    const out = join(dir, 'netns.tar.gz');
    const r = run(['collect', '--out', out, '--no-logs', '--pid', String(inner.pid)]);
    assert.equal(r.status, 0, r.stderr);
    const files = await readBundle(out);
    const p = processesOf(files)[0]!;
    assert.equal(p.pid, inner.pid);
    assert.deepEqual(p.sockets, { LISTEN: 1, 'CLOSE-WAIT': 7, 'FIN-WAIT-2': 7 });
    await inner.stop();
  });

  test('diff of two captures shows the fd and CLOSE_WAIT growth first', async () => {
    const watched = [leaker.pid, server.pid, ...(hog ? [hog.pid] : [])].map(String);
    const smallA = join(dir, 'small-a.tar.gz');
    assert.equal(run(['collect', '--out', smallA, '--no-logs', '--pid', ...watched]).status, 0);
    leaker.send('leak 40');
    await leaker.waitFor(/fds \d+/);
    await openAndClose(10, CLOSE_WAIT_CONNS + 10);
    const smallB = join(dir, 'small-b.tar.gz');
    const bundleB = join(dir, 'b.tar.gz');
    assert.equal(run(['collect', '--out', smallB, '--no-logs', '--pid', ...watched]).status, 0);
    assert.equal(run(['collect', '--out', bundleB, '--no-logs']).status, 0);

    type Diff = { processes: { pid: number; status: string; fds: { delta: number }; sockets: Record<string, { delta: number }> }[] };
    const small = run(['diff', smallA, smallB, '--format', 'json']);
    assert.equal(small.status, 0, small.stderr);
    const ranked = (JSON.parse(small.stdout) as Diff).processes;
    // the fd leak (+40 or more) first, then the 10 new CLOSE_WAIT sockets; the steady hog is not listed
    assert.deepEqual(ranked.slice(0, 2).map((p) => p.pid), [leaker.pid, server.pid]);
    assert.ok(ranked[0]!.fds.delta >= 40, JSON.stringify(ranked[0]!.fds));
    assert.equal(ranked[1]!.sockets['CLOSE-WAIT']!.delta, 10);
    if (hog) assert.ok(!ranked.some((p) => p.pid === hog!.pid), 'the steady process is left out');

    // the same growth between two whole-host captures, among whatever else changed on the host
    const full = run(['diff', bundleA, bundleB, '--format', 'json']);
    const changed = (JSON.parse(full.stdout) as Diff).processes.filter((p) => p.status === 'changed');
    assert.ok(changed.find((p) => p.pid === leaker.pid)!.fds.delta >= 40);
    assert.equal(changed.find((p) => p.pid === server.pid)!.sockets['CLOSE-WAIT']!.delta, 10);
    const text = run(['diff', bundleA, bundleB]);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, new RegExp(`^\\S+ node \\(pid ${leaker.pid}\\): fds \\d+ -> \\d+ \\(\\+\\d+\\) of limit ${NOFILE}`, 'm'));
    assert.match(text.stdout, new RegExp(`^\\S+ node \\(pid ${server.pid}\\):.*CLOSE-WAIT ${CLOSE_WAIT_CONNS} -> ${CLOSE_WAIT_CONNS + 10} \\(\\+10\\)`, 'm'));
  });

  test('--every/--count records growth as Prometheus series', async () => {
    const out = join(dir, 'series.tar.gz');
    const r = run(['collect', '--out', out, '--no-logs', '--no-tools', '--pid', String(leaker.pid), '--every', '400ms', '--count', '3']);
    assert.equal(r.status, 0, r.stderr);
    const files = await readBundle(out);
    const m = JSON.parse(files.get('metrics/process_open_fds.json')!) as { status: string; data: { resultType: string; result: { metric: Record<string, string>; values: [number, string][] }[] } };
    assert.equal(m.data.resultType, 'matrix');
    const s = m.data.result.find((x) => x.metric.pid === String(leaker.pid))!;
    assert.deepEqual(Object.keys(s.metric).sort(), ['__name__', 'host', 'pid', 'process']);
    assert.equal(s.values.length, 3);
    const [t0, t2] = [s.values[0]![0], s.values[2]![0]];
    assert.ok(t2 - t0 >= 0.75 && t2 - t0 < 3, `span ${t2 - t0} s`);
  });

  test('--strace PID --seconds N attaches for N seconds and leaves the process running', { skip: findExecutable('strace') ? false : 'strace is not installed' }, async () => {
    const out = join(dir, 'strace.tar.gz');
    const started = Date.now();
    const r = run(['collect', '--out', out, '--no-logs', '--no-tools', '--pid', String(leaker.pid), '--strace', String(leaker.pid), '--seconds', '1']);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(Date.now() - started < 8000);
    const trace = file(await readBundle(out), `/cmd/strace-p-${leaker.pid}.txt`)!;
    // the leaker opens /dev/null every 100 ms until it reaches its drip target, and its timers wake it
    assert.match(trace, /^(?:\[pid +\d+\] )?\d\d:\d\d:\d\d\.\d+ \w+\(/m);
    leaker.send('still there?');
    await leaker.waitFor(/fds \d+/);
  });

  test('runs as a non-root user with what it can read, and says what it could not', async () => {
    const out = join(dir, 'nobody.tar.gz');
    const r = run(['collect', '--out', out, '--no-logs'], { asNobody: true });
    assert.equal(r.status, 0, r.stderr);
    const files = await readBundle(out);
    const manifest = JSON.parse(file(files, '/cmd/culprit-collect.json')!) as { uid: number; notes: { kind: string }[] };
    assert.equal(manifest.uid, 65534);
    assert.ok(manifest.notes.some((n) => n.kind === 'fd-unreadable-EACCES'), JSON.stringify(manifest.notes));
    const l = processesOf(files).find((p) => p.pid === leaker.pid)!;
    assert.equal(l.fds, null); // root's fds are not nobody's to read
    assert.ok(l.rssBytes! > 0 && l.threads! > 0);
    assert.ok(file(files, '/cmd/proc-meminfo.txt'));
  });

  test('culprit analyze reads every file of the bundle', async (t) => {
    const r = run(['analyze', bundleA, '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { inputs: { path: string; format: string; lines: number; events: number }[]; findings: { category: string; title: string }[] };
    const files = await readBundle(bundleA);
    const byPath = new Map(report.inputs.map((i) => [i.path, i]));
    for (const name of files.keys()) {
      const input = byPath.get(name);
      assert.ok(input, `${name} is not among analyze's inputs`);
      assert.notEqual(input.format, 'binary', name);
      if (files.get(name)!.trim() !== '') assert.ok(input.lines > 0, `${name}: no lines read`);
    }
    const plainCmd = report.inputs.filter((i) => i.format === 'plain' && /\/cmd\/[^/]+\.txt$/.test(i.path) && !/-limits\.txt$/.test(i.path)).map((i) => i.path.replace(/^.*\/cmd\//, ''));
    t.diagnostic(`cmd files read as plain (no format yet): ${plainCmd.join(', ') || 'none'}`);
    t.diagnostic(`formats: ${[...new Set(report.inputs.map((i) => `${i.path.replace(/^.*\/(cmd|logs|metrics)\//, '$1/').replace(/proc-\d+-limits/, 'proc-PID-limits')}=${i.format}`))].join(' ')}`);
    t.diagnostic(`findings: ${report.findings.map((f) => `${f.category}: ${f.title}`).join(' | ') || 'none'}`);
  });

  test('culprit analyze on a capture names the process near its fd limit, the CLOSE_WAIT pile-up and the cgroup at its limit', async () => {
    // to 95 % of the open-files limit (at the limit itself the leaker could not even count its fds)
    leaker.send('leak 0');
    const now = Number((await leaker.waitFor(/fds (\d+)/))[1]);
    leaker.send(`leak ${Math.max(0, Math.ceil(NOFILE * 0.95) - now)}`);
    const fds = Number((await leaker.waitFor(/fds (\d+)/))[1]);
    assert.ok(fds >= NOFILE * 0.9, `the leaker holds ${fds} fds`);
    const bundle = join(dir, 'near-limit.tar.gz');
    assert.equal(run(['collect', '--out', bundle, '--no-logs']).status, 0);
    const r = run(['analyze', bundle, '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { findings: { category: string; pid: number | null; title: string; facts: Record<string, unknown> }[] };
    const fdFinding = report.findings.find((f) => f.category === 'fd-exhaustion' && f.pid === leaker.pid);
    assert.ok(fdFinding, `no fd-exhaustion finding for pid ${leaker.pid}: ${report.findings.map((f) => `${f.category}/${f.pid}: ${f.title}`).join(' | ')}`);
    assert.equal(fdFinding.facts.fdLimit, NOFILE);
    const cw = report.findings.find((f) => f.category === 'close-wait-buildup' && f.pid === server.pid);
    assert.ok(cw, `no close-wait-buildup finding for pid ${server.pid}: ${report.findings.map((f) => `${f.category}/${f.pid}: ${f.title}`).join(' | ')}`);
    if (cgroup) {
      // the hog's cgroup: 120 MiB of anonymous memory and 160 MiB of page cache in 192 MiB
      const pressure = report.findings.find((f) => f.category === 'memory-pressure' && String(f.facts.cgroup ?? '').endsWith(`culprit-test-${process.pid}`));
      assert.ok(pressure, `no memory-pressure finding for the test cgroup: ${report.findings.map((f) => `${f.category}: ${f.title}`).join(' | ')}`);
      assert.equal(pressure.facts.limitBytes, 192 * MiB);
    }
  });
});
