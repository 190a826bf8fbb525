import type { Finding } from '../detect/finding.js';
import { LINKS, type CausalLink } from './links.js';

const BY_PAIR = new Map<string, CausalLink>(LINKS.map((l) => [linkKey(l.cause, l.effect), l]));

/** The key of a link between two categories, `cause>effect`; reports key translations by it. */
export function linkKey(cause: string, effect: string): string {
  return `${cause}>${effect}`;
}

/**
 * The knowledge behind one step of a chain: the link from the cause's category to the effect's.
 * A chain is built only along such links (graph.ts), so each step has one; null for a pair the
 * knowledge does not hold (a chain from elsewhere).
 */
export function linkBetween(cause: Finding, effect: Finding): CausalLink | null {
  return BY_PAIR.get(linkKey(cause.category, effect.category)) ?? null;
}
