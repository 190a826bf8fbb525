import { readlinkSync } from 'node:fs';
import type { CollectOptions } from './capture.js';
import type { Deadline } from './deadline.js';
import { CollectNotes } from './notes.js';
import { listPids, readProcess, type ProcessRead, type ProcReadContext, type SocketOwnerMap } from './proc-process.js';
import { parseProcNetTcp, type TcpSocket } from './proc-net-tcp.js';
import { readBounded, READ_TIMEOUT_MS, type HangGuard } from './read-bounded.js';

/** Processes read side by side (fd links are read synchronously, cmdline through the thread pool). */
const PROCESS_WORKERS = 16;
/** Other network namespaces (containers) whose sockets are read. */
const MAX_OTHER_NETNS = 256;

/** One pass over the processes and their sockets. */
export interface RoundResult {
  timeMs: number;
  processes: ProcessRead[];
  /** Our network namespace's sockets (what ss shows). */
  sockets: TcpSocket[];
  /** Sockets of other network namespaces (containers), for per-process counts. */
  foreignSockets: TcpSocket[];
  owners: SocketOwnerMap;
}

/**
 * Reads every process (or --pid) until the deadline, then the TCP tables, and counts each
 * process's sockets by state through the fd inode map.
 */
export async function readRound(o: CollectOptions, procRoot: string, deadline: Deadline, guard: HangGuard, notes: CollectNotes, bootTimeMs: number | null, first: boolean): Promise<RoundResult> {
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
