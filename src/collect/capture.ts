import { readFileSync, readlinkSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { BundleWriter } from './bundle-writer.js';
import { findCgroupMounts, readCgroupTree } from './cgroup-tree.js';
import { TOOL_COMMANDS, type ToolCommand } from './commands.js';
import { Deadline, withTimeout } from './deadline.js';
import { bootTimeMs as computeBootTimeMs, HOST_PROC_FILES, uptimeSinceText } from './host-files.js';
import { filterDmesgTSince, readKmsg } from './kernel-log.js';
import { CollectNotes } from './notes.js';
import { listPids, readProcess, type ProcessRead, type ProcReadContext, type SocketOwnerMap } from './proc-process.js';
import { parseProcNetTcp, type TcpSocket } from './proc-net-tcp.js';
import { stringifyRows } from './json-rows.js';
import { HangGuard, readBounded } from './read-bounded.js';
import { findRecentLogs, LOG_LIMITS, readLogTail } from './recent-logs.js';
import { redactText } from './redact.js';
import { mountsForDf, renderDfH, type FsUsage } from './render-df.js';
import { renderFreeM } from './render-free.js';
import { runBounded, type CommandResult } from './run-bounded.js';
import { buildProcessSeries, type ProcessRound } from './series.js';
import type { CgroupMemory, ProcessesDocument, ProcessSnapshot } from './snapshot.js';
import { renderSsTanp } from './ss-table.js';

export interface CollectOptions {
  host: string;
  /** Only these processes; null for all. */
  pids: readonly number[] | null;
  /** Window of the kernel log, journal and log files. */
  sinceSec: number;
  withEnv: boolean;
  /** Run dmesg, ss, ps... when installed; false reads /proc and /sys only. */
  useTools: boolean;
  /** Wall-clock budget of one capture round. */
  budgetMs: number;
  /** --every/--count: rounds of per-process figures, the last one a full capture. */
  series?: { intervalMs: number; count: number };
  /** --strace PID --seconds N (the one opt-in that attaches). */
  strace?: { pid: number; seconds: number };
  procRoot?: string;
  logRoot?: string | null;
  onProgress?: (message: string) => void;
}

export interface CollectResult {
  bundle: BundleWriter;
  notes: CollectNotes;
  elapsedMs: number;
  processes: number;
  /** Reads still blocked in the kernel: the caller must exit instead of waiting for them. */
  hungReads: number;
}

/** Per-step timeouts (each also capped by the round's deadline). */
const READ_TIMEOUT_MS = 300;
const PROCESS_WORKERS = 16;
const MAX_LIMITS_FILES = 1024;
const MAX_STRACE_SECONDS = 60;
/** Other network namespaces (containers) whose sockets are read. */
const MAX_OTHER_NETNS = 256;

/**
 * Takes the scene of this host into a bundle: host figures, kernel log, journal warnings, disk
 * usage, memory cgroups, every process (or --pid) with fds, limits, cgroup and sockets. Read-only
 * and bounded in time: what does not finish within the budget is left out and noted.
 */
export async function collect(o: CollectOptions): Promise<CollectResult> {
  const started = Date.now();
  const procRoot = o.procRoot ?? '/proc';
  const notes = new CollectNotes();
  const guard = new HangGuard();
  const bundle = new BundleWriter(new Date(started));
  const cmd = (file: string) => `${o.host}/cmd/${file}`;
  const progress = o.onProgress ?? (() => undefined);

  // host files first: the boot time places process start times and raw kernel times
  const hostTexts = new Map<string, string>();
  await Promise.all(
    HOST_PROC_FILES.map(async (f) => {
      const r = await readBounded(`${procRoot}/${f.path}`, { timeoutMs: READ_TIMEOUT_MS, maxBytes: 1024 * 1024, guard });
      if (r.timedOut) notes.add('read-timeout', `${procRoot}/${f.path}`);
      else if (r.error) {
        if (r.error !== 'ENOENT') notes.add('unreadable', `${procRoot}/${f.path}: ${r.error}`);
      } else hostTexts.set(f.file, r.text);
    }),
  );
  for (const f of HOST_PROC_FILES) {
    const t = hostTexts.get(f.file);
    if (t !== undefined) bundle.add(cmd(f.file), t);
  }
  const bootTimeMs = computeBootTimeMs(hostTexts.get('proc-uptime.txt'), hostTexts.get('proc-stat.txt'), Date.now());
  if (bootTimeMs !== null) bundle.add(cmd('uptime-s.txt'), uptimeSinceText(bootTimeMs));
  else notes.add('no-boot-time', 'btime missing from /proc/stat: raw kernel times cannot be placed');

  const rounds: ProcessRound[] = [];
  const count = o.series ? Math.max(1, o.series.count) : 1;
  let last: RoundResult | null = null;
  let tools: Promise<Map<string, CommandResult>> | null = null;
  for (let i = 0; i < count; i++) {
    const isLast = i === count - 1;
    if (i > 0) await sleep(Math.max(0, o.series!.intervalMs - (Date.now() - rounds[rounds.length - 1]!.timeMs)));
    const deadline = new Deadline(o.budgetMs);
    // the commands run beside the last round's /proc reads
    if (isLast && o.useTools) tools = runTools(o, deadline, notes);
    progress(count > 1 ? `round ${i + 1}/${count}` : 'reading processes');
    last = await readRound(o, procRoot, deadline, guard, notes, bootTimeMs, i === 0);
    rounds.push({ timeMs: last.timeMs, processes: last.processes.map((p) => p.snapshot) });
  }
  const round = last!;
  const toolResults = tools ? await tools : new Map<string, CommandResult>();
  const finalDeadline = new Deadline(Math.max(500, o.budgetMs / 2));

  // commands, or their /proc fallbacks
  for (const c of TOOL_COMMANDS) {
    const r = toolResults.get(c.file);
    const text = r ? usableOutput(c, r, o.sinceSec, notes) : null;
    if (text !== null) {
      if (!bundle.add(cmd(c.file), text)) notes.add('bundle-full', c.file);
      continue;
    }
    if (c.onlyIfMissing && !o.useTools) continue;
    await writeFallback(c, { o, procRoot, round, bundle, notes, cmd, deadline: finalDeadline, guard });
  }

  // per process
  const doc: ProcessesDocument = { tool: 'culprit collect', host: o.host, takenAt: new Date(round.timeMs).toISOString(), processes: rounds[rounds.length - 1]!.processes as ProcessSnapshot[] };
  bundle.add(cmd('processes.json'), stringifyRows({ ...doc }));
  let limitsFiles = 0;
  for (const p of round.processes) {
    if (p.limitsText === null) continue;
    if (limitsFiles++ >= MAX_LIMITS_FILES) {
      notes.add('limits-files-skipped', `more than ${MAX_LIMITS_FILES} processes; limits of the rest are in processes.json`);
      break;
    }
    bundle.add(cmd(`proc-${p.snapshot.pid}-limits.txt`), p.limitsText);
  }
  bundle.add(cmd('sockets.json'), stringifyRows(socketSummary(round)));

  // memory cgroups
  progress('reading cgroups');
  const cgroups = await readCgroups(procRoot, finalDeadline, guard, notes);
  bundle.add(cmd('cgroup-memory.json'), stringifyRows({ takenAt: doc.takenAt, cgroups }));

  // recent log files
  if (o.logRoot !== null) await addRecentLogs(o, bundle, notes, guard, finalDeadline);

  // opt-in strace
  if (o.strace) {
    const seconds = Math.min(MAX_STRACE_SECONDS, Math.max(1, o.strace.seconds));
    progress(`strace -p ${o.strace.pid} for ${seconds} s`);
    const r = await runBounded(['strace', '-f', '-tt', '-T', '-s', '128', '-p', String(o.strace.pid)], {
      timeoutMs: seconds * 1000,
      maxBytes: 32 * 1024 * 1024,
      stopSignal: 'SIGINT',
      outputOnStderr: true,
    });
    if (r.missing) notes.add('strace-missing', 'strace is not installed');
    else bundle.add(cmd(`strace-p-${o.strace.pid}.txt`), redactText(r.stderr));
  }

  // series
  for (const [name, matrix] of buildProcessSeries(o.host, rounds)) bundle.add(`metrics/${name}.json`, `${JSON.stringify(matrix)}\n`);

  const elapsedMs = Date.now() - started;
  for (const name of bundle.refused) notes.add('bundle-full', name);
  const manifest = {
    tool: 'culprit collect',
    host: o.host,
    startedAt: new Date(started).toISOString(),
    elapsedMs,
    uid: process.getuid?.() ?? null,
    options: { pids: o.pids, sinceSec: o.sinceSec, env: o.withEnv, tools: o.useTools, series: o.series ?? null, strace: o.strace ?? null },
    processes: round.processes.length,
    hungReads: guard.hung,
    notes: notes.toJSON(),
    files: bundle.names,
  };
  bundle.add(cmd('culprit-collect.json'), stringifyRows(manifest), false);
  return { bundle, notes, elapsedMs, processes: round.processes.length, hungReads: guard.hung };
}

interface RoundResult {
  timeMs: number;
  processes: ProcessRead[];
  /** Our network namespace's sockets (what ss shows). */
  sockets: TcpSocket[];
  /** Sockets of other network namespaces (containers), for per-process counts. */
  foreignSockets: TcpSocket[];
  owners: SocketOwnerMap;
}

async function readRound(o: CollectOptions, procRoot: string, deadline: Deadline, guard: HangGuard, notes: CollectNotes, bootTimeMs: number | null, first: boolean): Promise<RoundResult> {
  const timeMs = Date.now();
  const ctx: ProcReadContext = {
    procRoot,
    timeoutMs: READ_TIMEOUT_MS,
    guard,
    notes: first ? notes : new CollectNotes(),
    bootTimeMs,
    pageBytes: 4096,
    withEnv: o.withEnv,
    socketOwners: new Map(),
  };
  let pids: number[];
  if (o.pids) pids = [...o.pids];
  else {
    try {
      pids = listPids(procRoot);
    } catch (err) {
      notes.add('unreadable', `${procRoot}: ${(err as NodeJS.ErrnoException).code}`);
      pids = [];
    }
  }
  const processes: ProcessRead[] = [];
  let next = 0;
  let skipped = 0;
  const worker = async () => {
    while (next < pids.length) {
      const pid = pids[next++]!;
      if (deadline.passed) {
        skipped++;
        continue;
      }
      const r = await readProcess(pid, ctx);
      if (r) processes.push(r);
      else if (o.pids) ctx.notes.add('process-gone', `pid ${pid} is not running or not readable`);
    }
  };
  await Promise.all(Array.from({ length: PROCESS_WORKERS }, worker));
  if (skipped > 0) notes.add('processes-deadline', `${skipped} processes not read: the time budget was spent`);
  processes.sort((a, b) => a.snapshot.pid - b.snapshot.pid);

  // sockets of our network namespace (what ss shows), then those of other namespaces (containers)
  // read once each through one of their processes; socket inodes are unique across namespaces
  const readTcp = async (netDir: string, into: TcpSocket[]) => {
    for (const [file, family] of [['tcp', 4], ['tcp6', 6]] as const) {
      const r = await readBounded(`${netDir}/${file}`, { timeoutMs: deadline.cap(READ_TIMEOUT_MS * 3), maxBytes: 64 * 1024 * 1024, guard });
      if (r.error && r.error !== 'ENOENT') notes.add('unreadable', `${netDir}/${file}: ${r.error}`);
      if (r.truncated) notes.add('sockets-truncated', `${netDir}/${file}: past 64 MiB or timed out`);
      into.push(...parseProcNetTcp(r.text, family));
    }
  };
  const sockets: TcpSocket[] = [];
  await readTcp(`${procRoot}/net`, sockets);
  const foreign: TcpSocket[] = [];
  let selfNetns: string | null = null;
  try {
    selfNetns = readlinkSync(`${procRoot}/self/ns/net`);
  } catch {
    // no namespaces
  }
  const otherNetns = new Map<string, number>();
  for (const p of processes) if (p.netns !== null && p.netns !== selfNetns && !otherNetns.has(p.netns)) otherNetns.set(p.netns, p.snapshot.pid);
  for (const pid of [...otherNetns.values()].slice(0, MAX_OTHER_NETNS)) {
    if (deadline.passed) break;
    await readTcp(`${procRoot}/${pid}/net`, foreign);
  }
  if (otherNetns.size > MAX_OTHER_NETNS) notes.add('netns-skipped', `${otherNetns.size - MAX_OTHER_NETNS} network namespaces not read`);
  const byPid = new Map(processes.map((p) => [p.snapshot.pid, p.snapshot]));
  for (const s of [...sockets, ...foreign]) {
    if (s.inode === 0) continue;
    for (const owner of ctx.socketOwners.get(s.inode) ?? []) {
      const snap = byPid.get(owner.pid);
      if (snap) snap.sockets[s.state] = (snap.sockets[s.state] ?? 0) + 1;
    }
  }
  return { timeMs, processes, sockets, foreignSockets: foreign, owners: ctx.socketOwners };
}

function runTools(o: CollectOptions, deadline: Deadline, notes: CollectNotes): Promise<Map<string, CommandResult>> {
  const results = new Map<string, CommandResult>();
  const run = async (c: ToolCommand) => {
    const r = await runBounded(c.argv({ sinceSec: o.sinceSec }), { timeoutMs: deadline.cap(c.timeoutMs, 200), maxBytes: c.maxBytes });
    results.set(c.file, r);
  };
  const first = TOOL_COMMANDS.filter((c) => !c.onlyIfMissing);
  return (async () => {
    await Promise.all(first.map(run));
    const second = TOOL_COMMANDS.filter((c) => c.onlyIfMissing && usableOutput(c, results.get(c.onlyIfMissing) ?? null, o.sinceSec, new CollectNotes()) === null);
    await Promise.all(second.map(run));
    for (const [file, r] of results) {
      if (r.missing) notes.add('command-missing', r.argv[0]!);
      else if (r.timedOut) notes.add('command-timeout', `${r.argv.join(' ')} (${file}): stopped after ${r.elapsedMs} ms, partial output kept`);
      else if (r.truncated) notes.add('command-truncated', `${r.argv.join(' ')}: output past its byte cap dropped`);
      else if (r.exitCode !== 0) notes.add('command-failed', `${r.argv.join(' ')}: exit ${r.exitCode}: ${r.stderr.trim().split('\n')[0]?.slice(0, 200) ?? ''}`);
    }
    return results;
  })();
}

/** The command's text to keep, or null when it gave nothing usable. */
function usableOutput(c: ToolCommand, r: CommandResult | null, sinceSec: number, notes: CollectNotes): string | null {
  if (!r || r.missing || r.error) return null;
  let text = r.stdout;
  if (r.exitCode !== 0 && !r.timedOut && !r.truncated) return null;
  if (c.since === 'dmesg-t') text = filterDmesgTSince(text, Date.now() - sinceSec * 1000);
  if (text.trim() === '' || /^-- No entries --\s*$/.test(text)) {
    // an empty kernel log window is an answer, not a failure
    if (c.since === 'dmesg-t' && r.stdout.trim() !== '') return '';
    return null;
  }
  if (r.timedOut) notes.add('partial-output', c.file);
  return redactText(text);
}

interface FallbackContext {
  o: CollectOptions;
  procRoot: string;
  round: RoundResult;
  bundle: BundleWriter;
  notes: CollectNotes;
  cmd: (file: string) => string;
  deadline: Deadline;
  guard: HangGuard;
}

async function writeFallback(c: ToolCommand, f: FallbackContext): Promise<void> {
  switch (c.fallback) {
    case 'kmsg': {
      let uptimeSec = 0;
      try {
        uptimeSec = Number(readFileSync(`${f.procRoot}/uptime`, 'utf8').split(' ')[0]);
      } catch {
        // keep the whole buffer
      }
      const r = readKmsg(Math.max(0, uptimeSec - f.o.sinceSec), c.maxBytes);
      if ('error' in r) f.notes.add('kernel-log-unreadable', `dmesg and /dev/kmsg: ${r.error} (dmesg_restrict needs CAP_SYSLOG)`);
      else {
        if (r.truncated) f.notes.add('kernel-log-truncated', 'oldest kernel lines dropped past the byte cap');
        f.bundle.add(f.cmd('dmesg.txt'), r.text);
      }
      return;
    }
    case 'ss-from-proc':
      f.bundle.add(f.cmd(c.file), renderSsTanp(f.round.sockets, f.round.owners));
      f.notes.add('ss-from-proc', 'ss-tanp.txt rendered from /proc/net/tcp{,6}: LISTEN Send-Q (the backlog) is not in /proc and shows 0');
      return;
    case 'free-from-meminfo': {
      const r = await readBounded(`${f.procRoot}/meminfo`, { timeoutMs: READ_TIMEOUT_MS, maxBytes: 64 * 1024, guard: f.guard });
      const text = r.error ? null : renderFreeM(r.text);
      if (text) f.bundle.add(f.cmd(c.file), text);
      return;
    }
    case 'df-from-statfs': {
      const mounts = await readBounded(`${f.procRoot}/self/mounts`, { timeoutMs: READ_TIMEOUT_MS, maxBytes: 1024 * 1024, guard: f.guard });
      const rows: FsUsage[] = [];
      for (const m of mountsForDf(mounts.text)) {
        if (f.deadline.passed) {
          f.notes.add('df-deadline', 'time budget spent before every filesystem was measured');
          break;
        }
        const st = await withTimeout(fs.statfs(m.mountPoint).catch(() => null), f.deadline.cap(READ_TIMEOUT_MS), null);
        // df leaves out filesystems without blocks (proc, sysfs, cgroup...)
        if (!st || st.blocks === 0) continue;
        const size = st.blocks * st.bsize;
        rows.push({ source: m.source, mountPoint: m.mountPoint, sizeBytes: size, usedBytes: (st.blocks - st.bfree) * st.bsize, availBytes: st.bavail * st.bsize });
      }
      f.bundle.add(f.cmd(c.file), renderDfH(rows));
      return;
    }
    default:
      return;
  }
}

function socketSummary(round: RoundResult) {
  const byKey = new Map<string, { pid: number | null; process: string | null; localPort: number; state: string; count: number }>();
  const listen: { localAddr: string; localPort: number; acceptQueue: number; pid: number | null; process: string | null }[] = [];
  for (const s of [...round.sockets, ...round.foreignSockets]) {
    const owner = round.owners.get(s.inode)?.[0];
    if (s.state === 'LISTEN') listen.push({ localAddr: s.localAddr, localPort: s.localPort, acceptQueue: s.recvQ, pid: owner?.pid ?? null, process: owner?.name ?? null });
    const key = `${owner?.pid ?? ''}|${s.localPort}|${s.state}`;
    const e = byKey.get(key);
    if (e) e.count++;
    else byKey.set(key, { pid: owner?.pid ?? null, process: owner?.name ?? null, localPort: s.localPort, state: s.state, count: 1 });
  }
  const byProcessPortState = [...byKey.values()].sort((a, b) => b.count - a.count);
  return { takenAt: new Date(round.timeMs).toISOString(), total: round.sockets.length + round.foreignSockets.length, byProcessPortState, listen };
}

async function readCgroups(procRoot: string, deadline: Deadline, guard: HangGuard, notes: CollectNotes): Promise<CgroupMemory[]> {
  const mountinfo = await readBounded(`${procRoot}/self/mountinfo`, { timeoutMs: READ_TIMEOUT_MS, maxBytes: 4 * 1024 * 1024, guard });
  const mounts = findCgroupMounts(mountinfo.text);
  const ctx = { timeoutMs: READ_TIMEOUT_MS, guard, notes, isPastDeadline: () => deadline.passed };
  const out: CgroupMemory[] = [];
  if (mounts.v1Memory) out.push(...(await readCgroupTree(mounts.v1Memory, 1, ctx)));
  if (mounts.v2) out.push(...(await readCgroupTree(mounts.v2, 2, ctx)));
  if (!mounts.v1Memory && !mounts.v2) notes.add('no-cgroups', 'no cgroup filesystem mounted');
  return out;
}

async function addRecentLogs(o: CollectOptions, bundle: BundleWriter, notes: CollectNotes, guard: HangGuard, deadline: Deadline): Promise<void> {
  const root = o.logRoot ?? '/var/log';
  const logs = await withTimeout(findRecentLogs(root, Date.now() - o.sinceSec * 1000, notes), deadline.cap(1000), []);
  let total = 0;
  for (const log of logs) {
    if (deadline.passed) {
      notes.add('logs-deadline', `${log.path} and older logs left out: time budget spent`);
      break;
    }
    const room = Math.min(LOG_LIMITS.maxBytesPerFile, LOG_LIMITS.maxTotalBytes - total);
    if (room <= 0) {
      notes.add('logs-skipped', `${log.path}: log byte budget spent`);
      continue;
    }
    const r = await withTimeout(readLogTail(log.path, log.sizeBytes, room, guard, deadline.cap(READ_TIMEOUT_MS * 3)), deadline.cap(1000), null);
    if (!r) {
      notes.add('log-unreadable', log.path);
      continue;
    }
    if (r.truncated) notes.add('log-tail-only', `${log.path}: last ${room} bytes of ${log.sizeBytes}`);
    total += r.text.length;
    bundle.add(`${o.host}/logs/${log.rel}`, redactText(r.text));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
