import { readdirSync, readlinkSync } from 'node:fs';
import { redactArgs, redactEnvEntry } from './redact.js';
import { readBounded, readSyncBounded, type HangGuard } from './read-bounded.js';
import type { CollectNotes } from './notes.js';
import type { FdCounts, ProcessSnapshot } from './snapshot.js';

/** USER_HZ: the unit of utime/stime in /proc/PID/stat; 100 on every Linux ABI node runs on. */
const CLOCK_TICKS_PER_SEC = 100;
/** fds inspected per process; past this they are counted but not classified. */
export const MAX_FDS_INSPECTED = 65_536;
const PROC_FILE_MAX_BYTES = 64 * 1024;

/** socket inode → the processes (and fds) holding it */
export type SocketOwnerMap = Map<number, { pid: number; name: string; fd: number }[]>;

export interface ProcReadContext {
  procRoot: string;
  timeoutMs: number;
  guard: HangGuard;
  notes: CollectNotes;
  bootTimeMs: number | null;
  pageBytes: number;
  withEnv: boolean;
  /** socket inode → owners, filled while fds are read */
  socketOwners: SocketOwnerMap;
}

export interface ProcessRead {
  snapshot: ProcessSnapshot;
  /** Its network namespace (`net:[4026531840]`), null when unreadable. */
  netns: string | null;
  /** /proc/PID/limits in its own text (cmd/proc-PID-limits.txt). */
  limitsText: string | null;
}

/** Every numeric /proc entry. */
export function listPids(procRoot: string): number[] {
  return readdirSync(procRoot)
    .filter((n) => /^\d+$/.test(n))
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * Reads one process. Files that take the process's memory lock (cmdline, environ) are read with
 * a timeout and skipped once earlier reads hung; stat, status, limits, cgroup and the fd links
 * take no such lock and are read synchronously (they are the bulk of the work). Returns null
 * when the process has gone.
 */
export async function readProcess(pid: number, ctx: ProcReadContext): Promise<ProcessRead | null> {
  const dir = `${ctx.procRoot}/${pid}`;
  const read = (file: string, maxBytes: number) => readBounded(`${dir}/${file}`, { timeoutMs: ctx.timeoutMs, maxBytes, guard: ctx.guard });
  const readSync = (file: string) => {
    const r = readSyncBounded(`${dir}/${file}`, PROC_FILE_MAX_BYTES);
    return 'error' in r ? null : r.text;
  };
  const statText = readSync('stat');
  const st = statText === null ? null : parseStat(statText);
  if (!st) return null;
  const statusText = readSync('status');
  const limitsText = readSync('limits');
  const cgroupText = readSync('cgroup');
  const fields = parseStatus(statusText ?? '');

  let cmdline: string[] | null = null;
  if (ctx.guard.exhausted) ctx.notes.add('cmdline-skipped', `pid ${pid}: earlier /proc reads hung`);
  else {
    const c = await read('cmdline', 32 * 1024);
    if (c.timedOut) ctx.notes.add('read-timeout', `${dir}/cmdline`);
    else if (!c.error && c.text !== '') cmdline = redactArgs(c.text.replace(/\0$/, '').split('\0'));
  }

  let env: string[] | undefined;
  if (ctx.withEnv && !ctx.guard.exhausted) {
    const e = await read('environ', 16 * 1024);
    if (e.error) ctx.notes.add('environ-unreadable', `pid ${pid}: ${e.error}`);
    else env = e.text.split('\0').filter((x) => x !== '').map(redactEnvEntry);
  }

  const fds = readFds(pid, st.name, ctx);
  const limitsParsed = limitsText === null ? null : parseFdLimit(limitsText);
  const sockets: Record<string, number> = {};
  const snapshot: ProcessSnapshot = {
    pid,
    ppid: st.ppid,
    name: fields.name ?? st.name,
    cmdline,
    state: st.state,
    uid: fields.uid,
    rssBytes: fields.rssKb !== null ? fields.rssKb * 1024 : st.rssPages * ctx.pageBytes,
    vmBytes: fields.vmKb !== null ? fields.vmKb * 1024 : null,
    threads: fields.threads ?? st.threads,
    cpuSeconds: (st.utimeTicks + st.stimeTicks) / CLOCK_TICKS_PER_SEC,
    startedAt: ctx.bootTimeMs !== null ? new Date(ctx.bootTimeMs + (st.startTicks / CLOCK_TICKS_PER_SEC) * 1000).toISOString() : null,
    fds,
    fdSoftLimit: limitsParsed?.soft ?? null,
    fdHardLimit: limitsParsed?.hard ?? null,
    cgroup: cgroupText === null ? [] : cgroupText.split('\n').filter((l) => l !== ''),
    sockets,
    ...(env ? { env } : {}),
  };
  let netns: string | null = null;
  try {
    netns = readlinkSync(`${dir}/ns/net`);
  } catch {
    // another user's process, or no namespaces
  }
  return { snapshot, netns, limitsText: limitsText === '' ? null : limitsText };
}

function readFds(pid: number, name: string, ctx: ProcReadContext): FdCounts | null {
  const dir = `${ctx.procRoot}/${pid}/fd`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    ctx.notes.add(`fd-unreadable-${code}`, `pid ${pid} (${name})`);
    return null;
  }
  const counts: FdCounts = { total: names.length, socket: 0, file: 0, pipe: 0, anon: 0, other: 0 };
  if (names.length > MAX_FDS_INSPECTED) ctx.notes.add('fds-not-classified', `pid ${pid}: ${names.length} fds, first ${MAX_FDS_INSPECTED} classified`);
  const n = Math.min(names.length, MAX_FDS_INSPECTED);
  for (let i = 0; i < n; i++) {
    let target: string;
    try {
      target = readlinkSync(`${dir}/${names[i]}`);
    } catch {
      continue; // closed meanwhile
    }
    const c = target.charCodeAt(0);
    if (c === 47 /* '/' */) counts.file++;
    else if (target.startsWith('socket:[')) {
      counts.socket++;
      const inode = Number(target.slice(8, -1));
      let owners = ctx.socketOwners.get(inode);
      if (!owners) ctx.socketOwners.set(inode, (owners = []));
      if (owners.length < 8) owners.push({ pid, name, fd: Number(names[i]) });
    } else if (target.startsWith('pipe:[')) counts.pipe++;
    else if (target.startsWith('anon_inode:')) counts.anon++;
    else counts.other++;
  }
  return counts;
}

export interface StatFields {
  name: string;
  state: string;
  ppid: number;
  utimeTicks: number;
  stimeTicks: number;
  threads: number;
  startTicks: number;
  rssPages: number;
}

/** /proc/PID/stat; the name sits in parentheses and may itself hold ') '. */
export function parseStat(text: string): StatFields | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const rest = text.slice(close + 2).trim().split(' ');
  // rest[0] is field 3 (state)
  const num = (field: number) => Number(rest[field - 3] ?? NaN);
  return {
    name: text.slice(open + 1, close),
    state: rest[0] ?? '?',
    ppid: num(4),
    utimeTicks: num(14),
    stimeTicks: num(15),
    threads: num(20),
    startTicks: num(22),
    rssPages: num(24),
  };
}

export function parseStatus(text: string): { name: string | null; uid: number | null; rssKb: number | null; vmKb: number | null; threads: number | null } {
  const get = (key: string): string | null => {
    const m = new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(text);
    return m ? m[1]! : null;
  };
  const kb = (key: string) => {
    const v = get(key);
    return v === null ? null : Number.parseInt(v, 10);
  };
  const uid = get('Uid');
  const threads = get('Threads');
  return { name: get('Name'), uid: uid === null ? null : Number.parseInt(uid, 10), rssKb: kb('VmRSS'), vmKb: kb('VmSize'), threads: threads === null ? null : Number(threads) };
}

/** `Max open files  1024  4096  files` from /proc/PID/limits. */
export function parseFdLimit(text: string): { soft: number | null; hard: number | null } | null {
  const m = /^Max open files\s+(\S+)\s+(\S+)/m.exec(text);
  if (!m) return null;
  const v = (s: string) => (s === 'unlimited' ? null : Number(s));
  return { soft: v(m[1]!), hard: v(m[2]!) };
}
