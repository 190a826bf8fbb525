import type { ProcessesDocument, ProcessSnapshot } from './snapshot.js';

/** One figure of one process in two captures. */
export interface FigureChange {
  before: number | null;
  after: number | null;
  delta: number | null;
}

export interface ProcessChange {
  host: string;
  pid: number;
  process: string;
  /** 'changed': in both; 'new': only in B; 'gone': only in A. */
  status: 'changed' | 'new' | 'gone';
  rssBytes: FigureChange;
  fds: FigureChange;
  fdLimit: number | null;
  threads: FigureChange;
  /** Per TCP state (ESTAB, CLOSE-WAIT...), only states present in either capture. */
  sockets: Record<string, FigureChange>;
  /** The largest growth of its figures, in fds, threads, sockets or MiB of RSS: the ranking key. */
  growth: number;
}

export interface CaptureDiff {
  a: { host: string; takenAt: string }[];
  b: { host: string; takenAt: string }[];
  elapsedMs: number | null;
  processes: ProcessChange[];
}

function change(before: number | null | undefined, after: number | null | undefined): FigureChange {
  const b = before ?? null;
  const a = after ?? null;
  return { before: b, after: a, delta: b !== null && a !== null ? a - b : null };
}

/**
 * Growth in comparable units: one per fd, thread or socket, one per MiB of RSS. A leak shows as
 * tens or hundreds of any of these between two captures, whatever the process's size.
 */
function growthUnits(f: FigureChange, unit: number): number {
  return f.delta !== null && f.delta > 0 ? f.delta / unit : 0;
}

/**
 * What changed per process between two captures: RSS, fds, threads, sockets by state. A process
 * is the same when host, pid and name match (a reused pid is a different process). Sorted by
 * growth, largest first, then processes new in B, then those gone; unchanged ones are left out.
 */
export function diffCaptures(a: readonly ProcessesDocument[], b: readonly ProcessesDocument[]): CaptureDiff {
  const key = (host: string, p: ProcessSnapshot) => `${host}\0${p.pid}\0${p.name}`;
  const before = new Map<string, { host: string; p: ProcessSnapshot }>();
  for (const d of a) for (const p of d.processes) before.set(key(d.host, p), { host: d.host, p });
  const out: ProcessChange[] = [];
  const seen = new Set<string>();
  for (const d of b) {
    for (const p of d.processes) {
      const k = key(d.host, p);
      seen.add(k);
      const old = before.get(k)?.p;
      out.push(compare(d.host, old ?? null, p));
    }
  }
  for (const [k, { host, p }] of before) if (!seen.has(k)) out.push(compare(host, p, null));
  const changed = out.filter((c) => c.status !== 'changed' || hasChange(c));
  const rank = { changed: 0, new: 1, gone: 2 } as const;
  changed.sort((x, y) => rank[x.status] - rank[y.status] || y.growth - x.growth || (y.fds.delta ?? 0) - (x.fds.delta ?? 0) || (y.rssBytes.delta ?? 0) - (x.rssBytes.delta ?? 0) || x.pid - y.pid);
  const times = (docs: readonly ProcessesDocument[]) => docs.map((d) => ({ host: d.host, takenAt: d.takenAt }));
  const tA = Date.parse(a[0]?.takenAt ?? '');
  const tB = Date.parse(b[0]?.takenAt ?? '');
  return { a: times(a), b: times(b), elapsedMs: Number.isFinite(tA) && Number.isFinite(tB) ? tB - tA : null, processes: changed };
}

function compare(host: string, a: ProcessSnapshot | null, b: ProcessSnapshot | null): ProcessChange {
  const p = (b ?? a)!;
  const states = new Set([...Object.keys(a?.sockets ?? {}), ...Object.keys(b?.sockets ?? {})]);
  const sockets: Record<string, FigureChange> = {};
  for (const s of [...states].sort()) sockets[s] = change(a ? (a.sockets[s] ?? 0) : null, b ? (b.sockets[s] ?? 0) : null);
  const c: ProcessChange = {
    host,
    pid: p.pid,
    process: p.name,
    status: a && b ? 'changed' : b ? 'new' : 'gone',
    rssBytes: change(a?.rssBytes, b?.rssBytes),
    fds: change(a?.fds?.total, b?.fds?.total),
    fdLimit: b?.fdSoftLimit ?? a?.fdSoftLimit ?? null,
    threads: change(a?.threads, b?.threads),
    sockets,
    growth: 0,
  };
  c.growth = Math.max(growthUnits(c.fds, 1), growthUnits(c.threads, 1), growthUnits(c.rssBytes, 1024 * 1024), ...Object.values(sockets).map((s) => growthUnits(s, 1)));
  return c;
}

function hasChange(c: ProcessChange): boolean {
  return [c.rssBytes, c.fds, c.threads, ...Object.values(c.sockets)].some((f) => f.delta !== null && f.delta !== 0);
}
