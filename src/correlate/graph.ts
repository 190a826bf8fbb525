import { DETECTORS } from '../detect/registry.js';
import type { Finding } from '../detect/finding.js';
import type { HostDirectory } from './host-directory.js';
import { EARLY_TOLERANCE_MS, LINKS, type CausalLink } from './links.js';

export interface Edge {
  cause: Finding;
  effect: Finding;
  link: CausalLink;
  lagMs: number;
}

export interface CausalGraph {
  edges: Edge[];
  parents: Map<Finding, Edge[]>;
  children: Map<Finding, Edge[]>;
}

const SOFTWARE = new Map(DETECTORS.map((d) => [d.name, d.software]));

/** 'zookeeper-client' and 'zookeeper' are one service family: the client of an ensemble and the ensemble. */
function familyOf(f: Finding): string | null {
  const s = SOFTWARE.get(f.detector);
  if (!s || s === 'any') return null;
  return s.replace(/-client$/, '');
}

/**
 * Is there evidence that the effect's host depends on the cause's host? Same host; or both
 * findings belong to one service family (an ensemble and its members or clients); or the effect's
 * host talks to an address the cause's host owns (host-directory.ts); or the effect's evidence names
 * the cause's host.
 */
function dependsOn(effect: Finding, cause: Finding, hosts: HostDirectory | null): boolean {
  if (effect.host !== null && effect.host === cause.host) return true;
  const fe = familyOf(effect);
  if (fe !== null && fe === familyOf(cause)) return true;
  const host = cause.host;
  if (host === null) return false;
  if (effect.host !== null && hosts?.dependsOn(effect.host, host)) return true;
  return host.length >= 3 && effect.evidence.some((ev) => ev.text.includes(host));
}

function placeAgrees(link: CausalLink, cause: Finding, effect: Finding, hosts: HostDirectory | null): boolean {
  switch (link.scope) {
    case 'same-host':
      return cause.host !== null && cause.host === effect.host;
    case 'same-process':
      return cause.host !== null && cause.host === effect.host &&
        ((cause.pid !== null && cause.pid === effect.pid) || (cause.process !== null && cause.process === effect.process));
    case 'dependency':
      return dependsOn(effect, cause, hosts);
  }
}

/**
 * Draws a link from each finding to each later finding where the knowledge (links.ts), the time
 * (effect after cause, within the link's lag; a few seconds early is tolerated) and the place agree.
 * Where two findings link both ways, the one already explained by a finding of another category is
 * the cause; otherwise the earlier one.
 */
export function buildGraph(findings: readonly Finding[], hosts: HostDirectory | null = null): CausalGraph {
  const byCategory = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byCategory.get(f.category) ?? [];
    list.push(f);
    byCategory.set(f.category, list);
  }
  let edges: Edge[] = [];
  for (const link of LINKS) {
    for (const cause of byCategory.get(link.cause) ?? []) {
      for (const effect of byCategory.get(link.effect) ?? []) {
        if (cause === effect || cause.timeMs === null || effect.timeMs === null) continue;
        const lagMs = effect.timeMs - cause.timeMs;
        if (lagMs < -EARLY_TOLERANCE_MS || lagMs > link.maxLagMs) continue;
        if (!placeAgrees(link, cause, effect, hosts)) continue;
        edges.push({ cause, effect, link, lagMs });
      }
    }
  }
  edges = dropBackEdges(edges);
  const parents = new Map<Finding, Edge[]>();
  const children = new Map<Finding, Edge[]>();
  for (const e of edges) {
    parents.set(e.effect, [...(parents.get(e.effect) ?? []), e]);
    children.set(e.cause, [...(children.get(e.cause) ?? []), e]);
  }
  return { edges, parents, children };
}

function dropBackEdges(edges: Edge[]): Edge[] {
  const has = new Set(edges.map((e) => `${e.cause.id}>${e.effect.id}`));
  const explained = new Set(edges.filter((e) => e.cause.category !== e.effect.category).map((e) => e.effect));
  return edges.filter((e) => {
    if (!has.has(`${e.effect.id}>${e.cause.id}`)) return true;
    const causeExplained = explained.has(e.cause);
    const effectExplained = explained.has(e.effect);
    if (causeExplained !== effectExplained) return causeExplained;
    return e.lagMs > 0 || (e.lagMs === 0 && e.cause.id < e.effect.id);
  });
}
