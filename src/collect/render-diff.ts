import type { CaptureDiff, FigureChange, ProcessChange } from './diff-captures.js';

/** Bytes as MiB with one decimal, or KiB below a MiB (small RSS changes would print +0.0 MiB). */
function size(bytes: number): string {
  return Math.abs(bytes) < 1024 * 1024 ? `${Math.round(bytes / 1024)} KiB` : `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

function signed(n: number, fmt: (n: number) => string = String): string {
  return n > 0 ? `+${fmt(n)}` : n < 0 ? `-${fmt(-n)}` : '0';
}

function figure(label: string, f: FigureChange, fmt: (n: number) => string = String, suffix = ''): string | null {
  if (f.delta === null || f.delta === 0) return null;
  return `${label} ${fmt(f.before!)} -> ${fmt(f.after!)} (${signed(f.delta, fmt)})${suffix}`;
}

function describe(c: ProcessChange): string {
  const head = `${c.host} ${c.process} (pid ${c.pid})`;
  if (c.status !== 'changed') return `${head}: ${c.status === 'new' ? 'new in B' : 'gone in B'}`;
  const parts = [
    figure('fds', c.fds, String, c.fdLimit !== null && c.fds.after !== null ? ` of limit ${c.fdLimit}` : ''),
    figure('rss', c.rssBytes, size),
    figure('threads', c.threads),
    ...Object.entries(c.sockets).map(([s, f]) => figure(s, f)),
  ].filter((x): x is string => x !== null);
  return `${head}: ${parts.join(', ')}`;
}

/** Text report of a diff: one line per process, largest growth first. */
export function renderDiffText(d: CaptureDiff, limit = 50): string {
  const lines = [
    `A: ${d.a.map((x) => `${x.host} ${x.takenAt}`).join(', ')}`,
    `B: ${d.b.map((x) => `${x.host} ${x.takenAt}`).join(', ')}${d.elapsedMs !== null ? ` (${(d.elapsedMs / 1000).toFixed(1)} s later)` : ''}`,
  ];
  const changed = d.processes.filter((c) => c.status === 'changed');
  const others = d.processes.filter((c) => c.status !== 'changed');
  if (changed.length === 0) lines.push('no process changed');
  for (const c of changed.slice(0, limit)) lines.push(describe(c));
  if (changed.length > limit) lines.push(`... ${changed.length - limit} more changed processes (--format json lists all)`);
  const born = others.filter((c) => c.status === 'new').length;
  const gone = others.length - born;
  if (born + gone > 0) lines.push(`${born} processes new in B, ${gone} gone`);
  return `${lines.join('\n')}\n`;
}
