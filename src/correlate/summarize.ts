import type { Finding } from '../detect/finding.js';

/** Steps named in a summary after the root: the first finding of each further category. */
const MAX_STEPS = 4;

function lag(ms: number): string {
  const s = Math.abs(ms) / 1000;
  if (s < 1) return `${Math.round(Math.abs(ms))} ms`;
  if (s < 120) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  return `${(s / 60).toFixed(0)} min`;
}

/**
 * One sentence naming host, process and the decisive numbers: the root's title (and its trigger,
 * when a trigger set the defect off), then the first finding of each further category in the chain
 * with how long after the root it came.
 */
export function summarize(chain: readonly Finding[], trigger: readonly Finding[] = []): string {
  const [root, ...effects] = chain;
  if (!root) return '';
  const parts = [`${root.title}${root.host ? ` on ${root.host}` : ''}`];
  const t = trigger[0];
  if (t) {
    const before = t.timeMs !== null && root.timeMs !== null ? ` ${lag(root.timeMs - t.timeMs)} before` : '';
    parts[0] += `, triggered by ${t.title}${t.host ? ` on ${t.host}` : ''}${before}`;
  }
  const named = new Set([root.category]);
  for (const f of effects) {
    if (named.has(f.category) || named.size > MAX_STEPS) continue;
    named.add(f.category);
    const when = root.timeMs !== null && f.timeMs !== null
      ? (f.timeMs >= root.timeMs ? `${lag(f.timeMs - root.timeMs)} later` : `${lag(root.timeMs - f.timeMs)} before`)
      : 'then';
    parts.push(`${when}${f.host ? ` on ${f.host}` : ''}: ${f.title}`);
  }
  return parts.join('; ') + '.';
}
