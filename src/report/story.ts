import { linkBetween } from '../correlate/explain.js';
import { type CausalLink, effectIsDefect } from '../correlate/links.js';
import type { Finding, RootCause } from '../detect/finding.js';
import { zoneOffsetMs } from '../events/time.js';
import type { Analysis } from '../pipeline.js';
import { t, type Messages } from './i18n/index.js';

/** One step of a root cause's chain, with the knowledge that links it to the step before. */
export interface ChainStep {
  finding: Finding;
  /** what set the defect off (the ranking's trigger), the root cause itself, or one of its effects */
  role: 'trigger' | 'root' | 'effect';
  /** the link from the previous step; null for the root */
  link: CausalLink | null;
  /** the why in the report's language */
  why: string | null;
}

export function findingsById(a: Analysis): Map<string, Finding> {
  return new Map(a.findings.map((f) => [f.id, f]));
}

/** The chain as the report tells it: the trigger's findings (if any), then the root cause and its effects. */
export function chainSteps(r: RootCause, byId: Map<string, Finding>, m: Messages): ChainStep[] {
  const steps: ChainStep[] = [];
  let prev: Finding | null = null;
  const triggerIds = r.trigger?.chain ?? [];
  // the ranking's chain runs from the first cause, so it may already start with the trigger's findings
  const startsWithTrigger = triggerIds.every((id, i) => r.chain[i] === id);
  const ids = startsWithTrigger ? r.chain : [...triggerIds, ...r.chain];
  ids.forEach((id, i) => {
    const f = byId.get(id);
    if (!f) return;
    const link = prev ? linkBetween(prev, f) : null;
    const role = i < triggerIds.length ? 'trigger' : i === triggerIds.length ? 'root' : 'effect';
    steps.push({ finding: f, role, link, why: link ? (m.linkWhy[`${link.cause}>${link.effect}`] ?? link.why) : null });
    prev = f;
  });
  return steps;
}

/**
 * Trigger and defect, where both exist. The ranking's own trigger comes first: it set off the
 * root cause, which is the defect. Without one, the root sets it off and the first later step on
 * another process whose link marks it as a flaw in handling (links.ts `defect`) is what turned it
 * into an outage.
 */
export function triggerAndDefect(steps: readonly ChainStep[]): { trigger: ChainStep; defect: ChainStep } | null {
  const ranked = steps.find((s) => s.role === 'trigger');
  const rootStep = steps.find((s) => s.role === 'root');
  if (ranked && rootStep) return { trigger: ranked, defect: rootStep };
  const root = steps[0];
  if (!root) return null;
  const defect = steps.slice(1).find((s) => s.link !== null && effectIsDefect(s.link) &&
    (s.finding.host !== root.finding.host || s.finding.process !== root.finding.process));
  return defect ? { trigger: root, defect } : null;
}

function lagText(ms: number, m: Messages): string {
  const s = Math.abs(ms) / 1000;
  if (s < 1) return t(m, 'unitMs', { n: Math.round(Math.abs(ms)) });
  if (s < 120) return t(m, 'unitS', { n: s.toFixed(s < 10 ? 1 : 0) });
  return t(m, 'unitMin', { n: (s / 60).toFixed(0) });
}

/**
 * The root cause's sentence in the report's language: the same parts as correlate/summarize.ts
 * (the root's title, then the first finding of each further category with its lag), with the
 * connecting words from the language's strings. English keeps the ranking's own sentence.
 */
export function localSummary(r: RootCause, steps: readonly ChainStep[], m: Messages): string {
  const at = steps.findIndex((s) => s.role === 'root');
  if (m.lang === 'en' || at < 0) return r.summary;
  const root = steps[at]!.finding;
  const parts = [root.host ? t(m, 'sumOnHost', { title: root.title, host: root.host }) : root.title];
  const trig = steps[0]!.role === 'trigger' ? steps[0]!.finding : null;
  if (trig) {
    const lag = trig.timeMs !== null && root.timeMs !== null ? lagText(root.timeMs - trig.timeMs, m) : '?';
    const trigger = trig.host ? t(m, 'sumTriggerText', { title: trig.title, host: trig.host, lag }) : trig.title;
    parts[0] = t(m, 'sumTriggered', { root: parts[0]!, trigger });
  }
  const named = new Set([root.category]);
  for (const { finding: f } of steps.slice(at + 1)) {
    if (named.has(f.category) || named.size > 4) continue;
    named.add(f.category);
    const when = root.timeMs !== null && f.timeMs !== null
      ? t(m, f.timeMs >= root.timeMs ? 'sumLater' : 'sumBefore', { lag: lagText(f.timeMs - root.timeMs, m) })
      : t(m, 'sumThen');
    parts.push(f.host ? t(m, 'sumStep', { when, host: f.host, title: f.title }) : t(m, 'sumStepNoHost', { when, title: f.title }));
  }
  return parts.join(t(m, 'sumJoin')) + t(m, 'sumEnd');
}

/** A time for people: in `zone` with its offset when one was given (--tz), else ISO-8601 UTC. */
export function formatTime(ms: number | null, zone: string | null): string {
  if (ms === null || !Number.isFinite(ms)) return '?';
  if (zone === null) return new Date(ms).toISOString();
  const off = zoneOffsetMs(zone, ms);
  const wall = new Date(ms + off).toISOString().replace('T', ' ').replace('Z', '');
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off) / 60_000;
  return `${wall} ${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Hosts and processes the top root cause's chain touched (all findings' when there is none). */
export function impactOf(a: Analysis, steps: readonly ChainStep[]): { hosts: string[]; processes: string[] } {
  const fs = steps.length > 0 ? steps.map((s) => s.finding) : a.findings;
  const hosts = [...new Set(fs.map((f) => f.host).filter((h): h is string => h !== null))];
  const processes = [...new Set(fs.map((f) => (f.process ? `${f.process}${f.host ? ` (${f.host})` : ''}` : null)).filter((p): p is string => p !== null))];
  return { hosts, processes };
}

/** Facts as `name=value` pairs, bytes in readable units. */
export function factPairs(f: Finding): [string, string][] {
  return Object.entries(f.facts).filter(([, v]) => v !== null).map(([k, v]) => [k, formatFact(k, v!)]);
}

function formatFact(key: string, v: string | number | boolean): string {
  if (typeof v === 'number' && /Bytes$/.test(key) && v >= 1024) {
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let x = v / 1024;
    let u = 0;
    while (x >= 1024 && u < units.length - 1) { x /= 1024; u++; }
    return `${v} (${x.toFixed(1)} ${units[u]})`;
  }
  return String(v);
}
