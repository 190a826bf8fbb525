import { readdirSync } from 'node:fs';
import { readBounded, READ_TIMEOUT_MS, type HangGuard } from './read-bounded.js';
import type { CollectNotes } from './notes.js';
import type { CgroupMemory } from './snapshot.js';

/** Groups read at most; a host with more is reported partially (and says so). */
export const MAX_CGROUPS = 2000;
const MAX_DEPTH = 12;
/** v1 reports "no limit" as a page-rounded LONG_MAX. */
const V1_UNLIMITED = 2n ** 62n;

export interface CgroupMounts {
  v1Memory: string | null;
  v2: string | null;
}

/** Finds the memory controller (v1) and the unified tree (v2) in /proc/self/mountinfo. */
export function findCgroupMounts(mountinfo: string): CgroupMounts {
  let v1Memory: string | null = null;
  let v2: string | null = null;
  for (const line of mountinfo.split('\n')) {
    const sep = line.indexOf(' - ');
    if (sep < 0) continue;
    const left = line.slice(0, sep).split(' ');
    const right = line.slice(sep + 3).split(' ');
    const mountPoint = unescapeMount(left[4] ?? '');
    const fsType = right[0];
    const superOpts = right[2] ?? '';
    if (fsType === 'cgroup2' && v2 === null) v2 = mountPoint;
    if (fsType === 'cgroup' && v1Memory === null && superOpts.split(',').includes('memory')) v1Memory = mountPoint;
  }
  return { v1Memory, v2 };
}

function unescapeMount(s: string): string {
  return s.replace(/\\(\d{3})/g, (_, o: string) => String.fromCharCode(Number.parseInt(o, 8)));
}

interface TreeContext {
  timeoutMs: number;
  guard: HangGuard;
  notes: CollectNotes;
  isPastDeadline: () => boolean;
}

/** Walks a memory cgroup tree breadth-first, bounded in groups and depth. */
export async function readCgroupTree(root: string, version: 1 | 2, ctx: TreeContext): Promise<CgroupMemory[]> {
  const out: CgroupMemory[] = [];
  const queue: { rel: string; depth: number }[] = [{ rel: '/', depth: 0 }];
  while (queue.length > 0) {
    if (out.length >= MAX_CGROUPS) {
      ctx.notes.add('cgroups-truncated', `${root}: stopped after ${MAX_CGROUPS} groups`);
      break;
    }
    if (ctx.isPastDeadline()) {
      ctx.notes.add('cgroups-deadline', `${root}: time budget spent after ${out.length} groups`);
      break;
    }
    const { rel, depth } = queue.shift()!;
    const dir = rel === '/' ? root : `${root}${rel}`;
    const group = version === 1 ? await readV1(dir, rel, ctx) : await readV2(dir, rel, ctx);
    if (group) out.push(group);
    if (depth >= MAX_DEPTH) continue;
    let entries: string[];
    try {
      entries = readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
    } catch {
      continue;
    }
    for (const name of entries) queue.push({ rel: rel === '/' ? `/${name}` : `${rel}/${name}`, depth: depth + 1 });
  }
  return out;
}

async function readFile(path: string, ctx: TreeContext): Promise<string | null> {
  const r = await readBounded(path, { timeoutMs: ctx.timeoutMs, maxBytes: 16 * 1024, guard: ctx.guard });
  if (r.timedOut) ctx.notes.add('read-timeout', path);
  return r.error || r.timedOut ? null : r.text;
}

function num(text: string | null): number | null {
  if (text === null) return null;
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  return Number(t);
}

function keyed(text: string | null, key: string): number | null {
  if (text === null) return null;
  const m = new RegExp(`^${key} (\\d+)$`, 'm').exec(text);
  return m ? Number(m[1]) : null;
}

function countLines(text: string | null): number | null {
  return text === null ? null : text.split('\n').filter((l) => l !== '').length;
}

async function readV1(dir: string, rel: string, ctx: TreeContext): Promise<CgroupMemory | null> {
  const [limit, usage, maxUsage, failcnt, oomControl, procs] = await Promise.all(
    ['memory.limit_in_bytes', 'memory.usage_in_bytes', 'memory.max_usage_in_bytes', 'memory.failcnt', 'memory.oom_control', 'cgroup.procs'].map((f) =>
      readFile(`${dir}/${f}`, ctx),
    ),
  );
  if (limit === null && usage === null) return null;
  const limitText = limit?.trim() ?? '';
  const unlimited = /^\d+$/.test(limitText) && BigInt(limitText) >= V1_UNLIMITED;
  const underOom = keyed(oomControl ?? null, 'under_oom');
  return {
    version: 1,
    path: rel,
    limitBytes: unlimited ? null : num(limit ?? null),
    usageBytes: num(usage ?? null),
    maxUsageBytes: num(maxUsage ?? null),
    failcnt: num(failcnt ?? null),
    oomEvents: null,
    oomKills: keyed(oomControl ?? null, 'oom_kill'),
    underOom: underOom === null ? null : underOom === 1,
    procs: countLines(procs ?? null),
  };
}

async function readV2(dir: string, rel: string, ctx: TreeContext): Promise<CgroupMemory | null> {
  const [max, current, peak, events, procs] = await Promise.all(
    ['memory.max', 'memory.current', 'memory.peak', 'memory.events', 'cgroup.procs'].map((f) => readFile(`${dir}/${f}`, ctx)),
  );
  // the v2 root has no memory.max/current; groups without the memory controller neither
  if (max === null && current === null && events === null) return null;
  return {
    version: 2,
    path: rel,
    limitBytes: max?.trim() === 'max' ? null : num(max ?? null),
    usageBytes: num(current ?? null),
    maxUsageBytes: num(peak ?? null),
    failcnt: keyed(events ?? null, 'max'),
    oomEvents: keyed(events ?? null, 'oom'),
    oomKills: keyed(events ?? null, 'oom_kill'),
    underOom: null,
    procs: countLines(procs ?? null),
  };
}

/** Both memory trees (v1 controller and v2 unified) as mounted on this host. */
export async function readMemoryCgroups(procRoot: string, deadline: { readonly passed: boolean }, guard: HangGuard, notes: CollectNotes): Promise<CgroupMemory[]> {
  const mountinfo = await readBounded(`${procRoot}/self/mountinfo`, { timeoutMs: READ_TIMEOUT_MS, maxBytes: 4 * 1024 * 1024, guard });
  const mounts = findCgroupMounts(mountinfo.text);
  const ctx = { timeoutMs: READ_TIMEOUT_MS, guard, notes, isPastDeadline: () => deadline.passed };
  const out: CgroupMemory[] = [];
  if (mounts.v1Memory) out.push(...(await readCgroupTree(mounts.v1Memory, 1, ctx)));
  if (mounts.v2) out.push(...(await readCgroupTree(mounts.v2, 2, ctx)));
  if (!mounts.v1Memory && !mounts.v2) notes.add('no-cgroups', 'no cgroup filesystem mounted');
  return out;
}
