import type { Category } from '../detect/category.js';
import type { Evidence, Finding, FindingSeverity, RootCause } from '../detect/finding.js';
import { buildGraph, type CausalGraph } from './graph.js';
import type { HostDirectory } from './host-directory.js';
import { LAYER, LAYER_RANK } from './layers.js';
import { summarize } from './summarize.js';

const SEVERITY_WEIGHT: Record<FindingSeverity, number> = { critical: 0.5, error: 0.4, warning: 0.25, info: 0.1 };
/** each further category the cause explains adds this, up to three of them */
const PER_EFFECT_CATEGORY = 0.12;
const MAX_EFFECT_CATEGORIES = 3;
const LAYER_BONUS = [0.1, 0.06, 0.03, 0] as const;
const MAX_CONFIDENCE = 0.95;
const MAX_ROOT_CAUSES = 5;
/**
 * Below this a candidate is not reported: it takes a critical finding, or an error that explains at
 * least one further category, to be a root cause. Lone warnings (a connection refused while an
 * ensemble starts) stay findings.
 */
const MIN_CONFIDENCE = 0.5;
const MAX_EVIDENCE = 8;

/**
 * Root causes, best first: findings nothing else explains, scored by their own severity, by how
 * many categories of effects they explain through the graph, and by how low in the stack they sit.
 * Each gets its chain (cause → effect, one finding per step) and the evidence of every step.
 */
export function rankRootCauses(all: readonly Finding[], hosts: HostDirectory | null = null): RootCause[] {
  if (all.length === 0) return [];
  const { kept: findings, folded } = foldSameEvents(all);
  const graph = buildGraph(findings, hosts);
  const candidates = findings.filter((f) => (graph.parents.get(f) ?? []).length === 0);
  const scored = candidates.map((f) => {
    const chain = longestChain(f, graph);
    const reached = downstreamCategories(f, graph);
    const confidence = Math.min(
      MAX_CONFIDENCE,
      SEVERITY_WEIGHT[f.severity] +
        PER_EFFECT_CATEGORY * Math.min(MAX_EFFECT_CATEGORIES, reached.size) +
        (LAYER_BONUS[LAYER_RANK[LAYER[f.category]]] ?? 0),
    );
    return { f, chain, confidence: Math.round(confidence * 100) / 100 };
  });
  scored.sort((a, b) => b.confidence - a.confidence || b.chain.length - a.chain.length || (a.f.timeMs ?? Infinity) - (b.f.timeMs ?? Infinity));
  const out: RootCause[] = [];
  const reported = new Set<Finding>();
  for (const s of scored) {
    if (out.length >= MAX_ROOT_CAUSES || s.confidence < MIN_CONFIDENCE) break;
    // a defect set off by a trigger (links.ts `trigger`) is the root cause; what came before it, its trigger
    const at = triggerIndex(s.chain, graph);
    const root = s.chain[at]!;
    if (reported.has(root)) continue;
    reported.add(root);
    const triggerChain = s.chain.slice(0, at);
    out.push({
      rank: out.length + 1,
      category: root.category,
      host: root.host,
      process: root.process,
      timeMs: root.timeMs,
      confidence: s.confidence,
      summary: summarize(s.chain.slice(at), triggerChain),
      chain: s.chain.map((f) => f.id),
      evidence: chainEvidence(s.chain.slice(at), folded, triggerChain),
      trigger: triggerChain.length === 0 ? null : {
        category: triggerChain[0]!.category, host: triggerChain[0]!.host, process: triggerChain[0]!.process,
        timeMs: triggerChain[0]!.timeMs, summary: summarize(triggerChain, []), chain: triggerChain.map((f) => f.id),
      },
    });
  }
  return out;
}

/** Index in the chain of the finding a `trigger` link leads to, or 0 when none does. */
function triggerIndex(chain: readonly Finding[], graph: CausalGraph): number {
  for (let i = 1; i < chain.length; i++) {
    const edge = (graph.parents.get(chain[i]!) ?? []).find((e) => e.cause === chain[i - 1]);
    if (edge?.link.trigger) return i;
  }
  return 0;
}

/**
 * One event that two detectors report: the first category folds into the second when both are on
 * the same host, name the same process, and are this close in time.
 */
const SAME_EVENT: readonly { from: Category; into: Category; withinMs: number; why: string }[] = [
  // the kernel's OOM report header (who ran out, the biggest tasks) and its verdict line: when the
  // biggest consumer is the one killed, the kill is the event; when a bystander was killed, the
  // memory-pressure finding names the consumer and stays a cause of its own
  { from: 'memory-pressure', into: 'oom-kill', withinMs: 2_000, why: 'one kernel OOM report' },
];

function foldSameEvents(all: readonly Finding[]): { kept: Finding[]; folded: Map<Finding, Finding[]> } {
  const folded = new Map<Finding, Finding[]>();
  const gone = new Set<Finding>();
  for (const rule of SAME_EVENT) {
    for (const from of all) {
      if (from.category !== rule.from || gone.has(from) || from.timeMs === null) continue;
      const into = all.find((f) => f.category === rule.into && f.host === from.host && f.timeMs !== null &&
        Math.abs(f.timeMs - from.timeMs!) <= rule.withinMs &&
        ((f.pid !== null && f.pid === from.pid) || (f.process !== null && f.process === from.process)));
      if (!into) continue;
      gone.add(from);
      folded.set(into, [...(folded.get(into) ?? []), from]);
    }
  }
  // A full filesystem seen in a snapshot (df: a mount, no process) and the writes that failed under
  // that mount (ENOSPC naming a file) are one event: the writer is who filled it or suffered first.
  for (const snap of all) {
    const mount = snap.facts.mount;
    if (snap.category !== 'disk-full' || typeof mount !== 'string' || gone.has(snap)) continue;
    const under = (file: unknown) => typeof file === 'string' && (file === mount || file.startsWith(mount.endsWith('/') ? mount : `${mount}/`));
    const into = all
      .filter((f) => f !== snap && f.category === 'disk-full' && f.host === snap.host && f.process !== null && !gone.has(f) && under(f.facts.file))
      .sort((a, b) => (a.timeMs ?? Infinity) - (b.timeMs ?? Infinity))[0];
    if (!into) continue;
    gone.add(snap);
    folded.set(into, [...(folded.get(into) ?? []), snap]);
  }
  return { kept: all.filter((f) => !gone.has(f)), folded };
}

function downstreamCategories(root: Finding, graph: CausalGraph): Set<Category> {
  const seen = new Set<Finding>([root]);
  const cats = new Set<Category>();
  const stack = [root];
  while (stack.length) {
    for (const e of graph.children.get(stack.pop()!) ?? []) {
      if (seen.has(e.effect)) continue;
      seen.add(e.effect);
      if (e.effect.category !== root.category) cats.add(e.effect.category);
      stack.push(e.effect);
    }
  }
  return cats;
}

/**
 * The chain from a root: at each step the effect that leads to the most further categories (ties:
 * the earliest), never visiting a category twice in a row nor a finding twice.
 */
function longestChain(root: Finding, graph: CausalGraph): Finding[] {
  const depthMemo = new Map<Finding, number>();
  const depth = (f: Finding, onPath: Set<Finding>): number => {
    const memo = depthMemo.get(f);
    if (memo !== undefined) return memo;
    onPath.add(f);
    let best = 0;
    for (const e of graph.children.get(f) ?? []) {
      if (onPath.has(e.effect)) continue;
      const step = e.effect.category === f.category ? 0 : 1;
      best = Math.max(best, step + depth(e.effect, onPath));
    }
    onPath.delete(f);
    depthMemo.set(f, best);
    return best;
  };
  const chain = [root];
  const used = new Set<Finding>([root]);
  for (let f = root; ;) {
    const next = (graph.children.get(f) ?? [])
      .map((e) => e.effect)
      .filter((c) => !used.has(c))
      .sort((a, b) => {
        const da = depth(a, new Set(used)) + (a.category === f.category ? 0 : 1);
        const db = depth(b, new Set(used)) + (b.category === f.category ? 0 : 1);
        return db - da || (a.timeMs ?? Infinity) - (b.timeMs ?? Infinity);
      })[0];
    if (!next) break;
    // a step within one category (another member of the same ensemble) is kept only if it leads on
    if (next.category === f.category && depth(next, new Set(used)) === 0) break;
    chain.push(next);
    used.add(next);
    f = next;
  }
  return chain;
}

function chainEvidence(chain: readonly Finding[], folded: Map<Finding, Finding[]>, trigger: readonly Finding[]): Evidence[] {
  const out: Evidence[] = [];
  const add = (ev: Evidence) => {
    if (out.length < MAX_EVIDENCE && !out.some((o) => o.path === ev.path && o.line === ev.line)) out.push(ev);
  };
  for (const f of chain) {
    for (const ev of f.evidence.slice(0, f === chain[0] ? 3 : 1)) add(ev);
    if (f === chain[0]) {
      for (const g of folded.get(f) ?? []) for (const ev of g.evidence.slice(0, 2)) add(ev);
      for (const t of trigger) for (const ev of t.evidence.slice(0, 1)) add(ev);
    }
  }
  return out;
}
